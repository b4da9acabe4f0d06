/// How the signed-in part of the site behaves: sessions, sign-in limits, locks, review flags,
/// upload sizes. `planwatch serve` sets them from its options.
public struct WorkspaceSettings: Sendable {
    /// A session ends after this long without a request…
    public var sessionIdleSeconds: Int64 = 30 * 60
    /// …and this long after sign-in, whatever happens.
    public var sessionMaxSeconds: Int64 = 12 * 3600
    /// bcrypt's cost; 12 in production (about a quarter second per check here).
    public var bcryptCost: UInt8 = 12
    /// Days after a period's end when reporters can no longer change it without an unlock.
    public var lockAfterDays = 90
    /// Days after a period's end when its values are due (the reporting status calls them overdue after).
    public var dueAfterDays = 60
    /// Whether the person who recorded or submitted a value may approve it (four eyes off): for
    /// an office of one person only, and every such approval is audited (`--allow-self-approval`).
    public var allowSelfApproval = false
    /// A submitted value more than this many times (or less than 1/this of) the previous one is flagged.
    public var jumpFactor = 3.0
    /// Failed sign-ins allowed per account and per address within the window.
    public var signInFailuresPerAccount = 5
    public var signInFailuresPerAddress = 20
    public var signInWindowSeconds: Int64 = 15 * 60
    /// Proxies whose `X-Forwarded-For` names the client the sign-in limit counts (`--trusted-proxy`).
    /// Empty: the connection's own address counts, and the header is ignored.
    public var trustedProxies: Set<String> = []
    public var maxFormBytes = 1 << 20
    /// The sign-in form's body: a name, a password and a token fit in far less. A stranger can
    /// post it, so it is read only this far.
    public var maxSignInBytes = 4 << 10
    public var maxUploadBytes = 10 << 20
    /// How long an upload's validation may take before it is stopped (`--upload-seconds`).
    public var uploadSeconds = 60
    /// Mark cookies Secure: always, never, or when the request came over TLS (directly or
    /// through a proxy that says so in X-Forwarded-Proto).
    public var secureCookies: SecureCookies = .auto
    /// The site's address as its readers reach it (`planwatch serve --public-url`), without a
    /// trailing slash: drawn into downloaded charts and given in the embed code, so a chart
    /// reused elsewhere leads back here.
    public var publicURL = "http://127.0.0.1:8080"
    /// Whether notifications are also emailed (`--smtp-url`); the inbox says so.
    public var mailRelayConfigured = false

    public enum SecureCookies: String, Sendable, CaseIterable {
        case auto, always, never
    }

    public init() {}
}
