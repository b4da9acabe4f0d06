import PlanCore

/// The reporting workflow for people and machine clients: save drafts, submit, approve,
/// return, correct. It enforces what the data requires (a value waiting for review cannot be
/// changed, a locked period cannot be changed by a reporter, a fact belongs to one project);
/// who may do what is decided before it is called (PlanWeb's `AccessPolicy`).
public struct Workflow: Sendable {
    public let store: any Store
    public let index: PlanIndex
    /// Days after a period's end when reporters can no longer change it without an unlock.
    public var lockAfterDays: Int
    /// Lets the person who recorded or submitted a value approve it: for an office of one person
    /// only (`--allow-self-approval`). Each such approval is audited as `fact.self-approve`.
    public var allowSelfApproval: Bool
    /// Submissions, returns and approvals tell the people concerned (`Notifier`), through the
    /// outbox written in the same transaction.
    public var notifies = true

    public init(store: any Store, index: PlanIndex, lockAfterDays: Int = 90, allowSelfApproval: Bool = false) {
        self.store = store
        self.index = index
        self.lockAfterDays = lockAfterDays
        self.allowSelfApproval = allowSelfApproval
    }

    var notifier: Notifier? { notifies ? Notifier(store: store, index: index) : nil }

    /// Every fact of the given kinds, by key.
    public func ledger(_ kinds: [FactKind] = FactKind.allCases) async throws -> [FactKey: KeyState] {
        var facts: [StoredFact] = []
        for kind in kinds { facts += try await store.facts(kind, states: nil) }
        return KeyState.ledger(facts)
    }

    /// The facts of the given kinds about the given subjects, by key: what a write needs, read by
    /// index so that a submission costs the same in a plan of twelve projects or of thousands.
    public func ledger(_ kinds: [FactKind], subjects: Set<String>) async throws -> [FactKey: KeyState] {
        var facts: [StoredFact] = []
        for kind in kinds { facts += try await store.facts(kind, subjects: subjects) }
        return KeyState.ledger(facts)
    }

    /// Every key that has a value waiting for review, with the whole history of those subjects
    /// (for the value each replaces): what the review queue shows, read by index.
    public func ledgerOfWaiting() async throws -> [FactKey: KeyState] {
        try await ledger(ofSubjectsWith: [.submitted])
    }

    /// Every value waiting for review, of every kind, found by index. (A key has at most one.)
    public func waiting() async throws -> [StoredFact] {
        var out: [StoredFact] = []
        for kind in FactKind.allCases { out += try await store.facts(kind, states: [.submitted]) }
        return out
    }

    /// The whole history of the subjects of the given facts, by key: what a page of the review
    /// queue needs to show each value beside the one it replaces.
    public func ledger(of facts: [StoredFact]) async throws -> [FactKey: KeyState] {
        var out: [FactKey: KeyState] = [:]
        for (kind, group) in Dictionary(grouping: facts, by: \.entry.draft.kind) {
            out.merge(try await ledger([kind], subjects: Set(group.map(\.entry.draft.key.subject)))) { first, _ in first }
        }
        return out
    }

    /// The whole history of every subject that has a value in one of `states`: what the review
    /// queue (submitted) and a reporter's list of returned values need, read by index.
    public func ledger(ofSubjectsWith states: Set<ApprovalState>) async throws -> [FactKey: KeyState] {
        var out: [FactKey: KeyState] = [:]
        for kind in FactKind.allCases {
            let found = try await store.facts(kind, states: states)
            guard !found.isEmpty else { continue }
            out.merge(try await ledger([kind], subjects: Set(found.map(\.entry.draft.key.subject)))) { first, _ in first }
        }
        return out
    }

    /// The keys of whole years (every indicator's yearly value, every project's budget and jobs
    /// of a year): what the reporting status counts. A national plan's monthly values are not
    /// read, so the coordinating office's pages cost the same whatever their number.
    public func ledgerOfYears(_ years: ClosedRange<Int>) async throws -> [FactKey: KeyState] {
        var facts = try await store.observations(inPeriods: Set(years.map(String.init)))
        facts += try await store.facts(.budget, states: nil)
        facts += try await store.facts(.jobs, states: nil)
        return KeyState.ledger(facts)
    }

    /// The ids a project's facts are about: its indicators, itself, its tasks.
    public func subjects(of project: String) -> Set<String> {
        guard let position = index.projectIndex[project] else { return [] }
        var out: Set<String> = [project]
        for (i, indicator) in index.indicators.enumerated() where index.projectOfIndicator[i] == position { out.insert(indicator.id) }
        for (i, task) in index.tasks.enumerated() where index.projectOfTask[i] == position { out.insert(task.id) }
        return out
    }

