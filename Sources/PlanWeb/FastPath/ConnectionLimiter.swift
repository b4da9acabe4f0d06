import NIOCore
import Synchronization

/// Closes a new connection at once when `limit` are already open, so a flood of idle sockets
/// cannot exhaust file descriptors or memory; the load balancer or client retries elsewhere.
/// One shared counter; one handler per connection.
final class ConnectionLimiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    final class Counter: Sendable {
        let open = Atomic<Int>(0)
        let limit: Int
        init(limit: Int) { self.limit = limit }
    }

    let counter: Counter
    private var counted = false

    init(counter: Counter) {
        self.counter = counter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let now = counter.open.wrappingAdd(1, ordering: .relaxed).newValue
        counted = true
        if now > counter.limit { context.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if counted { counter.open.wrappingSubtract(1, ordering: .relaxed) }
        counted = false
    }
}
