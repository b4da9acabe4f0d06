/// Where and how the web server listens.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Event-loop threads; nil for one per core.
    public var threads: Int?

    public init(host: String = "127.0.0.1", port: Int = 8080, threads: Int? = nil) {
        self.host = host
        self.port = port
        self.threads = threads
    }
}
