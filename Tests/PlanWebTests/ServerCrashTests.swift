import Foundation
import PlanCore
import Synchronization
import Testing
@testable import PlanStore
@testable import PlanWeb

/// Kills `planwatch serve` with SIGKILL at random moments while a client submits and approves
/// values through the API, restarts it, and checks after every kill that every acknowledged
/// write is there, that no request is half there, and that the database and the audit chain
/// are sound. On PostgreSQL the server process is killed, not the database.
@Suite("The server survives SIGKILL", .serialized)
struct ServerCrashTests {
    /// 20 kills per backend; `PLANWATCH_TEST_KILLS` changes it.
    static var kills: Int { ProcessInfo.processInfo.environment["PLANWATCH_TEST_KILLS"].flatMap(Int.init) ?? 20 }

    /// What the client saw acknowledged, and every request it sent.
    struct ClientLog: Sendable {
        var recorded: [Int64] = []
        var approved: [Int64] = []
        var sent: [String] = []
    }

    @Test(arguments: TestDatabase.available)
    func acknowledgedWritesSurviveKills(database: TestDatabase) async throws {
        try await database.with { db, open in
            let store = try await open()
            let directory = Directory(store: store)
            let reporter = try await TokenIssuer.issue(name: "r", role: .reporter, organizationId: "msit", directory: directory, actor: .system, at: .now).secret
            let coordinator = try await TokenIssuer.issue(name: "c", role: .coordinator, organizationId: "pmo", directory: directory, actor: .system, at: .now).secret
            await store.shutdown()
            let indicators = WebFixture.plan.projects.first { $0.id == "1-1" }!.indicators.filter { !$0.isQualitative }.prefix(3).map(\.id)
            try #require(indicators.count == 3)

            var log = ClientLog()
            var day = CalendarDay(year: 2020, month: 1, day: 1)!
            for cycle in 0..<Self.kills {
                guard let server = try await ServerProcess.start(db: db, arguments: ["--lock-after-days", "100000"]) else { return }
                let firstDay = day
                let progress = Acknowledgements()
                let client = Task { () -> (ClientLog, CalendarDay) in
                    await Self.drive(server.url, reporter: reporter, coordinator: coordinator, indicators: Array(indicators), cycle: cycle, from: firstDay,
                                     progress: progress)
                }
                // The kill comes at a random moment after the first write of the cycle was
                // acknowledged, so however slowly a loaded machine starts the server, every
                // cycle kills it mid-stream rather than before it took anything.
                let deadline = ContinuousClock.now + .seconds(60)
                while progress.acknowledged.withLock({ $0 }) == 0, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(10))
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...700)))
                await server.crash()
                let (part, next) = await client.value
                log.recorded += part.recorded
                log.approved += part.approved
                log.sent += part.sent
                day = next
                try await Self.check(log, open: open, db: db, database: database)
            }
            #expect(log.recorded.count > Self.kills, "the client got writes through between kills")
            print("crash safety (\(database)): \(Self.kills) kills survived; \(log.sent.count) requests sent, "
                  + "\(log.recorded.count) acknowledged facts and \(log.approved.count) acknowledged approvals checked after every kill")
        }
    }

    /// Submits three values per request and approves the first, until the server stops answering.
    static func drive(_ url: String, reporter: String, coordinator: String, indicators: [String], cycle: Int, from start: CalendarDay,
                      progress: Acknowledgements) async -> (ClientLog, CalendarDay) {
        var log = ClientLog()
        var day = start
        for n in 0... {
            let tag = "crash-\(cycle)-\(n)"
            let entries = indicators.map { #"{"indicatorId":"\#($0)","period":"\#(day.iso)","value":"\#(n + 1)","source":"\#(tag)"}"# }
            day = day.adding(days: 1)
            log.sent.append(tag)
            guard let answer = try? await Curl.answer(["-H", "Authorization: Bearer \(reporter)", "-H", "Content-Type: application/json",
                                                 "--data", #"{"submit":true,"observations":[\#(entries.joined(separator: ","))]}"#,
                                                 "\(url)/api/v1/projects/1-1/reports"]), answer.status == 201 else { break }
            let ids = (try? JSONValue.parse(answer.body))?["facts"]?.array?.compactMap { $0["id"]?.int.map(Int64.init) } ?? []
            log.recorded += ids
            progress.acknowledged.withLock { $0 += 1 }
            guard let first = ids.first,
                  let approval = try? await Curl.answer(["-X", "POST", "-H", "Authorization: Bearer \(coordinator)", "\(url)/api/v1/reports/observation/\(first)/approve"]),
                  approval.status == 200 else { break }
            log.approved.append(first)
        }
        return (log, day)
    }

    /// How many of the cycle's requests the server has acknowledged so far.
    final class Acknowledgements: Sendable {
        let acknowledged = Mutex(0)
    }

    /// Everything acknowledged is there; every request is wholly there or not at all; the file
    /// and the chain are sound.
    static func check(_ log: ClientLog, open: () async throws -> any Store, db: String, database: TestDatabase) async throws {
        let store = try await open()
        let facts = try await store.facts(.observation, states: nil)
        await store.shutdown()
        let byId = Dictionary(uniqueKeysWithValues: facts.map { ($0.id, $0) })
        let lost = log.recorded.filter { byId[$0] == nil }
        #expect(lost.isEmpty, "acknowledged facts missing after a kill: \(lost)")
        let unapproved = log.approved.filter { byId[$0]?.state != .approved }
        #expect(unapproved.isEmpty, "acknowledged approvals missing after a kill: \(unapproved)")
        let perRequest = Dictionary(grouping: facts, by: { $0.entry.source ?? "" })
        let partial = perRequest.filter { $0.key.hasPrefix("crash-") && $0.value.count != 3 }.map(\.key)
        #expect(partial.isEmpty, "requests half written: \(partial)")
        if database.kind == .sqlite, let sqlite = try await open() as? SQLiteStore {
            #expect(try await sqlite.integrityCheck() == ["ok"])
            await sqlite.shutdown()
        }
        let verify = Process()
        verify.executableURL = URL(fileURLWithPath: ServerProcess.binary)
        verify.arguments = ["audit", "verify", "--db", db]
        verify.standardOutput = FileHandle.nullDevice
        verify.standardError = FileHandle.nullDevice
        try verify.run()
        try await offThePool { verify.waitUntilExit() }
        #expect(verify.terminationStatus == 0, "planwatch audit verify after a kill")
    }
}
