import Hummingbird

/// Answers HEAD as GET without the body, as HTTP requires, so link checkers and caches can ask
/// about any page, download or API answer. It wraps the whole router because routes are
/// matched by method before any router middleware runs.
struct HeadAsGetResponder<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context
    let inner: Inner

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .head else { return try await inner.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
        // Keep the length GET would send; write nothing.
        let length = response.headers[.contentLength].flatMap(Int.init) ?? response.body.contentLength
        response.body = .init(contentLength: length) { writer in try await writer.finish(nil) }
        return response
    }
}
