import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// Reporting rounds, reminders and the notifications outbox, on every backend: what is written
/// with each event, to whom and in what words, and how senders share the outbox.
@Suite("Rounds and the outbox", .serialized)
struct RoundsAndOutboxTests {
    typealias F = Fixtures

    /// The plan, the office (kim, coordinator, emailed in Korean) and the ministry assigned 1-1:
    /// lee (Korean, emailed), choi (English, inbox only) and park, who turned round notices off.
    static func populate(_ store: any Store) async throws {
        _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
        let d = Directory(store: store)
        let now = Timestamp.now
        try await d.addOrganization(OrganizationRecord(id: "pmo", nameKo: "디지털뉴딜반", nameEn: "Digital New Deal Office"), actor: .system, at: now)
        try await d.addOrganization(OrganizationRecord(id: "msit", nameKo: "과학기술정보통신부", nameEn: "Ministry of Science and ICT"), actor: .system, at: now)
        try await d.assign(Assignment(organizationId: "msit", entityId: "1-1"), actor: .system, at: now)
        for (name, display, org, role) in [("kim", "김민지", "pmo", Role.coordinator), ("lee", "이서연", "msit", .reporter),
                                           ("choi", "Choi Jiwoo", "msit", .reporter), ("park", "박준호", "msit", .reporter)] {
            try await d.addAccount(Account(username: name, displayName: display, organizationId: org, role: role, passwordHash: "x", createdAt: now),
                                   actor: .system, at: now)
        }
        try await d.setPreferences(username: "kim", email: "kim@pmo.go.kr", language: .ko, muted: [], actor: .system, at: now)
        try await d.setPreferences(username: "lee", email: "lee@msit.go.kr", language: .ko, muted: [], actor: .system, at: now)
        try await d.setPreferences(username: "choi", email: nil, language: .en, muted: [], actor: .system, at: now)
        try await d.setPreferences(username: "park", email: "park@msit.go.kr", language: .ko, muted: [.roundOpened, .dueSoon, .returned],
                                   actor: .system, at: now)
    }

    static func draft(due: CalendarDay, period: String = "2025-Q4") -> RoundDraft {
        RoundDraft(title: LocalizedText(ko: "2025년 4분기 실적 점검", en: "Q4 2025 progress review"), period: try! PeriodParser.period(period),
                   items: [.indicators, .budget, .jobs, .tasks], due: due)
    }

