import Foundation
import PlanCore
import PlanStore
import Testing

/// Delivery of a round's reminders to a real SMTP relay on loopback (aiosmtpd, with STARTTLS
/// and AUTH), through `planwatch serve`: every notification arrives exactly once although the
/// relay goes down mid-delivery, and although the sender is killed mid-message. Runs with
/// `PLANWATCH_TEST_SMTP=1` (Python `aiosmtpd` and `openssl` installed, the binary built).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["PLANWATCH_TEST_SMTP"] == "1"))
struct MailDeliveryTests {
    static let relayScript = ServerProcess.root.appendingPathComponent("Tests/Mail/smtp_relay.py").path
    static let reporters = 16

    /// A database with a round opened ten days ago and due tomorrow, and `reporters` reporters
    /// of the ministry it asks, each with an address (every third reads English), so that the
    /// reminder "one day left" goes to each of them.
    static func database(_ dir: URL) async throws -> String {
        let path = dir.appendingPathComponent("mail.sqlite").path
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let plan = try PlanLoader.load(data: BundledPlan.data()!, file: "digital-new-deal.yaml").get()
        _ = try await store.loadPlan(bytes: [UInt8](BundledPlan.data()!), fileName: "digital-new-deal.yaml", plan: plan, actor: .system)
        let d = Directory(store: store)
        let now = Timestamp.now
        try await d.addOrganization(OrganizationRecord(id: "pmo", nameKo: "디지털뉴딜반", nameEn: "Digital New Deal Office"), actor: .system, at: now)
        try await d.addOrganization(OrganizationRecord(id: "msit", nameKo: "과학기술정보통신부", nameEn: "Ministry of Science and ICT"), actor: .system, at: now)
        try await d.assign(Assignment(organizationId: "msit", entityId: "1-1"), actor: .system, at: now)
        try await d.addAccount(Account(username: "kim", displayName: "김민지", organizationId: "pmo", role: .coordinator, passwordHash: "x", createdAt: now),
                               actor: .system, at: now)
        try await prepare(store, index: PlanIndex(plan), opener: "kim")
        await store.shutdown()
        return path
    }

    /// The reporters with addresses and the round, in a store that has the plan, msit (assigned 1-1) and the office.
    static func prepare(_ store: any Store, index: PlanIndex, opener: String) async throws {
        let d = Directory(store: store)
        let now = Timestamp.now
        for i in 1...reporters {
            let name = "reporter\(i)"
            try await d.addAccount(Account(username: name, displayName: i % 3 == 0 ? "Reporter \(i)" : "보고자\(i)", organizationId: "msit",
                                           role: .reporter, passwordHash: "x", createdAt: now), actor: .system, at: now)
            try await d.setPreferences(username: name, email: "\(name)@msit.go.kr", language: i % 3 == 0 ? .en : .ko, muted: [], actor: .system, at: now)
        }
        let today = now.koreanDay
        _ = try await ReportingRounds(store: store, index: index, dueAfterDays: 60)
            .open(RoundDraft(title: LocalizedText(ko: "\(today.year)년 4분기 실적 점검", en: "Q4 \(today.year) progress review"),
                             period: .year(today.year)!, items: [.indicators, .budget, .jobs], due: today.adding(days: 1)),
                  actor: Actor("user:\(opener)"), at: Timestamp(seconds: now.seconds - 10 * 86_400))
    }

