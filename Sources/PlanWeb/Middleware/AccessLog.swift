import HTTPTypes
import Logging

/// One structured log line per answered request, with a request id that is also returned as
/// `X-Request-Id` so a user's report of a failure can be found in the log. It never records
/// headers, cookies, tokens, query strings or bodies: paths and statuses only.
public struct AccessLog: Sendable {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// The caller's id when it is a safe token (a load balancer's), else a fresh one.
    static func requestId(from fields: HTTPFields) -> String {
        if let given = fields[.requestId], (8...64).contains(given.utf8.count),
           given.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) {
            return given
        }
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    func record(id: String, method: HTTPRequest.Method, path: String, status: Int, duration: Duration, route: String) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let metadata: Logger.Metadata = [
            "request_id": .string(id), "method": .string(method.rawValue), "path": .string(Self.pathOnly(path)),
            "status": .stringConvertible(status), "ms": .string(String(format: "%.2f", seconds * 1000)), "route": .string(route),
        ]
        logger.info("request", metadata: metadata)
    }

    static func pathOnly(_ uri: String) -> String {
        String(uri.prefix { $0 != "?" }.prefix(200))
    }
}

extension HTTPField.Name {
    static let requestId = HTTPField.Name("X-Request-Id")!
}
