import Foundation
import GRDB
import PlanCore
import Testing
@testable import PlanStore

/// The lookups that must not read every fact at national scale are answered by an index.
@Suite struct QueryPlanTests {
    @Test func statusQueueAndReturnedLookupsUseTheirIndexes() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("q.sqlite").path)
        try await store.migrate()
        let cases: [(String, [String], String)] = [
            (SQLiteStore.observationsSQL(periods: ["2020", "2021"]), ["2020", "2021"], "observations_yearly"),
            (SQLiteStore.factsSQL(.observation, states: [.submitted]), [], "observations_waiting"),
            (SQLiteStore.factsSQL(.observation, states: [.draft, .submitted]), [], "observations_waiting"),
            (SQLiteStore.factsSQL(.observation, states: [.returned]), [], "observations_returned"),
        ]
        for (sql, arguments, index) in cases {
            let plan = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments)).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("USING INDEX \(index)") }, "\(sql): \(plan)")
        }
        await store.shutdown()
    }
}
