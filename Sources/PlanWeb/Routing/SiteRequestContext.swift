import Hummingbird
import NIOCore

/// The request context of the site: Hummingbird's core context plus the peer's address, which
/// the sign-in rate limit counts by.
public struct SiteRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
