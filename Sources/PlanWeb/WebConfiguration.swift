/// Where and how the web server listens.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Event-loop threads; nil for one per core.
    public var threads: Int?
    /// How often to look for changes made by other processes sharing the database.
    public var followInterval: Duration
    /// Write one log line per request (`planwatch serve` turns it on; tests leave it off).
    public var accessLog: Bool
    /// Open connections beyond this are closed at once.
    public var maxConnections: Int
    /// A connection with no request for this long is closed.
    public var idleTimeoutSeconds: Int
    /// A second listener for `/healthz`, `/readyz` and `/metrics` only, for operators and
    /// monitoring; nil for none.
    public var opsPort: Int?
    /// Where the operations listener binds: loopback unless told otherwise.
    public var opsHost: String
    /// With it, `/readyz` and `/metrics` answer on the site's own port to `Authorization: Bearer`
    /// this token; without it, they are not found there.
    public var opsToken: String?
    /// Where notifications are emailed; nil: they stay in the workspace inbox.
    public var mail: MailSettings?
    /// How often each server looks for rounds' reminders that are due.
    public var reminderInterval: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, threads: Int? = nil, followInterval: Duration = .milliseconds(500),
                accessLog: Bool = false, maxConnections: Int = 4096, idleTimeoutSeconds: Int = 60, opsPort: Int? = nil,
                opsHost: String = "127.0.0.1", opsToken: String? = nil, mail: MailSettings? = nil, reminderInterval: Duration = .seconds(600)) {
        self.mail = mail
        self.reminderInterval = reminderInterval
        self.opsPort = opsPort
        self.opsHost = opsHost
        self.opsToken = opsToken
        self.host = host
        self.port = port
        self.threads = threads
        self.followInterval = followInterval
        self.accessLog = accessLog
        self.maxConnections = maxConnections
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }
}
