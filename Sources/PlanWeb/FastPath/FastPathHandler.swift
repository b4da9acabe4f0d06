import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers requests the `FastPathCache` holds on the event loop, before they reach the
/// router, with the exact headers and bytes the application produced (and 304 for a matching
/// `If-None-Match`). Everything else passes through untouched.
///
/// Order on a connection is kept: while a request that passed through has not been answered,
/// later requests pass through too, so answers never overtake each other.
final class FastPathHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let cache: FastPathCache
    let log: AccessLog?
    /// The answer to send when the request's end arrives.
    private var pending: (entry: FastPathCache.Entry, head: Bool, notModified: Bool, request: HTTPRequest, start: ContinuousClock.Instant)?
    /// Requests passed to the application and not yet answered.
    private var inFlight = 0

    init(cache: FastPathCache, log: AccessLog?) {
        self.cache = cache
        self.log = log
    }


    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let request):
            if inFlight == 0, let key = FastPathCache.key(request), let entry = cache.lookup(key) {
                let notModified = request.headerFields[.ifNoneMatch].map { Self.matches($0, entry.etag) } ?? false
                pending = (entry, request.method == .head, notModified, request, ContinuousClock.now)
                return
            }
            inFlight += 1
            context.fireChannelRead(data)
        case .body:
            if pending == nil { context.fireChannelRead(data) }
        case .end:
            guard let answer = pending else {
                context.fireChannelRead(data)
                return
            }
            pending = nil
            respond(answer, context: context)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { inFlight = max(0, inFlight - 1) }
        context.write(data, promise: promise)
    }

    private func respond(_ answer: (entry: FastPathCache.Entry, head: Bool, notModified: Bool, request: HTTPRequest, start: ContinuousClock.Instant),
                         context: ChannelHandlerContext) {
        var fields = answer.entry.fields
        fields[.date] = HTTPDate.now
        if let log {
            let id = AccessLog.requestId(from: answer.request.headerFields)
            fields[.requestId] = id
            log.record(id: id, method: answer.request.method, path: answer.request.path ?? "", status: answer.notModified ? 304 : 200,
                       duration: ContinuousClock.now - answer.start, route: "fast path")
        }
        if answer.notModified {
            fields[.contentType] = nil
            fields[.contentLength] = nil
            fields[.contentDisposition] = nil
            answer.entry.notModified.increment()
            context.write(wrapOutboundOut(.head(HTTPResponse(status: .notModified, headerFields: fields))), promise: nil)
        } else {
            answer.entry.served.increment()
            context.write(wrapOutboundOut(.head(HTTPResponse(status: .ok, headerFields: fields))), promise: nil)
            if !answer.head { context.write(wrapOutboundOut(.body(answer.entry.body)), promise: nil) }
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" }
    }
}
