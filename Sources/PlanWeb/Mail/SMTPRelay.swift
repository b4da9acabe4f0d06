import Foundation
import PlanCore

/// The mail relay `planwatch serve` hands notifications to (`--smtp-url`), and how to reach it.
///
/// - `smtp://host:port` (587 by default): plain TCP, then STARTTLS, which the relay must offer;
///   a relay that does not is refused rather than spoken to in clear.
/// - `smtps://host:port` (465 by default): TLS from the first byte.
/// - `smtp+insecure://host:port` (25 by default): no TLS, for a relay on the same machine or
///   network; credentials are never sent over it.
///
/// The relay's certificate is checked against the system's roots, or `--smtp-ca-file`, and its name.
public struct SMTPRelay: Sendable {
    public enum Security: String, Sendable {
        case startTLS, tls, none
    }

    public struct Credentials: Sendable {
        public var username: String
        public var password: String
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var credentials: Credentials?
    public var from: MailAddress
    /// PEM file of the certificate authorities to trust instead of the system's.
    public var caFile: String?
    /// The longest wait for any one reply (the reply to the message's end included).
    public var replyTimeout: Duration = .seconds(120)
    public var connectTimeout: Duration = .seconds(15)

    public init(url: String, credentials: Credentials?, from: MailAddress, caFile: String?) throws(RelayError) {
        let schemes: [(String, Security, Int)] = [("smtp+insecure://", .none, 25), ("smtps://", .tls, 465), ("smtp://", .startTLS, 587)]
        guard let (prefix, security, defaultPort) = schemes.first(where: { url.lowercased().hasPrefix($0.0) }) else {
            throw .invalid("--smtp-url must start with smtp://, smtps:// or smtp+insecure:// (got \(url.debugDescription))")
        }
        var rest = String(url.dropFirst(prefix.count))
        if rest.hasSuffix("/") { rest.removeLast() }
        guard !rest.isEmpty, !rest.contains("@"), !rest.contains("/"), !rest.contains("?") else {
            throw .invalid("--smtp-url takes only a host and a port (credentials go in --smtp-credentials-file): \(url.debugDescription)")
        }
        var host = rest
        var port = defaultPort
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { guard let p = Int(after.dropFirst()) else { throw .invalid("bad port in --smtp-url \(url)") }; port = p }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            guard let p = Int(rest[rest.index(after: colon)...]) else { throw .invalid("bad port in --smtp-url \(url)") }
            port = p
        }
        guard (1...65535).contains(port), !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.isASCII && !MailHeader.isControl($0) && $0 != " " }) else {
            throw .invalid("bad host or port in --smtp-url \(url)")
        }
        if security == .none && credentials != nil {
            throw .invalid("credentials are never sent without TLS: use smtp:// (STARTTLS) or smtps:// with --smtp-credentials-file")
        }
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.from = from
        self.caFile = caFile
    }

    /// Reads `--smtp-credentials-file`: the user name on the first line, the password on the second.
    public static func credentials(file path: String) throws(RelayError) -> Credentials {
        guard let data = FileManager.default.contents(atPath: path) else { throw .invalid("cannot read --smtp-credentials-file \(path)") }
        let lines = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, !lines[0].isEmpty, !lines[1].isEmpty else {
            throw .invalid("\(path): write the user name on the first line and the password on the second")
        }
        return Credentials(username: String(lines[0]), password: String(lines[1]))
    }

    /// The name Planwatch gives itself in EHLO: the sender's domain.
    var heloName: String { from.domain }

    public enum RelayError: Error, Sendable, CustomStringConvertible {
        case invalid(String)
        public var description: String { switch self { case .invalid(let m): return m } }
    }
}