    @Test("opening a round stores it, its audit event and its notifications together, each in its reader's language", arguments: Backend.all)
    func openRound(backend: Backend) async throws {
        try await backend.withStore { store in
            try await Self.populate(store)
            let now = Timestamp.now
            let rounds = ReportingRounds(store: store, index: F.index, dueAfterDays: 60)
            let round = try await rounds.open(Self.draft(due: now.koreanDay.adding(days: 20)), actor: Actor("user:kim"), at: now)
            #expect(round.key == "r\(round.id!)")
            #expect(try await store.rounds().map(\.key) == [round.key])
            let lee = try await store.notifications(recipient: "lee", limit: 10)
            #expect(lee.count == 1)
            #expect(lee[0].content.subject.contains("「2025년 4분기 실적 점검」 자료 제출 요청"))
            #expect(lee[0].content.body.contains("디지털뉴딜반에서 「2025년 4분기 실적 점검」을 시작하였습니다"))
            #expect(lee[0].content.body.contains("성과지표"))
            #expect(lee[0].mailState == .pending && lee[0].content.email == "lee@msit.go.kr")
            let choi = try await store.notifications(recipient: "choi", limit: 10)
            #expect(choi.count == 1 && choi[0].content.language == .en && choi[0].mailState == MailState.none)
            #expect(choi[0].content.body.contains("The reporting round \"Q4 2025 progress review\" has been opened by the Digital New Deal Office"))
            #expect(try await store.notifications(recipient: "park", limit: 10).isEmpty, "park turned round notices off")
            #expect(try await store.notifications(recipient: "kim", limit: 10).isEmpty, "the office opened it")
            #expect(try await store.auditEvents(after: 0, limit: 1000).contains { $0.action == "round.open" && $0.entity == "rounds#\(round.id!)" })
            #expect(try await store.verifyAudit().isIntact)
            // A draft with a problem is refused whole.
            await #expect(throws: StoreError.self) {
                try await rounds.open(Self.draft(due: now.koreanDay.adding(days: -1)), actor: Actor("user:kim"), at: now)
            }
            #expect(try await store.rounds().count == 1)
            try await store.closeRound(id: round.id!, actor: Actor("user:kim"), at: now)
            await #expect(throws: StoreError.self) { try await store.closeRound(id: round.id!, actor: Actor("user:kim"), at: now) }
            #expect(try await store.rounds()[0].isOpen == false)
        }
    }

    @Test("a reminder goes out once, however many servers try at the same moment", arguments: Backend.all)
    func reminderOnce(backend: Backend) async throws {
        try await backend.withStore { store in
            try await Self.populate(store)
            let opened = Timestamp(iso: "2026-11-20T01:00:00Z")!
            let rounds = ReportingRounds(store: store, index: F.index, dueAfterDays: 60)
            let round = try await rounds.open(Self.draft(due: CalendarDay(iso: "2026-12-09")!), actor: Actor("user:kim"), at: opened)
            let dayBefore = Timestamp(iso: "2026-12-08T03:00:00Z")!
            #expect(ReminderMilestone.due(round, today: dayBefore.koreanDay) == .before1)
            let written = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 { group.addTask { try await rounds.sendReminders(at: dayBefore) } }
                return try await group.reduce(0, +)
            }
            let lee = try await store.notifications(recipient: "lee", limit: 10).filter { $0.content.kind == .dueSoon }
            #expect(lee.count == 1)
            #expect(lee[0].content.subject.contains("제출 기한이 내일입니다"))
            #expect(written == 2, "lee and choi; park turned reminders off")
            #expect(try await store.auditEvents(after: 0, limit: 1000).filter { $0.action == "round.remind" }.count == 1)
            // Again later the same day, or after a restart: nothing more.
            #expect(try await rounds.sendReminders(at: Timestamp(seconds: dayBefore.seconds + 3600)) == 0)
            // The day after the due date: the late organization and the office.
            _ = try await rounds.sendReminders(at: Timestamp(iso: "2026-12-10T03:00:00Z")!)
            let overdue = try await store.notifications(recipient: "lee", limit: 10).filter { $0.content.kind == .overdue }
            #expect(overdue.count == 1 && overdue[0].content.subject.contains("제출 기한 경과 안내"))
            let summary = try await store.notifications(recipient: "kim", limit: 10).filter { $0.content.kind == .lateSummary }
            #expect(summary.count == 1 && summary[0].content.body.contains("과학기술정보통신부: 미제출"))
        }
    }

    @Test("a submission tells the office, a return its reporter with the reason (always), an approval too; never a figure", arguments: Backend.all)
    func workflowNotifies(backend: Backend) async throws {
        try await backend.withStore { store in
            try await Self.populate(store)
            let workflow = Workflow(store: store, index: F.index, lockAfterDays: -1)
            let at = Timestamp.now
            let ids = try await workflow.record([F.observation("1-1.data-market-size", "2025", 12_345.678)], project: "1-1", submit: true,
                                                actor: Actor("user:park"), bypassLocks: false, at: at)
            let review = try await store.notifications(recipient: "kim", limit: 10)
            #expect(review.count == 1 && review[0].content.kind == .submitted)
            #expect(review[0].content.body.contains("과학기술정보통신부 박준호 님"))
            try await workflow.decide(.observation, ids: ids, approve: false, reason: "출처 확인 필요\n표 3 참조", actor: Actor("user:kim"), at: at)
            let returned = try await store.notifications(recipient: "park", limit: 10)
            #expect(returned.count == 1 && returned[0].content.kind == .returned, "a return comes even to one who turned it off")
            #expect(returned[0].content.body.contains("출처 확인 필요\n    표 3 참조"))
            // A move that fails tells nobody.
            await #expect(throws: (any Error).self) {
                try await workflow.decide(.observation, ids: ids, approve: true, reason: nil, actor: Actor("user:kim"), at: at)
            }
            #expect(try await store.notifications(recipient: "park", limit: 10).count == 1)
            let again = try await workflow.record([F.observation("1-1.data-market-size", "2025", 12_345.678)], project: "1-1", submit: true,
                                                  actor: Actor("user:park"), bypassLocks: false, at: at)
            try await workflow.decide(.observation, ids: again, approve: true, reason: nil, actor: Actor("user:kim"), at: at)
            #expect(try await store.notifications(recipient: "park", limit: 10).first?.content.kind == .approved)
            for person in ["kim", "lee", "choi", "park"] {
                for n in try await store.notifications(recipient: person, limit: 100) {
                    for figure in ["12345", "12,345", "1.2만", "12346"] {
                        #expect(!n.content.body.contains(figure) && !n.content.subject.contains(figure), "\(person) was told a figure")
                    }
                }
            }
        }
    }

    @Test("senders claim with a lease: never the same email twice at once; a lapsed lease passes on; a lost one records nothing", arguments: Backend.all)
    func claims(backend: Backend) async throws {
        try await backend.withStore { store in
            try await Self.populate(store)
            let t0 = Timestamp.now
            let rounds = ReportingRounds(store: store, index: F.index, dueAfterDays: 60)
            // Three emailed notices: lee's round notice, and two more rounds.
            for i in 0..<3 {
                _ = try await rounds.open(Self.draft(due: t0.koreanDay.adding(days: 10 + i)), actor: Actor("user:kim"), at: t0)
            }
            #expect(try await store.outboxCounts()[.pending] == 3)
            let claimed = try await withThrowingTaskGroup(of: Int64?.self) { group in
                for i in 0..<8 { group.addTask { try await store.claimNotification(owner: "server-\(i)", leaseSeconds: 60, at: t0)?.id } }
                return try await group.reduce(into: [Int64]()) { if let id = $1 { $0.append(id) } }
            }
            #expect(claimed.count == 3 && Set(claimed).count == 3)
            #expect(try await store.claimNotification(owner: "late", leaseSeconds: 60, at: t0) == nil)
            // After the lease, another sender takes one over, with the same Message-ID token.
            let before = try await store.notifications(recipient: "lee", limit: 10)
            let later = Timestamp(seconds: t0.seconds + 61)
            let taken = try #require(try await store.claimNotification(owner: "rescuer", leaseSeconds: 60, at: later))
            #expect(taken.attempts == 2)
            #expect(before.first { $0.id == taken.id }?.messageToken == taken.messageToken)
            // The first owner's lease is gone: its outcome is not recorded.
            let owners = (0..<8).map { "server-\($0)" }
            var refused = 0
            for owner in owners where try await !store.finishNotification(id: taken.id, owner: owner, outcome: .sent, at: later) { refused += 1 }
            #expect(refused == 8)
            #expect(try await store.finishNotification(id: taken.id, owner: "rescuer", outcome: .retry(at: Timestamp(seconds: later.seconds + 30), error: "421"), at: later))
            // Until its retry time it is not claimed again; the other two, whose leases lapsed, are.
            var early: [Int64] = []
            while let n = try await store.claimNotification(owner: "x", leaseSeconds: 60, at: Timestamp(seconds: later.seconds + 29)) { early.append(n.id) }
            #expect(early.count == 2 && !early.contains(taken.id))
            let retried = try #require(try await store.claimNotification(owner: "rescuer", leaseSeconds: 60, at: Timestamp(seconds: later.seconds + 200)))
            #expect(try await store.finishNotification(id: retried.id, owner: "rescuer", outcome: .sent, at: later))
            #expect(try await store.finishNotification(id: retried.id, owner: "rescuer", outcome: .sent, at: later) == false, "sent once")
            #expect(try await store.outboxCounts()[.sent] == 1)
        }
    }

    @Test("an email address is checked, its change audited with the address masked, and a calendar feed is found only by its secret", arguments: Backend.all)
    func emailAndFeed(backend: Backend) async throws {
        try await backend.withStore { store in
            try await Self.populate(store)
            let d = Directory(store: store)
            await #expect(throws: StoreError.self) {
                try await d.setPreferences(username: "lee", email: "lee@msit.go.kr\r\nBcc: x@y.z", language: .ko, muted: [], actor: .system, at: .now)
            }
            try await d.setPreferences(username: "lee", email: "seoyeon.lee@msit.go.kr", language: .en, muted: [.returned, .approved], actor: .system, at: .now)
            let lee = try #require(try await d.account("lee"))
            #expect(lee.email == "seoyeon.lee@msit.go.kr" && lee.mutedNotifications == [.approved], "returned cannot be turned off")
            let events = try await store.auditEvents(after: 0, limit: 1000).filter { $0.action == "account.email" && $0.entity == "account:lee" }
            #expect(events.last?.after["email"]?.string == "s•••@msit.go.kr")
            #expect(!(try await store.auditEvents(after: 0, limit: 1000)).contains { $0.after.compact.contains("seoyeon.lee@") })
            let secret = try await d.renewCalendarFeed(organization: "msit", actor: .system, at: .now)
            #expect(CalendarFeed.isWellFormed(secret))
            #expect(try await d.calendarFeed(secret: secret)?.organizationId == "msit")
            #expect(try await store.directoryRecords(.calendar).allSatisfy { !$0.value.contains(secret) })
            let renewed = try await d.renewCalendarFeed(organization: "msit", actor: .system, at: .now)
            #expect(try await d.calendarFeed(secret: secret) == nil)
            #expect(try await d.calendarFeed(secret: renewed) != nil)
            try await d.revokeCalendarFeed(organization: "msit", actor: .system, at: .now)
            #expect(try await d.calendarFeed(secret: renewed) == nil)
            #expect(try await d.calendarFeed(secret: "pwc_" + String(repeating: "0", count: 64)) == nil)
        }
    }

    @Test("a quarter's round asks for the year's values as they stand at its end; a whole year's takes any of the year")
    func progressRules() {
        let round = ReportingRound(id: 1, key: "r1", title: LocalizedText(ko: "2분기"), period: try! PeriodParser.period("2022-Q2"),
                                   items: [.budget, .tasks], due: CalendarDay(iso: "2022-07-15")!, openedAt: F.t("2022-06-20"), openedBy: "user:kim")
        func budget(_ id: Int64, recorded: String) -> StoredFact {
            StoredFact(id: id, entry: FactEntry(.budget(projectId: "1-1", fiscalYear: 2022, allocated: 10, executed: 5)), recordedAt: F.t(recorded),
                       recordedBy: "user:lee", planVersion: 1, importId: nil, state: .approved, submittedAt: F.t(recorded), decidedAt: F.t(recorded),
                       decidedBy: "user:kim")
        }
        let map = ["msit": Set(["1-1"])]
        let early = RoundProgress(round: round, index: F.index, projectsByOrganization: map, ledger: KeyState.ledger([budget(1, recorded: "2022-04-10")]),
                                  today: CalendarDay(iso: "2022-07-20")!)
        let item = { (p: RoundProgress) in p.items["msit"]!.first { $0.kind == .budget }! }
        #expect(item(early).stage == .missing && item(early).late)
        let fresh = RoundProgress(round: round, index: F.index, projectsByOrganization: map,
                                  ledger: KeyState.ledger([budget(1, recorded: "2022-04-10"), budget(2, recorded: "2022-07-01")]),
                                  today: CalendarDay(iso: "2022-07-20")!)
        #expect(item(fresh).stage == .approved && !item(fresh).late)
        let yearly = ReportingRound.yearly(2022, dueAfterDays: 60)
        let year = RoundProgress(round: yearly, index: F.index, projectsByOrganization: map, ledger: KeyState.ledger([budget(1, recorded: "2022-04-10")]),
                                 today: CalendarDay(iso: "2023-01-10")!)
        #expect(year.items["msit"]!.first { $0.kind == .budget }!.stage == .approved)
        #expect(ReportingRound.all(stored: [ReportingRound(id: 2, key: "r2", title: LocalizedText(ko: "2022년"), period: .year(2022)!, items: [.jobs],
                                                           due: CalendarDay(iso: "2023-02-01")!, openedAt: F.t("2023-01-02"), openedBy: "user:kim")],
                                   years: [2021, 2022], dueAfterDays: 60).map(\.key) == ["r2", "y2021"])
    }

    @Test("reminder windows: a late server still sends, a reminder is never older than the round")
    func windows() {
        let round = ReportingRound(id: 1, key: "r1", title: LocalizedText(ko: "점검"), period: .year(2025)!, items: [.jobs],
                                   due: CalendarDay(iso: "2026-03-01")!, openedAt: F.t("2026-02-25"), openedBy: "user:kim")
        #expect(ReminderMilestone.due(round, today: CalendarDay(iso: "2026-02-26")!) == nil, "opened within the 7-day window")
        #expect(ReminderMilestone.due(round, today: CalendarDay(iso: "2026-02-28")!) == .before1)
        #expect(ReminderMilestone.due(round, today: CalendarDay(iso: "2026-03-01")!) == .before1)
        #expect(ReminderMilestone.due(round, today: CalendarDay(iso: "2026-03-05")!) == .after1)
        #expect(ReminderMilestone.due(round, today: CalendarDay(iso: "2026-03-09")!) == nil)
        let long = ReportingRound(id: 2, key: "r2", title: LocalizedText(ko: "점검"), period: .year(2025)!, items: [.jobs],
                                  due: CalendarDay(iso: "2026-03-01")!, openedAt: F.t("2026-01-05"), openedBy: "user:kim")
        #expect(ReminderMilestone.due(long, today: CalendarDay(iso: "2026-02-22")!) == .before7)
        #expect(ReminderMilestone.due(long, today: CalendarDay(iso: "2026-02-27")!) == .before7)
    }
}
