import Hummingbird
import NIOCore

/// The request context of the site: Hummingbird's core context plus the peer's address, which
/// the sign-in rate limit counts by, and the connection, whose closing stops an upload's work.
public struct SiteRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        channel = source.channel
    }

    /// Calls `onGone` if the client goes away before the returned function is called; that
    /// function stops watching. Where the connection cannot be watched (the router's tests),
    /// nothing is called.
    func watchClient(_ onGone: @escaping @Sendable () -> Void) async -> @Sendable () async -> Void {
        let handler = ClientGoneHandler(onGone: onGone)
        guard channel.isActive, (try? await channel.pipeline.addHandler(handler, position: .first).get()) != nil else { return {} }
        let channel = self.channel
        return { try? await channel.pipeline.removeHandler(handler).get() }
    }
}
