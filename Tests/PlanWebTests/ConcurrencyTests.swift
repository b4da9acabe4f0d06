import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import Synchronization
import Testing
@testable import PlanStore
@testable import PlanWeb

/// Eight writers submit and approve values through the API at once while four readers page the
/// public API, on each backend, each over a connection of its own. Nothing acknowledged may be
/// lost, nothing but documented conflicts may fail, and the audit chain must verify afterwards.
@Suite("Writers and readers at once", .serialized)
struct ConcurrencyTests {
    static let writers = 8
    static let readers = 4
    /// Submissions per writer: 1,000 for the full run (`PLANWATCH_TEST_WRITES=1000`); fewer by default so CI stays quick.
    static var perWriter: Int { ProcessInfo.processInfo.environment["PLANWATCH_TEST_WRITES"].flatMap(Int.init) ?? 25 }

    struct Tally: Sendable {
        var recorded: [Int64] = []
        var approved: [Int64] = []
        var conflicts = 0
        var failures: [String] = []
    }

    @Test(arguments: TestDatabase.available)
    func writersAndReadersAtOnce(database: TestDatabase) async throws {
        try await database.with { _, open in
            let store = try await open()
            var settings = WorkspaceSettings()
            settings.lockAfterDays = 100_000
            let head = try await store.auditHead()
            let site = Site(model: ReadModel(version: 1, plan: WebFixture.plan, facts: try await store.publishedFacts(), today: Timestamp.now.koreanDay),
                            store: store, settings: settings)
            site.markCaughtUp(through: head)
            try await site.reloadPolicy()
            let directory = Directory(store: store)
            let reporter = try await TokenIssuer.issue(name: "r", role: .reporter, organizationId: "msit", directory: directory, actor: .system, at: .now).secret
            let coordinator = try await TokenIssuer.issue(name: "c", role: .coordinator, organizationId: "pmo", directory: directory, actor: .system, at: .now).secret
            let indicators = WebFixture.plan.projects.first { $0.id == "1-1" }!.indicators.filter { !$0.isQualitative }.prefix(2).map(\.id)
            let app = try buildApplication(site: site, configuration: WebConfiguration(port: 0))
            let (tally, reads) = try await app.test(.live) { live in
                let port = try #require(live.port)
                let done = StopFlag()
                return try await withThrowingTaskGroup(of: (Tally, Int).self) { group in
                    for w in 0..<Self.writers {
                        group.addTask {
                            try await Connection.with(port: port) { client in
                                (try await Self.write(client, writer: w, indicators: Array(indicators), reporter: reporter, coordinator: coordinator), 0)
                            }
                        }
                    }
                    for r in 0..<Self.readers {
                        group.addTask { try await Connection.with(port: port) { client in
                            var reads = 0, failures: [String] = []
                            var offset = r * 25
                            while !done.isSet {
                                let answer = try await client.send("/api/v1/assessments?limit=50&offset=\(offset)").status
                                if answer != .ok && answer != .notModified { failures.append("read \(offset): \(answer.code)") }
                                reads += 1
                                offset = (offset + 50) % 300
                            }
                            return (Tally(failures: failures), reads)
                        } }
                    }
                    var total = Tally(), reads = 0, finished = 0
                    for try await (part, n) in group {
                        total.recorded += part.recorded
                        total.approved += part.approved
                        total.conflicts += part.conflicts
                        total.failures += part.failures
                        reads += n
                        finished += n == 0 ? 1 : 0
                        if finished == Self.writers { done.set() }
                    }
                    return (total, reads)
                }
            }
            #expect(tally.failures.isEmpty, "\(tally.failures.count) failures, first: \(tally.failures.prefix(3))")
            #expect(tally.recorded.count == Self.writers * Self.perWriter * indicators.count)
            let facts = try await store.facts(.observation, states: nil)
            let byId = Dictionary(uniqueKeysWithValues: facts.map { ($0.id, $0) })
            #expect(tally.recorded.allSatisfy { byId[$0] != nil }, "every acknowledged value is stored")
            #expect(tally.approved.allSatisfy { byId[$0]?.state == .approved }, "every acknowledged approval is stored")
            #expect(Set(tally.recorded).count == tally.recorded.count, "no id handed out twice")
            #expect(try await store.verifyAudit().isIntact)
            await store.shutdown()
            print("concurrency (\(database)): \(Self.writers) writers × \(Self.perWriter) submissions and approvals, \(Self.readers) readers: "
                  + "\(tally.recorded.count) values and \(tally.approved.count) approvals acknowledged and found, \(reads) reads, "
                  + "\(tally.conflicts) conflicts, \(tally.failures.count) other failures")
        }
    }

