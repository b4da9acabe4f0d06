/// Who did something, as recorded in the audit chain: `user:kim`, `cli:root`, `token:7`, `system`.
public struct Actor: Hashable, Sendable, CustomStringConvertible {
    public var id: String

    public init(_ id: String) { self.id = id }

    public static let system = Actor("system")

    /// The operating-system user running the command line: `cli:<user>`.
    public static func commandLine(user: String) -> Actor { Actor("cli:\(user)") }

    public var description: String { id }
}