    /// A self-signed certificate for "localhost", which the sender is told to trust.
    static func certificate(_ dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                       "-addext", "subjectAltName=DNS:localhost", "-keyout", dir.appendingPathComponent("key.pem").path,
                       "-out", dir.appendingPathComponent("cert.pem").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "openssl made the relay's certificate")
    }

    /// The relay as a child process; its port is read from the file it writes.
    static func relay(_ dir: URL, port: Int = 0, extra: [String] = []) async throws -> (Process, Int) {
        let portFile = dir.appendingPathComponent("port-\(UUID().uuidString)").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", relayScript, "--port", String(port), "--port-file", portFile, "--store", dir.appendingPathComponent("inbox").path,
                       "--cert", dir.appendingPathComponent("cert.pem").path, "--key", dir.appendingPathComponent("key.pem").path,
                       "--user", "planwatch", "--password", "relay secret 1"] + extra
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        var bound = 0
        _ = try await eventually(within: .seconds(20)) {
            bound = Int((try? String(contentsOfFile: portFile, encoding: .utf8)) ?? "") ?? 0
            return bound > 0
        }
        #expect(bound > 0, "the relay started")
        return (p, bound)
    }

    static func serve(_ db: String, _ dir: URL, port: Int) async throws -> ServerProcess? {
        let credentials = dir.appendingPathComponent("credentials").path
        FileManager.default.createFile(atPath: credentials, contents: Data("planwatch\nrelay secret 1\n".utf8))
        return try await ServerProcess.start(db: db.contains(":") ? db : "sqlite:\(db)", arguments: [
            "--smtp-url", "smtp://localhost:\(port)", "--smtp-from", "디지털뉴딜반 <noreply@pmo.go.kr>", "--smtp-credentials-file", credentials,
            "--smtp-ca-file", dir.appendingPathComponent("cert.pem").path, "--smtp-retry-seconds", "1", "--smtp-lease-seconds", "3",
            "--reminder-interval-seconds", "1", "--public-url", "https://planwatch.example",
        ])
    }

    /// Message-IDs as the relay logged them, in order of arrival.
    static func received(_ dir: URL) -> [String] {
        ((try? String(contentsOfFile: dir.appendingPathComponent("inbox/received.log").path, encoding: .utf8)) ?? "")
            .split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    }

    static func outbox(_ db: String) async throws -> [StoredNotification] {
        try await outbox(try SQLiteStore(path: db))
    }

    static func outbox(_ store: any Store) async throws -> [StoredNotification] {
        var all: [StoredNotification] = []
        for i in 1...reporters { all += try await store.notifications(recipient: "reporter\(i)", limit: 100) }
        await store.shutdown()
        return all.filter { $0.content.kind == .dueSoon }
    }

    static func stop(_ p: Process) {
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
    }

    @Test func theRelayGoesDownMidDeliveryAndEveryReminderArrivesOnce() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.certificate(dir)
        let db = try await Self.database(dir)
        let (first, port) = try await Self.relay(dir, extra: ["--stop-after", "5"])
        defer { Self.stop(first) }
        guard let server = try await Self.serve(db, dir, port: port) else { return }
        // The relay takes five, then is gone.
        _ = try await eventually(within: .seconds(60)) { !first.isRunning }
        #expect(!first.isRunning && Self.received(dir).count == 5)
        try await Task.sleep(for: .seconds(2))
        #expect(Self.received(dir).count == 5, "nothing arrives while the relay is down")
        let (second, _) = try await Self.relay(dir, port: port)
        defer { Self.stop(second) }
        let done = try await eventually(within: .seconds(90)) { Self.received(dir).count >= Self.reporters }
        try await Task.sleep(for: .seconds(2))
        await server.stop()
        #expect(done)
        let ids = Self.received(dir)
        #expect(ids.count == Self.reporters && Set(ids).count == Self.reporters, "every reminder once: \(ids)")
        let outbox = try await Self.outbox(db)
        #expect(outbox.count == Self.reporters && outbox.allSatisfy { $0.mailState == .sent })
        #expect(Set(outbox.map { "<\($0.messageToken)@pmo.go.kr>" }) == Set(ids))
        #expect(outbox.contains { $0.attempts > 1 }, "some waited for the relay to come back")

        // Read as a recipient would: the first message, in Korean.
        let eml = try String(contentsOfFile: dir.appendingPathComponent("inbox/1.eml").path, encoding: .utf8)
        #expect(eml.contains("From: =?UTF-8?B?") && eml.contains("<noreply@pmo.go.kr>"))
        #expect(eml.contains("Content-Transfer-Encoding: 8bit"))
        #expect(eml.contains("제출 기한(") && eml.contains("https://planwatch.example/admin"))
    }

    @Test func theSenderIsKilledMidMessageAndEveryReminderArrivesOnce() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.certificate(dir)
        let db = try await Self.database(dir)
        let (relay, port) = try await Self.relay(dir, extra: ["--hold-ms", "400"])
        defer { Self.stop(relay) }
        guard let server = try await Self.serve(db, dir, port: port) else { return }
        let holding = dir.appendingPathComponent("inbox/holding.log").path
        func held() -> Int { ((try? String(contentsOfFile: holding, encoding: .utf8)) ?? "").split(separator: "\n").count }
        // Killed while the relay holds the fourth message, before it says 250.
        _ = try await eventually(within: .seconds(60)) { held() >= 4 }
        await server.crash()
        let before = Self.received(dir).count
        #expect(before == 3, "the three before were accepted; the fourth was not")
        guard let again = try await Self.serve(db, dir, port: port) else { return }
        let done = try await eventually(within: .seconds(90)) { Self.received(dir).count >= Self.reporters }
        try await Task.sleep(for: .seconds(2))
        await again.stop()
        #expect(done)
        let ids = Self.received(dir)
        #expect(ids.count == Self.reporters && Set(ids).count == Self.reporters, "every reminder once: \(ids)")
        let outbox = try await Self.outbox(db)
        #expect(outbox.allSatisfy { $0.mailState == .sent })
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func twoServersOnOnePostgreSQLSendEveryReminderOnce() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.certificate(dir)
        try await TestDatabase(kind: .postgres).with { url, open in
            let store = try await open()
            try await Self.prepare(store, index: PlanIndex(WebFixture.plan), opener: "park")
            await store.shutdown()
            // The relay holds each message a little, so both servers are sending at once.
            let (relay, port) = try await Self.relay(dir, extra: ["--hold-ms", "150"])
            defer { Self.stop(relay) }
            guard let one = try await Self.serve(url, dir, port: port), let two = try await Self.serve(url, dir, port: port) else { return }
            let done = try await eventually(within: .seconds(90)) { Self.received(dir).count >= Self.reporters }
            try await Task.sleep(for: .seconds(2))
            await one.stop()
            await two.stop()
            #expect(done)
            let ids = Self.received(dir)
            #expect(ids.count == Self.reporters && Set(ids).count == Self.reporters, "every reminder once: \(ids)")
            let outbox = try await Self.outbox(try await open())
            #expect(outbox.count == Self.reporters && outbox.allSatisfy { $0.mailState == .sent })
            let audit = try await open()
            #expect(try await audit.auditEvents(after: 0, limit: 10_000).filter { $0.action == "round.remind" }.count == 1, "the reminder was written once")
            await audit.shutdown()
        }
    }
}
