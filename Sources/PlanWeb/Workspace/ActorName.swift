/// An actor id as a person reads it on a screen: "user:lee" is "lee", "cli:root" is
/// "root (CLI)", "token:ab12" is "token ab12". The audit chain keeps the full id.
enum ActorName {
    static func display(_ id: String) -> String {
        if id.hasPrefix("user:") { return String(id.dropFirst(5)) }
        if id.hasPrefix("cli:") { return "\(id.dropFirst(4)) (CLI)" }
        if id.hasPrefix("token:") { return "token \(id.dropFirst(6))" }
        return id
    }
}
