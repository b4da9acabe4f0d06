import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// SQLite commits concurrent writes together; each must still succeed or fail on its own.
@Suite struct GroupCommitTests {
    typealias F = Fixtures

    @Test func concurrentWritesCommitTogetherAndAFailureStaysItsOwn() async throws {
        try await Backend(name: "sqlite", postgresURL: nil).withStore { store in
            _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            let first = try await store.append([F.observation("1-4.gci-rank", "2021", 10)], state: .submitted, actor: Actor("user:a"), at: F.t("2022-01-10"))
            try await store.transition(.observation, ids: first, to: .approved, actor: Actor("user:c"), reason: nil, at: F.t("2022-01-11"))
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        do {
                            if i % 2 == 0 {
                                _ = try await store.append([F.observation("1-4.gci-rank", "\(2030 + i)", Double(i))], state: .submitted,
                                                           actor: Actor("user:a"), at: F.t("2022-02-01"))
                            } else {
                                // Approving what is already approved is a conflict, and must undo nothing else.
                                try await store.transition(.observation, ids: first, to: .approved, actor: Actor("user:c"), reason: nil, at: F.t("2022-02-01"))
                            }
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 20)
            #expect(try await store.facts(.observation, states: nil).count == 21)
            #expect(try await store.facts(.observation, states: [.submitted]).count == 20)
            let events = try await store.auditEvents(after: 0, limit: 1000)
            #expect(events.filter { $0.action == "fact.record" }.count == 21)
            #expect(events.filter { $0.action == "fact.approve" }.count == 1)
            #expect(try await store.verifyAudit().firstProblem == nil)
        }
    }
}