    /// One writer: submit two values (one request), approve the first; each on keys of its own.
    static func write(_ client: Connection, writer: Int, indicators: [String], reporter: String, coordinator: String) async throws -> Tally {
        var tally = Tally()
        let base = CalendarDay(year: 2000, month: 1, day: 1)!.adding(days: writer * 1000)
        for i in 0..<perWriter {
            let day = base.adding(days: i).iso
            let body = #"{"submit":true,"observations":[\#(indicators.map { #"{"indicatorId":"\#($0)","period":"\#(day)","value":"\#(i + 1)"}"# }.joined(separator: ","))]}"#
            let recorded = try await client.send("/api/v1/projects/1-1/reports", method: .post, json: body, headers: [.authorization: "Bearer \(reporter)"])
            guard recorded.status == .created else {
                if recorded.status == .conflict { tally.conflicts += 1 } else { tally.failures.append("submit \(writer)/\(i): \(recorded.status.code) \(recorded.body.prefix(200))") }
                continue
            }
            let ids = try JSONValue.parse(recorded.body)["facts"]?.array?.compactMap { $0["id"]?.int.map(Int64.init) } ?? []
            tally.recorded += ids
            guard let first = ids.first else { continue }
            let approved = try await client.send("/api/v1/reports/observation/\(first)/approve", method: .post, json: "{}",
                                                headers: [.authorization: "Bearer \(coordinator)"])
            switch approved.status {
            case .ok: tally.approved.append(first)
            case .conflict: tally.conflicts += 1
            default: tally.failures.append("approve \(writer)/\(i): \(approved.status.code)")
            }
        }
        return tally
    }
}

/// A keep-alive connection of one writer or reader. The application tester's own client sends
/// every request down one pipelined connection, so a request would wait behind all the others
/// and its time limit would count that queue; with a connection each, the server sees twelve
/// clients at once, as it would in production.
struct Connection: Sendable {
    let client: TestClient

    /// Runs `body` over a new connection to `port`, closed afterwards.
    static func with<T: Sendable>(port: Int, _ body: (Connection) async throws -> T) async throws -> T {
        let connection = Connection(client: TestClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(120))))
        connection.client.connect()
        do {
            let value = try await body(connection)
            try? await connection.client.shutdown()
            return value
        } catch {
            try? await connection.client.shutdown()
            throw error
        }
    }

    func send(_ uri: String, method: HTTPRequest.Method = .get, json: String? = nil, headers: HTTPFields = [:]) async throws -> Fetched {
        var headers = headers
        headers[.connection] = "keep-alive"
        if json != nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(TestClient.Request(uri, method: method, authority: "localhost", headers: headers,
                                                                   body: json.map { ByteBuffer(string: $0) }))
        return Fetched(status: response.head.status, headers: response.head.headerFields, body: String(buffer: response.body ?? ByteBuffer()))
    }
}

/// Tells the readers the writers are done.
final class StopFlag: Sendable {
    private let flag = Mutex(false)
    var isSet: Bool { flag.withLock { $0 } }
    func set() { flag.withLock { $0 = true } }
}
