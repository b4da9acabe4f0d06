import Foundation
import Testing

/// A real `planwatch serve` child process for tests that need one: several servers on one
/// database, crashes, shutdown. Started on a random loopback port and waited for until it answers.
struct ServerProcess {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: String { root.appendingPathComponent(".build/debug/planwatch").path }
    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    let process: Process
    let url: String

    /// Starts a server on `db`; nil (with a recorded issue) when the binary is missing.
    static func start(db: String, arguments: [String] = []) async throws -> ServerProcess? {
        guard isBuilt else {
            Issue.record("build the command first: swift build (\(binary) is missing)")
            return nil
        }
        for _ in 0..<5 {
            let port = Int.random(in: 40000...48999)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = ["serve", "--db", db, "--port", "\(port)", "--follow-milliseconds", "100", "--no-access-log"] + arguments
            p.currentDirectoryURL = root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let server = ServerProcess(process: p, url: "http://127.0.0.1:\(port)")
            let up = try await eventually(within: .seconds(30)) {
                guard p.isRunning else { return true }
                return (try? await Curl.run(["-f", "\(server.url)/healthz"])) != nil
            }
            if up && p.isRunning { return server }
            await server.stop()
        }
        Issue.record("the server did not start")
        return nil
    }

    var port: Int { Int(url.split(separator: ":").last ?? "") ?? 0 }

    /// How many TCP connections to this server are established (from the kernel's table, so a
    /// test can wait until its client has connected, however loaded the machine is).
    func establishedConnections() -> Int {
        let hexPort = String(format: ":%04X", port)
        var count = 0
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            // Read line by line to the end: a /proc file reports size 0, and a whole-file read
            // can stop at the first page, where a busy machine's table does not fit.
            guard let file = fopen(table, "r") else { continue }
            defer { fclose(file) }
            var buffer: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(buffer) }
            while getline(&buffer, &capacity, file) > 0, let buffer {
                let fields = String(cString: buffer).split(separator: " ")
                // local_address, rem_address, st (01 = ESTABLISHED); the server's side of a connection.
                if fields.count > 3, fields[1].hasSuffix(hexPort), fields[3] == "01" { count += 1 }
            }
        }
        return count
    }

    /// SIGTERM and wait: the graceful way.
    func stop() async {
        let process = process
        if process.isRunning { process.terminate() }
        _ = try? await offThePool { process.waitUntilExit() }
    }

    /// SIGKILL and wait: a crash.
    func crash() async {
        let process = process
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = try? await offThePool { process.waitUntilExit() }
    }
}

/// Polls `check` until it holds or `limit` passes.
func eventually(within limit: Duration = .seconds(5), _ check: () async throws -> Bool) async throws -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while clock.now < deadline {
        if try await check() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await check()
}

/// Runs blocking work (a child process, a socket) on a thread of its own, so it never holds
/// one of the few threads that in-process servers of other tests need to answer.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// curl as a subprocess: the body of the answer, or an error when curl fails.
enum Curl {
    struct Failed: Error { let status: Int32 }

    static func run(_ arguments: [String]) async throws -> String {
        try await answer(arguments).body
    }

    /// The body and the HTTP status (0 when there was no answer at all).
    static func answer(_ arguments: [String]) async throws -> (status: Int, body: String) {
        try await offThePool { try blockingAnswer(arguments) }
    }

    static func blockingAnswer(_ arguments: [String]) throws -> (status: Int, body: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["curl", "-sS", "--max-time", "30", "-w", "\n%{http_code}"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        let code = text.split(separator: "\n").last.flatMap { Int($0) } ?? 0
        if let cut = text.lastIndex(of: "\n") { text = String(text[..<cut]) }
        guard p.terminationStatus == 0 else { throw Failed(status: p.terminationStatus) }
        return (code, text)
    }
}
