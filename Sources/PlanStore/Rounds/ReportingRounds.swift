import PlanCore

/// The office's rounds and each year's own: opening and closing them, where each organization
/// stands in them, and their reminders, which go out once whichever server gets there first
/// (each is recorded with its notifications in one transaction, `Store.recordReminder`, and a
/// second try finds it done).
public struct ReportingRounds: Sendable {
    public let store: any Store
    public let index: PlanIndex
    public let dueAfterDays: Int

    public init(store: any Store, index: PlanIndex, dueAfterDays: Int) {
        self.store = store
        self.index = index
        self.dueAfterDays = dueAfterDays
    }

    /// The plan's ended years on `today`: each is a round of its own.
    public static func endedYears(_ index: PlanIndex, today: CalendarDay) -> [Int] {
        let first = index.plan.start.start.year
        return (first...max(first, index.plan.end.end.year)).filter { CalendarDay(year: $0, month: 12, day: 31)! < today }
    }

    /// Every round in force on `today`: the office's and each ended year's own.
    public func rounds(today: CalendarDay) async throws -> [ReportingRound] {
        ReportingRound.all(stored: try await store.rounds(), years: Self.endedYears(index, today: today), dueAfterDays: dueAfterDays)
    }

    /// Opens a round, telling the reporters of every organization it asks something of, in the
    /// same transaction. Throws `StoreError.invalid` naming the first problem of the draft.
    public func open(_ draft: RoundDraft, actor: Actor, at: Timestamp) async throws -> ReportingRound {
        if let problem = draft.problems(today: at.koreanDay).first { throw StoreError.invalid("\(problem.field): \(problem.message)") }
        let notifier = Notifier(store: store, index: index)
        let people = try await notifier.people()
        let provisional = ReportingRound(id: 0, key: "new", title: draft.title, period: draft.period, items: draft.items, due: draft.due,
                                         openedAt: at, openedBy: actor.id)
        let ledger = try await RoundProgress.ledger(for: [provisional], store: store)
        let progress = RoundProgress(round: provisional, index: index, projectsByOrganization: people.projectsByOrganization, ledger: ledger,
                                     today: at.koreanDay)
        let index = index
        return try await store.openRound(draft, actor: actor, at: at) { round in
            Notifier.roundOpened(round, progress: progress, people: people, office: actor, index: index)
        }
    }

    /// The round of `key` (`r12`, `y2025`) on `today`, if it is one.
    public func round(_ key: String, today: CalendarDay) async throws -> ReportingRound? {
        try await rounds(today: today).first { $0.key == key }
    }

    /// Where every organization stands in each of `rounds` on `today`.
    public func progress(_ rounds: [ReportingRound], projectsByOrganization: [String: Set<String>], today: CalendarDay) async throws -> [RoundProgress] {
        let ledger = try await RoundProgress.ledger(for: rounds, store: store)
        return rounds.map { RoundProgress(round: $0, index: index, projectsByOrganization: projectsByOrganization, ledger: ledger, today: today) }
    }

    /// Sends the reminders due on `at`'s day that no server has sent; returns how many notifications were written.
    @discardableResult
    public func sendReminders(at: Timestamp) async throws -> Int {
        let today = at.koreanDay
        let due = try await rounds(today: today).compactMap { r in ReminderMilestone.due(r, today: today).map { (r, $0) } }
        guard !due.isEmpty else { return 0 }
        let ledger = try await RoundProgress.ledger(for: due.map(\.0), store: store)
        let notifier = Notifier(store: store, index: index)
        let people = try await notifier.people()
        var written = 0
        for (round, milestone) in due {
            let progress = RoundProgress(round: round, index: index, projectsByOrganization: people.projectsByOrganization, ledger: ledger, today: today)
            let notifications = Notifier.reminder(round, milestone: milestone, progress: progress, people: people)
            let owed: [(String, JSONValue)] = progress.organizations.filter { !$0.isEmpty && progress.counts($0).owed > 0 }
                .map { ($0, .int(Int64(progress.counts($0).owed))) }
            let audit = AuditNote(action: "round.remind", entity: round.id.map { "rounds#\($0)" } ?? "round:\(round.key)",
                                  after: .object([("milestone", .string(milestone.rawValue)), ("owed", .object(owed)),
                                                  ("notifications", .int(Int64(notifications.count)))]))
            if try await store.recordReminder(round: round.key, milestone: milestone.rawValue, notifications: notifications, audit: audit, at: at) {
                written += notifications.count
            }
        }
        return written
    }
}
