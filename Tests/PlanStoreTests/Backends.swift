import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// The backends the conformance suite runs on: SQLite always, PostgreSQL when
/// `PLANWATCH_TEST_POSTGRES_URL` is set (CI sets it). Each test gets a fresh database
/// (a temporary file, or a schema of its own).
struct Backend: Sendable, CustomStringConvertible {
    let name: String
    let postgresURL: String?

    var description: String { name }

    static var all: [Backend] {
        var list = [Backend(name: "sqlite", postgresURL: nil)]
        if let url = ProcessInfo.processInfo.environment["PLANWATCH_TEST_POSTGRES_URL"], !url.isEmpty {
            list.append(Backend(name: "postgres", postgresURL: url))
        }
        return list
    }

    /// A fresh, migrated store; `body` runs with it and it is removed afterwards.
    func withStore<T>(_ body: (any Store) async throws -> T) async throws -> T {
        if let postgresURL, case .postgres(var settings) = try DatabaseURL.parse(postgresURL) {
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            let admin = PostgresStore(settings: settings, logger: StoreFactory.quietLogger)
            try await admin.executeRaw("CREATE SCHEMA \(schema)")
            settings.schema = schema
            let store = PostgresStore(settings: settings, logger: StoreFactory.quietLogger)
            do {
                try await store.migrate()
                let result = try await body(store)
                await store.shutdown()
                try? await admin.executeRaw("DROP SCHEMA \(schema) CASCADE")
                await admin.shutdown()
                return result
            } catch {
                await store.shutdown()
                try? await admin.executeRaw("DROP SCHEMA \(schema) CASCADE")
                await admin.shutdown()
                throw error
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("test.sqlite").path)
        try await store.migrate()
        let result = try await body(store)
        await store.shutdown()
        return result
    }
}

/// Runs raw SQL on either backend, for tests that tamper behind the store's back.
func executeRaw(_ store: any Store, _ sql: String) async throws {
    if let s = store as? SQLiteStore { try await s.executeRaw(sql) } else if let s = store as? PostgresStore { try await s.executeRaw(sql) }
}

/// Changes a fixed column behind the store's back, as an attacker with the database file would:
/// `refused` must fail while `trigger` stands; with the trigger dropped (SQLite) or disabled
/// (PostgreSQL), `update` goes through, and the walk of the audit chain that follows is returned.
func tamperBehindTheStore(_ store: any Store, refused: String, trigger: String, update: String) async throws -> AuditVerification {
    await #expect(throws: (any Error).self) { try await executeRaw(store, refused) }
    try await executeRaw(store, store.backendName == "sqlite" ? "DROP TRIGGER \(trigger)" : "ALTER TABLE observations DISABLE TRIGGER \(trigger)")
    try await executeRaw(store, update)
    return try await store.verifyAudit()
}

enum Fixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let planBytes = [UInt8](FileManager.default.contents(atPath: root + "/Plans/digital-new-deal.yaml")!)
    static let plan = try! PlanLoader.load(data: Data(planBytes), file: "digital-new-deal.yaml").get()
    static let index = PlanIndex(plan)
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!

    static func t(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

    static func observation(_ indicator: String, _ period: String, _ value: Double, supersedes: Int64? = nil) -> FactEntry {
        FactEntry(.observation(indicatorId: indicator, period: try! PeriodParser.period(period), value: value, text: nil), supersedes: supersedes)
    }

    /// Writes `text` (or raw bytes) to a temporary CSV file and returns its path.
    static func file(_ bytes: [UInt8], name: String = "data.csv") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-csv-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func file(_ text: String, name: String = "data.csv") -> String { file(Array(text.utf8), name: name) }

    /// Text encoded as CP949 by glibc's iconv, as Korean Excel writes it.
    static func cp949(_ text: String) -> [UInt8] {
        let cd = iconv_open("CP949", "UTF-8")!
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 8)
        var inLeft = input.count, outLeft = output.count
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var i: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var o: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                _ = iconv(cd, &i, &inLeft, &o, &outLeft)
            }
        }
        return output[..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}
