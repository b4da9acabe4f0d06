import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// Accounts, organizations, tokens, unlocks and the reporting workflow, on every backend.
@Suite("Directory and workflow", .serialized)
struct DirectoryAndWorkflowTests {
    typealias F = Fixtures

    @Test("loading a plan adds its organizations; records change with an audit event; secrets are stored hashed", arguments: Backend.all)
    func directory(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            let directory = Directory(store: store)
            #expect(try await directory.organizations().map(\.id).sorted() == F.plan.organizations.map(\.id).sorted())
            let now = Timestamp.now
            try await directory.addOrganization(OrganizationRecord(id: "msit", nameKo: "과학기술정보통신부", nameEn: "MSIT"), actor: .system, at: now)
            await #expect(throws: StoreError.self) {
                try await directory.addOrganization(OrganizationRecord(id: "msit", nameKo: "중복", nameEn: "dup"), actor: .system, at: now)
            }
            let account = Account(username: "kim", displayName: "김", organizationId: "msit", role: .reporter, passwordHash: "$2b$hash", createdAt: now)
            try await directory.addAccount(account, actor: .system, at: now)
            await #expect(throws: StoreError.self) {
                try await directory.addAccount(Account(username: "lee", displayName: "이", organizationId: "nowhere", role: .viewer,
                                                       passwordHash: "x", createdAt: now), actor: .system, at: now)
            }
            await #expect(throws: StoreError.self) {
                try await directory.addAccount(Account(username: "Bad Name", displayName: "x", organizationId: "msit", role: .viewer,
                                                       passwordHash: "x", createdAt: now), actor: .system, at: now)
            }
            var changed = account
            changed.role = .coordinator
            try await directory.updateAccount(changed, action: "account.role", actor: Actor("user:admin"), at: now)
            #expect(try await directory.account("kim")?.role == .coordinator)
            let events = try await store.auditEvents(after: 0, limit: 100)
            let roleChange = try #require(events.last { $0.action == "account.role" })
            #expect(roleChange.before["role"]?.string == "reporter" && roleChange.after["role"]?.string == "coordinator")
            #expect(!roleChange.after.compact.contains("hash"), "the audit chain never carries password hashes")

            try await directory.saveSession(SessionRecord(username: "kim", createdAt: now, csrfToken: "t"), secret: "secret-cookie-value-123", at: now)
            #expect(try await directory.session(secret: "secret-cookie-value-123")?.username == "kim")
            #expect(try await store.directoryRecords(.session).allSatisfy { $0.key != "secret-cookie-value-123" })
            try await directory.endSessions(of: "kim", at: now)
            #expect(try await directory.session(secret: "secret-cookie-value-123") == nil)

            try await directory.addToken(APIToken(id: "t1", name: "bot", role: .reporter, organizationId: "msit", createdBy: "admin", createdAt: now),
                                         secret: "pwt_secret_token_value", actor: .system, at: now)
            #expect(try await directory.token(secret: "pwt_secret_token_value")?.isRevoked == false)
            try await directory.revokeToken(id: "t1", actor: .system, at: now)
            #expect(try await directory.token(secret: "pwt_secret_token_value")?.isRevoked == true)
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test("the reporting status reads the plan's years and the subjects in a state, never every monthly value", arguments: Backend.all)
    func ledgersByYearAndState(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            let workflow = Workflow(store: store, index: F.index, lockAfterDays: -1)
            let reporter = Actor("user:lee"), coordinator = Actor("user:park")
            let at = F.t("2023-02-01")
            func value(_ indicator: String, _ period: Period, _ v: Double) -> FactEntry {
                FactEntry(.observation(indicatorId: indicator, period: period, value: v, text: nil))
            }
            let yearly = try await workflow.record([value("1-1.data-market-size", .year(2022)!, 30e12)], project: "1-1", submit: true,
                                                   actor: reporter, bypassLocks: true, at: at)
            let monthly = try await workflow.record([value("1-1.data-market-size", .month(2022, 5)!, 2e12)], project: "1-1", submit: true,
                                                    actor: reporter, bypassLocks: true, at: at)
            try await workflow.decide(.observation, ids: monthly, approve: false, reason: "출처가 없습니다", actor: coordinator, at: at)
            _ = try await workflow.record([value("1-1.data-market-size", .year(2019)!, 20e12)], project: "1-1", submit: false,
                                          actor: reporter, bypassLocks: true, at: at)

            let years = try await workflow.ledgerOfYears(2020...2025)
            #expect(years.keys.map(\.period).sorted() == ["2022"])
            #expect(years[FactKey(kind: .observation, subject: "1-1.data-market-size", period: "2022")]?.submitted?.id == yearly[0])
            // The returned monthly value is found by its state, with its subject's whole history.
            let returned = try await workflow.ledger(ofSubjectsWith: [.returned])
            #expect(returned.values.compactMap(\.returned).map(\.id) == monthly)
            #expect(returned.count == 3)
            #expect(try await workflow.ledgerOfWaiting().values.compactMap(\.submitted).map(\.id) == yearly)
        }
    }

    @Test("drafts come back, a waiting value cannot change, a locked period needs an unlock, approval publishes a revision", arguments: Backend.all)
    func workflow(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            let workflow = Workflow(store: store, index: F.index, lockAfterDays: 90)
            let reporter = Actor("user:lee"), coordinator = Actor("user:park")
            let now = Timestamp.now
            let period = Period.year(now.koreanDay.year - 1)!
            func entry(_ value: Double) -> FactEntry {
                FactEntry(.observation(indicatorId: "1-1.data-market-size", period: period, value: value, text: nil))
            }
            // A draft, then a newer draft: only the newest is current.
            try await workflow.record([entry(40e12)], project: "1-1", submit: false, actor: reporter, bypassLocks: true, at: now)
            try await workflow.record([entry(41e12)], project: "1-1", submit: false, actor: reporter, bypassLocks: true, at: now)
            let key = FactKey(kind: .observation, subject: "1-1.data-market-size", period: period.iso)
            #expect(try await workflow.ledger()[key]?.draft?.entry.draft.number == 41e12)
            // Not part of the project.
            await #expect(throws: WorkflowError.self) {
                try await workflow.record([entry(1)], project: "2-1", submit: false, actor: reporter, bypassLocks: true, at: now)
            }
            let drafts = try await workflow.drafts(project: "1-1")
            try await workflow.submit(.observation, ids: drafts[.observation]!, project: "1-1", actor: reporter, bypassLocks: true, at: now)
            // Waiting for review: cannot be changed.
            await #expect(throws: WorkflowError.self) {
                try await workflow.record([entry(42e12)], project: "1-1", submit: false, actor: reporter, bypassLocks: true, at: now)
            }
            let waiting = try #require(try await workflow.ledger()[key]?.submitted)
            try await workflow.decide(.observation, ids: [waiting.id], approve: true, reason: nil, actor: coordinator, at: now)
            // A correction supersedes the published value.
            let ids = try await workflow.record([entry(43e12)], project: "1-1", submit: true, actor: reporter, bypassLocks: true, at: now)
            #expect(try await store.fact(.observation, id: ids[0])?.entry.supersedes == waiting.id)
            // A period long past is locked for reporters, until a coordinator unlocks it.
            let old = FactEntry(.observation(indicatorId: "1-1.data-market-size", period: Period.year(2021)!, value: 1e12, text: nil))
            do {
                try await workflow.record([old], project: "1-1", submit: false, actor: reporter, bypassLocks: false, at: now)
                Issue.record("a locked period was changed")
            } catch WorkflowError.rejected(let problems) {
                #expect(problems.map(\.reason) == [.locked])
            }
            try await Directory(store: store).unlock(PeriodUnlock(projectId: "1-1", period: "2021", unlockedBy: "user:park", at: now,
                                                                  until: Timestamp(seconds: now.seconds + 86_400), reason: "정정"),
                                                     actor: coordinator, at: now)
            try await workflow.record([old], project: "1-1", submit: false, actor: reporter, bypassLocks: false, at: now)
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test("two values for one key in one request are refused, naming both entries; a later request is the later value", arguments: Backend.all)
    func sameTimeValuesInOneRequest(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            let workflow = Workflow(store: store, index: F.index, lockAfterDays: -1)
            let reporter = Actor("user:lee")
            let now = Timestamp.now
            let period = Period.year(now.koreanDay.year - 1)!
            func entry(_ id: String, _ value: Double) -> FactEntry {
                FactEntry(.observation(indicatorId: id, period: period, value: value, text: nil))
            }
            // Entries of one call share one recording time: the second for the same indicator and period is refused,
            // naming the first, and nothing is recorded.
            do {
                try await workflow.record([entry("1-1.data-market-size", 40e12), entry("1-1.ai-specialist-firms", 90), entry("1-1.data-market-size", 41e12)],
                                          project: "1-1", submit: false, actor: reporter, bypassLocks: true, at: now)
                Issue.record("two values for one period were recorded together")
            } catch WorkflowError.rejected(let problems) {
                #expect(problems.count == 1 && problems[0].reason == .duplicate && problems[0].entry == 2 && problems[0].firstEntry == 0)
                #expect(problems[0].message.contains("entry 0 and entry 2"), "\(problems[0].message)")
            }
            #expect(try await store.facts(.observation, states: nil).isEmpty)
            // Sent one after the other, even within the same second, the store records them in that order: the later is current.
            let first = try await workflow.record([entry("1-1.data-market-size", 40e12)], project: "1-1", submit: false, actor: reporter, bypassLocks: true, at: now)
            let second = try await workflow.record([entry("1-1.data-market-size", 41e12)], project: "1-1", submit: false, actor: reporter, bypassLocks: true, at: now)
            #expect(second[0] > first[0])
            let key = FactKey(kind: .observation, subject: "1-1.data-market-size", period: period.iso)
            #expect(try await workflow.ledger()[key]?.draft?.id == second[0])
        }
    }
}
