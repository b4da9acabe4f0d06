import Foundation
import PlanCore
import Testing
@testable import PlanStore
@testable import PlanWeb

/// SIGTERM lets a request in flight finish and the process end cleanly: the large report sent
/// just before the signal is answered and stored whole.
@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test func aRequestInFlightFinishesOnSIGTERM() async throws {
        try await TestDatabase(kind: .sqlite).with { db, open in
            let store = try await open()
            let reporter = try await TokenIssuer.issue(name: "r", role: .reporter, organizationId: "msit", directory: Directory(store: store),
                                                       actor: .system, at: .now).secret
            await store.shutdown()
            guard let server = try await ServerProcess.start(db: db, arguments: ["--lock-after-days", "100000"]) else { return }
            // 5,000 values, about 400 KB.
            var day = CalendarDay(year: 2001, month: 1, day: 1)!
            var entries: [String] = []
            for i in 0..<5000 {
                entries.append(#"{"indicatorId":"1-1.data-market-size","period":"\#(day.iso)","value":"\#(i + 1)"}"#)
                day = day.adding(days: 1)
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try #"{"submit":true,"observations":[\#(entries.joined(separator: ","))]}"#.write(to: file, atomically: true, encoding: .utf8)
            let request = Task {
                // Sent at 200 KB/s, so the request (400 KB) is still arriving when the signal comes.
                try await Curl.answer(["--limit-rate", "200k", "-H", "Authorization: Bearer \(reporter)", "-H", "Content-Type: application/json",
                                       "--data-binary", "@\(file.path)",
                                       "\(server.url)/api/v1/projects/1-1/reports"])
            }
            // Signal only once the client is connected: on a loaded machine curl can take longer
            // than any fixed pause to connect, and a signal before that is a refused connection,
            // not a request in flight.
            #expect(try await eventually(within: .seconds(30)) { server.establishedConnections() > 0 }, "curl never connected")
            try await Task.sleep(for: .milliseconds(150))
            server.process.terminate()
            let answer = try await request.value
            _ = try await offThePool { server.process.waitUntilExit() }
            #expect(answer.status == 201, "the request in flight was answered: \(answer.status) \(answer.body.prefix(200))")
            #expect(server.process.terminationStatus == 0, "a clean exit")
            let after = try await open()
            #expect(try await after.facts(.observation, states: nil).count == (answer.status == 201 ? 5000 : 0), "all or nothing")
            #expect(try await after.verifyAudit().isIntact)
            await after.shutdown()
        }
    }
}
