import Foundation
import HTTPTypes
import Logging
import Synchronization

/// One structured log line per answered request, with a request id that is also returned as
/// `X-Request-Id` so a user's report of a failure can be found in the log. It never records
/// headers, cookies, tokens, query strings or bodies: paths and statuses only.
///
/// The lines go to standard error, where the server's other log lines go, in the same format
/// (`swift-log`'s stream handler), but written directly: through the general logger a line cost
/// more than answering a cached page (a `localtime` call, a sorted metadata dictionary and a
/// random id from the kernel per request), and logging every request took 40 % of the
/// throughput of `GET /`.
public struct AccessLog: Sendable {
    let label: String
    let enabled: Bool

    public init(logger: Logger) {
        label = logger.label
        enabled = logger.logLevel <= .info
    }

    /// A per-process prefix and a counter: unique within the process, distinct between
    /// processes behind one load balancer, and no system call per request.
    private static let prefix = String(format: "%08x", UInt32.random(in: .min ... .max))
    private static let counter = Atomic<UInt32>(0)

    /// The caller's id when it is a safe token (a load balancer's), else a fresh one.
    static func requestId(from fields: HTTPFields) -> String {
        if let given = fields[.requestId], (8...64).contains(given.utf8.count),
           given.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) {
            return given
        }
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let hex = String(n, radix: 16)
        return prefix + String(repeating: "0", count: 8 - hex.count) + hex
    }

    func record(id: String, method: HTTPRequest.Method, path: String, status: Int, duration: Duration, route: String) {
        guard enabled else { return }
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        let hundredths = micros / 10 % 100
        let ms = "\(micros / 1000).\(hundredths < 10 ? "0" : "")\(hundredths)"
        // The keys in the order the stream handler sorts them.
        var line = "\(LogTimestamp.now) info \(label): method=\(method.rawValue) ms=\(ms) path=\(Self.pathOnly(path)) request_id=\(id) route=\(route) status=\(status) [PlanWeb] request\n"
        // One write of the whole line (standard error is unbuffered), so lines never interleave.
        line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    static func pathOnly(_ uri: String) -> String {
        String(uri.prefix { $0 != "?" }.prefix(200))
    }
}

/// The stream handler's timestamp (`2026-11-26T04:26:17+0000`, local time), made once a second.
enum LogTimestamp {
    private static let cached = Mutex<(Int, String)>((-1, ""))

    static var now: String {
        let seconds = time(nil)
        return cached.withLock { c in
            if c.0 != seconds {
                var t = seconds
                var local = tm()
                localtime_r(&t, &local)
                var buffer = [Int8](repeating: 0, count: 32)
                strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
                c = (seconds, String(cString: buffer))
            }
            return c.1
        }
    }
}

extension HTTPField.Name {
    static let requestId = HTTPField.Name("X-Request-Id")!
}
