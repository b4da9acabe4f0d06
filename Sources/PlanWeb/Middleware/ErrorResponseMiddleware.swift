import Foundation
import Hummingbird
import OpenAPIRuntime

/// Turns every failure into an answer in the reader's terms: the site's error page (in the
/// reader's language) for pages, `application/problem+json` for the API. Unexpected errors are
/// logged with the request and shown as 500 without their internals.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = SiteRequestContext
    let pages: PageResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, detail) = Self.classify(error)
            // A known API path asked with a method it does not answer is not allowed rather than
            // not found: reporting paths take POST, everything else GET and HEAD.
            if status == .notFound, request.uri.path.hasPrefix("/api/") {
                let postOnly = AccessRules.match(.post, request.uri.path) != nil
                if postOnly || (request.method != .get && request.method != .head) {
                    var response = Self.problem(status: .methodNotAllowed, detail: postOnly ? "this path answers POST only" : "the API answers GET and HEAD only")
                    response.headers[.allow] = postOnly ? "POST" : "GET, HEAD"
                    return response
                }
            }
            if status.code >= 500 {
                context.logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            if request.uri.path.hasPrefix("/api/") {
                return Self.problem(status: status, detail: status.code >= 500 ? "The server could not answer; the error is logged." : detail)
            }
            return pages.errorPage(status: status, request: request)
        }
    }

    /// The status an error calls for and a sentence a client can act on.
    static func classify(_ error: any Error) -> (HTTPResponse.Status, String) {
        if let error = error as? ServerError {
            // No decoded input means the request itself could not be read (a bad query value):
            // the client's mistake. Anything after that is ours.
            if error.operationInput == nil {
                let status = error.httpStatus.code >= 500 ? HTTPResponse.Status.badRequest : error.httpStatus
                return (status, "\(error.causeDescription): \(error.underlyingError)")
            }
            return (.internalServerError, error.causeDescription)
        }
        if let error = error as? any HTTPResponseError {
            return (error.status, error.status.reasonPhrase)
        }
        return (.internalServerError, "internal error")
    }

    static func problem(status: HTTPResponse.Status, detail: String) -> Response {
        let body = """
        {"type":"about:blank","title":\(jsonString(status.reasonPhrase)),"status":\(status.code),"detail":\(jsonString(detail))}
        """
        return Response(status: status, headers: [.contentType: "application/problem+json", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func jsonString(_ s: String) -> String {
        (try? String(decoding: JSONEncoder().encode(s), as: UTF8.self)) ?? "\"\""
    }
}
