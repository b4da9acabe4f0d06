import Foundation

/// Where the data lives: `sqlite:PATH` (the default, `sqlite:planwatch.sqlite`) or
/// `postgres://user:password@host:port/database`, from `--db` or `PLANWATCH_DB`.
public enum DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    public static let defaultURL = "sqlite:planwatch.sqlite"

    public struct PostgresSettings: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        /// A schema to work in (`?schema=NAME`), so several installations or test runs can share a database.
        public var schema: String?

        public init(host: String, port: Int, user: String, password: String?, database: String, schema: String? = nil) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
            self.database = database
            self.schema = schema
        }
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func parse(_ text: String) throws -> DatabaseURL {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw Invalid(description: "sqlite: needs a file path, e.g. sqlite:planwatch.sqlite") }
            return .sqlite(path: path)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = URL(string: text), let host = url.host, !host.isEmpty else {
                throw Invalid(description: "cannot read '\(text)' as postgres://user:password@host:port/database")
            }
            let database = String(url.path.drop { $0 == "/" })
            guard !database.isEmpty else { throw Invalid(description: "the PostgreSQL URL names no database: \(text)") }
            let schema = URLComponents(string: text)?.queryItems?.first { $0.name == "schema" }?.value
            if let schema, !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                throw Invalid(description: "schema names use letters, digits and _ only")
            }
            return .postgres(PostgresSettings(host: host, port: url.port ?? 5432, user: url.user ?? "postgres",
                                              password: url.password?.removingPercentEncoding, database: database, schema: schema))
        }
        if text.hasSuffix(".sqlite") || text.hasSuffix(".db") { return .sqlite(path: text) }
        throw Invalid(description: "unknown database '\(text)'; use sqlite:PATH or postgres://user:password@host:port/database")
    }

    /// The URL to use: `--db`, else `PLANWATCH_DB`, else the default SQLite file.
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL {
        try parse(option ?? environment["PLANWATCH_DB"] ?? defaultURL)
    }

    /// Printable without the password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let s): return "postgres://\(s.user)@\(s.host):\(s.port)/\(s.database)" + (s.schema.map { "?schema=\($0)" } ?? "")
        }
    }
}