    /// Whether reporters may no longer change `period` of `project` on `today` (Korea's day). An
    /// unlock of a year opens every period within it.
    public func isLocked(project: String, period: Period, today: CalendarDay, unlocks: [PeriodUnlock], now: Timestamp) -> Bool {
        guard lockAfterDays >= 0, period.end.adding(days: lockAfterDays) < today else { return false }
        let year = String(period.start.year)
        return !unlocks.contains { $0.projectId == project && ($0.period == period.iso || $0.period == year) && $0.until >= now.seconds }
    }

    /// Records entries for one project as drafts, or submitted for review when `submit`.
    /// An entry for something already published becomes a revision of it. Throws
    /// `WorkflowError.rejected` listing every entry that cannot be recorded; then nothing is.
    @discardableResult
    public func record(_ entries: [FactEntry], project: String, submit: Bool, actor: Actor, bypassLocks: Bool,
                       at: Timestamp) async throws -> [Int64] {
        guard !entries.isEmpty else { return [] }
        let kinds = Array(Set(entries.map(\.draft.kind))).sorted { $0.rawValue < $1.rawValue }
        let ledger = try await ledger(kinds, subjects: Set(entries.map(\.draft.key.subject)))
        let unlocks = bypassLocks ? [] : try await unlocks()
        var problems: [WorkflowError.Problem] = []
        var toAppend: [FactEntry] = []
        // Entries of one call are recorded at one instant: two for one key would leave their
        // order in the request to decide which counts, so both places are named and neither kept.
        var seen: [FactKey: Int] = [:]
        for (i, var entry) in entries.enumerated() {
            let key = entry.draft.key
            guard entry.draft.projectId(index) == project else {
                problems.append(.init(entry: i, key: key, reason: .notInProject))
                continue
            }
            if let first = seen[key] {
                problems.append(.init(entry: i, key: key, reason: .duplicate, firstEntry: first))
                continue
            }
            seen[key] = i
            let state = ledger[key]
            if state?.submitted != nil {
                problems.append(.init(entry: i, key: key, reason: .waitingForReview))
                continue
            }
            if !bypassLocks, let period = entry.draft.lockPeriod,
               isLocked(project: project, period: period, today: at.koreanDay, unlocks: unlocks, now: at) {
                problems.append(.init(entry: i, key: key, reason: .locked))
                continue
            }
            if entry.supersedes == nil, let published = state?.approved { entry.supersedes = published.id }
            toAppend.append(entry)
        }
        guard problems.isEmpty else { throw WorkflowError.rejected(problems) }
        var notifications: [OutgoingNotification] = []
        if submit, let notifier { notifications = try await notifier.submitted(toAppend.map(\.draft.key), project: project, actor: actor) }
        return try await store.append(toAppend, state: submit ? .submitted : .draft, actor: actor, at: at, notifications: notifications)
    }

    /// Submits drafts of one project for review. Only the newest draft of a key can be submitted,
    /// and a draft of a period locked since it was saved stays a draft until it is unlocked.
    public func submit(_ kind: FactKind, ids: [Int64], project: String, actor: Actor, bypassLocks: Bool, at: Timestamp) async throws {
        var subjects = Set<String>()
        var keys: [FactKey] = []
        for id in ids {
            guard let fact = try await store.fact(kind, id: id) else { throw StoreError.notFound("\(kind.table) #\(id)") }
            subjects.insert(fact.entry.draft.key.subject)
            keys.append(fact.key)
        }
        let ledger = try await ledger([kind], subjects: subjects)
        let unlocks = bypassLocks ? [] : try await unlocks()
        var problems: [WorkflowError.Problem] = []
        for (i, id) in ids.enumerated() {
            guard let (key, state) = ledger.first(where: { $0.value.history.contains { $0.id == id } }) else {
                throw StoreError.notFound("\(kind.table) #\(id)")
            }
            guard state.history.first(where: { $0.id == id })?.entry.draft.projectId(index) == project else {
                problems.append(.init(entry: i, key: key, reason: .notInProject))
                continue
            }
            guard let draft = state.draft, draft.id == id else {
                problems.append(.init(entry: i, key: key, reason: .notTheCurrentDraft))
                continue
            }
            if !bypassLocks, let period = draft.entry.draft.lockPeriod,
               isLocked(project: project, period: period, today: at.koreanDay, unlocks: unlocks, now: at) {
                problems.append(.init(entry: i, key: key, reason: .locked))
            }
        }
        guard problems.isEmpty else { throw WorkflowError.rejected(problems) }
        let notifications = try await notifier?.submitted(keys, project: project, actor: actor) ?? []
        try await store.transition(kind, ids: ids, to: .submitted, actor: actor, reason: nil, at: at, notifications: notifications)
    }

    /// The period unlocks in force, read when a lock is to be checked.
    private func unlocks() async throws -> [PeriodUnlock] { try await Directory(store: store).unlocks() }

