import PlanStore

/// Who is making the request: a signed-in person (session) or a machine client (API token).
/// Set for the duration of a request by `AccessMiddleware`; nil for the public.
public struct Principal: Sendable, Hashable {
    public enum Credential: Sendable, Hashable {
        /// A browser session; the secret is the cookie's value.
        case session(secret: String, csrfToken: String)
        case token(id: String)
    }

    public var name: String
    public var displayName: String
    public var role: Role
    public var organizationId: String
    public var credential: Credential

    /// How the audit chain names this principal.
    public var actor: Actor {
        switch credential {
        case .session: return Actor("user:\(name)")
        case .token(let id): return Actor("token:\(id)")
        }
    }

    public var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }

    public var sessionSecret: String? {
        if case .session(let secret, _) = credential { return secret }
        return nil
    }

    @TaskLocal public static var current: Principal?
}
