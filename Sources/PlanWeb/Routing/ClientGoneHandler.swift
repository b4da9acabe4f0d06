import NIOCore

/// Tells a request's handler that its client has gone while it works: the connection's input
/// closed (the client closed its socket; the server keeps half-closed connections open, so the
/// connection itself stays active) or the connection closed. Added at the front of the
/// connection's pipeline for the length of one upload's check (`SiteRequestContext.watchClient`).
final class ClientGoneHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny
    private let onGone: @Sendable () -> Void

    init(onGone: @escaping @Sendable () -> Void) {
        self.onGone = onGone
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { onGone() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        onGone()
        context.fireChannelInactive()
    }
}
