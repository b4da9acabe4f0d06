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
    @Test("two servers on one PostgreSQL: an approval through one shows on the other; a session works on both",
          .enabled(if: TestDatabase.postgresURL != nil))
    func twoServersOnPostgres() async throws {
        try await TestDatabase(kind: .postgres).with { db, open in
            let store = try await open()
            defer { Task { await store.shutdown() } }
            try await Self.withServers(db: db, count: 2) { a, b in
                try await Self.checkApprovalTravels(store: store, through: a, to: b)

                // A session made on one server is honoured by the other: state lives in the database.
                let jar = FileManager.default.temporaryDirectory.appendingPathComponent("jar-\(UUID().uuidString)").path
                let signin = try await Curl.run(["-c", jar, "-b", jar, "\(a)/signin"])
                let csrf = try #require(signin.firstMatch(of: /name="_csrf" value="([^"]+)"/).map { String($0.1) })
                _ = try await Curl.run(["-c", jar, "-b", jar, "-o", "/dev/null", "--data-urlencode", "_csrf=\(csrf)", "--data-urlencode", "username=lee",
                                  "--data-urlencode", "password=\(WorkspaceFixture.passwords["lee"]!)", "\(a)/signin"])
                let home = try await Curl.run(["-b", jar, "\(b)/admin"])
                #expect(home.contains("Lee"), "the workspace on the second server knows the session")
                #expect(home.contains("/admin/projects/1-1/report"))
            }
        }
    }

    @Test("a server on SQLite shows what `planwatch import --approve` adds while it runs")
    func importWhileServingOnSQLite() async throws {
        try await TestDatabase(kind: .sqlite).with { db, _ in
            try await Self.withServers(db: db, count: 1) { a, _ in
                let csv = FileManager.default.temporaryDirectory.appendingPathComponent("obs-\(UUID().uuidString).csv")
                defer { try? FileManager.default.removeItem(at: csv) }
                try "indicator_id,period,value,status,source,note\n1-4.gci-rank,2023,7위,final,CLI,\n".write(to: csv, atomically: true, encoding: .utf8)
                let importer = Process()
                importer.executableURL = URL(fileURLWithPath: ServerProcess.binary)
                importer.arguments = ["import", "observations", csv.path, "--db", db, "--approve"]
                importer.standardError = FileHandle.nullDevice
                importer.standardOutput = FileHandle.nullDevice
                try importer.run()
                try await offThePool { importer.waitUntilExit() }
                #expect(importer.terminationStatus == 0)
                let seen = try await eventually { try await Curl.run(["\(a)/api/v1/indicators/1-4.gci-rank/observations"]).contains("\"2023\"") }
                #expect(seen, "the imported value is served without a restart")
            }
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
        let receipt = try await Curl.run(["-H", "Authorization: Bearer \(reporter)", "-H", "Content-Type: application/json", "--data",
                                    #"{"submit":true,"observations":[{"indicatorId":"1-1.data-market-size","period":"\#(year)","value":"41.7조원"}]}"#,
                                    "\(a)/api/v1/projects/1-1/reports"])
        let id = try #require(JSONValue.parse(receipt)["facts"]?.array?.first?["id"]?.int, "receipt: \(receipt)")
        let before = try await Curl.run(["\(b)/api/v1/indicators/1-1.data-market-size/observations"])
        #expect(!before.contains("\"\(year)\""), "a submitted value is not public")
        _ = try await Curl.run(["-X", "POST", "-H", "Authorization: Bearer \(coordinator)", "\(a)/api/v1/reports/observation/\(id)/approve"])
        let inAPI = try await eventually(within: .seconds(1)) {
            try await Curl.run(["\(b)/api/v1/indicators/1-1.data-market-size/observations"]).contains("\"\(year)\"")
        }
        #expect(inAPI, "the approval made through one server is served by the other within a second")
        let page = try await Curl.run(["\(b)/indicators/1-1.data-market-size"])
        #expect(page.contains("41.7"), "and on its public page")
    }

    /// Starts `count` servers on `db`, runs `body` with the first two base URLs, and stops them.
    static func withServers(db: String, count: Int, _ body: (String, String) async throws -> Void) async throws {
        var servers: [ServerProcess] = []
        func stopAll() async { for server in servers { await server.stop() } }
        for _ in 0..<count {
            guard let server = try await ServerProcess.start(db: db) else { await stopAll(); return }
            servers.append(server)
        }
        do {
            try await body(servers[0].url, servers[min(1, servers.count - 1)].url)
        } catch {
            await stopAll()
            throw error
        }
        await stopAll()
    }
}
