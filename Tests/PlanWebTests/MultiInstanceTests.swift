import Foundation
import PlanCore
import Testing
@testable import PlanStore
@testable import PlanWeb

/// Several `planwatch serve` processes on one database, as behind a load balancer: what one
/// approves the others show within a second, and a session made on one works on another.
/// Runs the real binary and talks to it with curl, as a browser and a client would.
@Suite("Several servers on one database", .serialized)
struct MultiInstanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: String { root.appendingPathComponent(".build/debug/planwatch").path }
    static var postgresURL: String? { ProcessInfo.processInfo.environment["PLANWATCH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    @Test("two servers on one PostgreSQL: an approval through one shows on the other; a session works on both",
          .enabled(if: postgresURL != nil))
    func twoServersOnPostgres() async throws {
        guard case .postgres(var settings) = try DatabaseURL.parse(Self.postgresURL!) else { return }
        let schema = "mi_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let admin = PostgresStore(settings: settings, logger: StoreFactory.quietLogger)
        try await admin.executeRaw("CREATE SCHEMA \(schema)")
        settings.schema = schema
        let store = PostgresStore(settings: settings, logger: StoreFactory.quietLogger)
        defer {
            Task {
                await store.shutdown()
                try? await admin.executeRaw("DROP SCHEMA \(schema) CASCADE")
                await admin.shutdown()
            }
        }
        try await store.migrate()
        try await WorkspaceFixture.populate(store)
        let db = DatabaseURL.postgres(settings).description
        try await Self.withServers(db: db, count: 2) { a, b in
            try await Self.checkApprovalTravels(store: store, through: a, to: b)

            // A session made on one server is honoured by the other: state lives in the database.
            let jar = FileManager.default.temporaryDirectory.appendingPathComponent("jar-\(UUID().uuidString)").path
            let signin = try Curl.run(["-c", jar, "-b", jar, "\(a)/signin"])
            let csrf = try #require(signin.firstMatch(of: /name="_csrf" value="([^"]+)"/).map { String($0.1) })
            _ = try Curl.run(["-c", jar, "-b", jar, "-o", "/dev/null", "--data-urlencode", "_csrf=\(csrf)", "--data-urlencode", "username=lee",
                              "--data-urlencode", "password=\(WorkspaceFixture.passwords["lee"]!)", "\(a)/signin"])
            let home = try Curl.run(["-b", jar, "\(b)/admin"])
            #expect(home.contains("Lee"), "the workspace on the second server knows the session")
            #expect(home.contains("/admin/projects/1-1/report"))
        }
    }

    @Test("a server on SQLite shows what `planwatch import --approve` adds while it runs")
    func importWhileServingOnSQLite() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-mi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("live.sqlite").path
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        try await WorkspaceFixture.populate(store)
        await store.shutdown()
        try await Self.withServers(db: "sqlite:\(path)", count: 1) { a, _ in
            let csv = dir.appendingPathComponent("obs.csv")
            try "indicator_id,period,value,status,source,note\n1-4.gci-rank,2023,7위,final,CLI,\n".write(to: csv, atomically: true, encoding: .utf8)
            let importer = Process()
            importer.executableURL = URL(fileURLWithPath: Self.binary)
            importer.arguments = ["import", "observations", csv.path, "--db", "sqlite:\(path)", "--approve"]
            importer.standardError = FileHandle.nullDevice
            importer.standardOutput = FileHandle.nullDevice
            try importer.run()
            importer.waitUntilExit()
            #expect(importer.terminationStatus == 0)
            let seen = try await Self.eventually { try Curl.run(["\(a)/api/v1/indicators/1-4.gci-rank/observations"]).contains("\"2023\"") }
            #expect(seen, "the imported value is served without a restart")
        }
    }

    /// A reporter's token submits a value through `a`, a coordinator's token approves it there,
    /// and `b` serves it, in the API and on the public page, within a second.
    static func checkApprovalTravels(store: any Store, through a: String, to b: String) async throws {
        let directory = Directory(store: store)
        let reporter = try await TokenIssuer.issue(name: "r", role: .reporter, organizationId: "msit", directory: directory, actor: .system, at: .now).secret
        let coordinator = try await TokenIssuer.issue(name: "c", role: .coordinator, organizationId: "pmo", directory: directory, actor: .system, at: .now).secret
        // This year: a period that has begun and is not locked yet.
        let year = Timestamp.now.koreanDay.year
        let receipt = try Curl.run(["-H", "Authorization: Bearer \(reporter)", "-H", "Content-Type: application/json", "--data",
                                    #"{"submit":true,"observations":[{"indicatorId":"1-1.data-market-size","period":"\#(year)","value":"41.7조원"}]}"#,
                                    "\(a)/api/v1/projects/1-1/reports"])
        let id = try #require(JSONValue.parse(receipt)["facts"]?.array?.first?["id"]?.int, "receipt: \(receipt)")
        let before = try Curl.run(["\(b)/api/v1/indicators/1-1.data-market-size/observations"])
        #expect(!before.contains("\"\(year)\""), "a submitted value is not public")
        _ = try Curl.run(["-X", "POST", "-H", "Authorization: Bearer \(coordinator)", "\(a)/api/v1/reports/observation/\(id)/approve"])
        let inAPI = try await eventually(within: .seconds(1)) {
            try Curl.run(["\(b)/api/v1/indicators/1-1.data-market-size/observations"]).contains("\"\(year)\"")
        }
        #expect(inAPI, "the approval made through one server is served by the other within a second")
        let page = try Curl.run(["\(b)/indicators/1-1.data-market-size"])
        #expect(page.contains("41.7"), "and on its public page")
    }

    /// Starts `count` servers on `db` (ports chosen by the test), waits until each answers, runs
    /// `body` with their base URLs, and stops them.
    static func withServers(db: String, count: Int, _ body: (String, String) async throws -> Void) async throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            Issue.record("build the command first: swift build (\(binary) is missing)")
            return
        }
        var processes: [Process] = []
        var urls: [String] = []
        defer { processes.forEach { $0.terminate(); $0.waitUntilExit() } }
        for _ in 0..<count {
            let port = Int.random(in: 40000...48999)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = ["serve", "--db", db, "--port", "\(port)", "--follow-milliseconds", "100"]
            p.currentDirectoryURL = root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            processes.append(p)
            urls.append("http://127.0.0.1:\(port)")
        }
        for url in urls {
            let up = try await eventually(within: .seconds(30)) { (try? Curl.run(["-f", "\(url)/healthz"])) != nil }
            try #require(up, "\(url) did not start")
        }
        try await body(urls[0], urls.count > 1 ? urls[1] : urls[0])
    }

    static func eventually(within limit: Duration = .seconds(5), _ check: () throws -> Bool) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while clock.now < deadline {
            if try check() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try check()
    }
}

/// curl as a subprocess: the body of the answer, or an error when curl fails.
enum Curl {
    struct Failed: Error { let status: Int32 }

    static func run(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["curl", "-sS"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failed(status: p.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }
}
