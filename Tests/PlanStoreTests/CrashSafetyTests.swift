import Foundation
import GRDB
import PlanCore
import Testing
@testable import PlanStore

/// Kills `planwatch import` with SIGKILL halfway through a large file and checks that the
/// database is exactly as before: nothing half-written, integrity intact, chain verified.
@Suite("Crash safety of imports", .serialized)
struct CrashSafetyTests {
    static var binary: String { Fixtures.root + "/.build/debug/planwatch" }

    /// An observations file of `rows` valid rows spread over the plan's numeric indicators and months.
    /// A CSV of up to `rows` observations (fewer when the plan has too few indicators for that
    /// many days) and the number of rows it holds.
    static func bigFile(rows: Int) -> (path: String, rows: Int) {
        let indicators = Fixtures.index.indicators.filter { !$0.isQualitative && $0.measure != .rank && $0.measure != .percent }.map(\.id)
        var text = "indicator_id,period,value,status,source,note\n"
        text.reserveCapacity(rows * 48)
        var n = 0
        outer: for year in 2020...2025 {
            for month in 1...12 {
                for day in 1...28 {
                    for id in indicators {
                        text += "\(id),\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day),\(n % 997),final,,\n"
                        n += 1
                        if n == rows { break outer }
                    }
                }
            }
        }
        return (Fixtures.file(text, name: "big.csv"), n)
    }

    func run(_ arguments: [String], errors: String? = nil) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        if let errors, FileManager.default.createFile(atPath: errors, contents: nil), let handle = FileHandle(forWritingAtPath: errors) {
            p.standardError = handle
        } else {
            p.standardError = FileHandle.nullDevice
        }
        try p.run()
        return p
    }

    @Test("SIGKILL during an import leaves the database unchanged and intact")
    func killImport() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            Issue.record("build the command first: swift build (\(Self.binary) is missing)")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kill.sqlite").path
        let load = try run(["plan", "load", Fixtures.root + "/Plans/digital-new-deal.yaml", "--db", "sqlite:\(db)"])
        load.waitUntilExit()
        #expect(load.terminationStatus == 0)
        let (file, rows) = Self.bigFile(rows: 300_000)
        var killedMidway = 0, seen: [String] = [], importsBefore = 0
        for attempt in 0..<4 {
            let errors = dir.appendingPathComponent("import-\(attempt).err").path
            let p = try run(["import", "observations", file, "--db", "sqlite:\(db)", "--approve", "--again"], errors: errors)
            // The import runs for seconds (5 s on an idle machine, longer on a busy one); the kill
            // comes well inside that, sent whatever the child's state is said to be. What
            // happened is read from the database, not from `Process`: with many tests spawning
            // children at once, `isRunning`, /proc and the termination status were each seen to
            // call an import that was still running ended.
            try await Task.sleep(for: .milliseconds(300 + attempt * 250))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let store = try SQLiteStore(path: db)
            let integrity = try await store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == ["ok"])
            let facts = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observations")! }
            let imports = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM imports")! }
            // All of an import or nothing of it, whenever the kill came.
            #expect(facts == rows * imports, "\(facts) facts for \(imports) whole imports of \(rows) rows")
            #expect(try await store.verifyAudit().isIntact)
            await store.shutdown()
            if imports == importsBefore {
                let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
                #expect(!said.contains("error"), "the import failed by itself: \(said.prefix(400))")
                killedMidway += 1
                seen.append("attempt \(attempt): killed midway")
                break
            }
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            seen.append("attempt \(attempt): finished before the kill (\(said.prefix(200)))")
            importsBefore = imports
        }
        #expect(killedMidway >= 1, "the import always finished before it could be killed: \(seen)")
    }
}
