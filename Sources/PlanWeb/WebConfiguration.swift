/// Where and how the web server listens.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Event-loop threads; nil for one per core.
    public var threads: Int?
    /// How often to look for changes made by other processes sharing the database.
    public var followInterval: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, threads: Int? = nil, followInterval: Duration = .milliseconds(500)) {
        self.host = host
        self.port = port
        self.threads = threads
        self.followInterval = followInterval
    }
}