    /// Every current draft of a project (optionally of one period), to submit them together.
    public func drafts(project: String, period: String? = nil) async throws -> [FactKind: [Int64]] {
        var out: [FactKind: [Int64]] = [:]
        for (key, state) in try await ledger(FactKind.allCases, subjects: subjects(of: project)) {
            guard let draft = state.draft, draft.entry.draft.projectId(index) == project else { continue }
            if let period, key.kind != .taskStatus, key.period != period { continue }
            out[key.kind, default: []].append(draft.id)
        }
        return out.mapValues { $0.sorted() }
    }

    /// The facts among `ids` that the person behind `actor` recorded or submitted, with their
    /// positions: people are compared, not credentials, so an account's session and the tokens
    /// it holds are one person (`APIToken.person`). Who recorded and who submitted a fact never
    /// change once it is submitted, so reading them before the approval's own transaction
    /// leaves no gap.
    public func ownValues(_ kind: FactKind, ids: [Int64], actor: Actor) async throws -> [(Int, StoredFact)] {
        let person = try await people()
        let approver = person(actor.id)
        var own: [(Int, StoredFact)] = []
        for (i, id) in ids.enumerated() {
            guard let fact = try await store.fact(kind, id: id) else { throw StoreError.notFound("\(kind.table) #\(id)") }
            if person(fact.recordedBy) == approver || fact.submitter.map(person) == approver { own.append((i, fact)) }
        }
        return own
    }

    /// The person behind an actor as the audit chain names it: a token (`token:ID`) is the
    /// person it belongs to; anyone else is themself.
    func people() async throws -> @Sendable (String) -> String {
        var holders: [String: String] = [:]
        for token in try await Directory(store: store).tokens() { holders["token:\(token.id)"] = token.person }
        let known = holders
        return { known[$0] ?? $0 }
    }

    /// Approves (publishing) or returns (with a reason) submitted facts. Four eyes: nobody
    /// approves a value they recorded or submitted (`WorkflowError.Problem.Reason.ownValue`),
    /// unless `allowSelfApproval`, when the approval is audited as such.
    public func decide(_ kind: FactKind, ids: [Int64], approve: Bool, reason: String?, actor: Actor, at: Timestamp) async throws {
        var facts: [StoredFact] = []
        if let notifier {
            for id in ids {
                guard let fact = try await store.fact(kind, id: id) else { throw StoreError.notFound("\(kind.table) #\(id)") }
                facts.append(fact)
            }
        }
        // Written in the move's own transaction: nobody hears of a move that did not happen.
        let notifications = try await notifier?.decided(facts, approved: approve, reason: reason, actor: actor) ?? []
        guard approve else {
            return try await store.transition(kind, ids: ids, to: .returned, actor: actor, reason: reason, at: at, notifications: notifications)
        }
        let own = try await ownValues(kind, ids: ids, actor: actor)
        if !own.isEmpty && !allowSelfApproval {
            throw WorkflowError.rejected(own.map { .init(entry: $0.0, key: $0.1.key, reason: .ownValue) })
        }
        try await store.transition(kind, ids: ids, to: .approved, actor: actor, reason: nil, at: at, notifications: notifications)
        if !own.isEmpty {
            let selfApproved = own.map(\.1.id)
            try await store.recordAudit(AuditNote(action: "fact.self-approve", entity: AuditPayload.entity(kind, ids: selfApproved),
                                                  after: .object([("table", .string(kind.table)), ("ids", IdRanges.json(IdRanges.compress(selfApproved))),
                                                                  ("why", .string("one-person office (--allow-self-approval)"))])),
                                        actor: actor, at: at)
        }
    }
}

/// Why some entries could not be recorded.
public enum WorkflowError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable {
        public enum Reason: String, Sendable {
            case notInProject, duplicate, waitingForReview, locked, notTheCurrentDraft
            /// The approver recorded or submitted the value (four eyes).
            case ownValue
        }

        /// The position of the entry (or id) in the request.
        public var entry: Int
        public var key: FactKey
        public var reason: Reason
        /// For a duplicate: the position of the earlier entry for the same key.
        public var firstEntry: Int? = nil

        public var message: String {
            let what = key.period.isEmpty ? key.subject : "\(key.subject) \(key.period)"
            switch reason {
            case .notInProject: return "\(what) is not part of this project"
            case .duplicate:
                let first = firstEntry.map { "entry \($0) and entry \(entry)" } ?? "entry \(entry) and an earlier one"
                return "\(what) appears twice in one request (\(first), counted from 0): recorded at the same time, which one counts would depend on their order; send one value"
            case .waitingForReview: return "\(what) is waiting for review and cannot be changed until it is approved or returned"
            case .locked: return "\(what) is locked; a coordinator can unlock the period"
            case .notTheCurrentDraft: return "\(what): only the newest draft can be submitted"
            case .ownValue: return "\(what) was recorded or submitted by the same person or token, who may not approve it too (four eyes)"
            }
        }
    }

    case rejected([Problem])

    public var description: String {
        switch self {
        case .rejected(let problems): return problems.map(\.message).joined(separator: "; ")
        }
    }
}
