import Hummingbird

/// Rewrites the request's path to the form the router matched it in, before any other rule
/// reads it. Hummingbird's router skips empty segments when it picks a route, so `//api/v1/…`,
/// `/api//v1/…` and `/admin/` reach the same handlers as their plain forms. A rule that read
/// the path as sent would disagree with the router: `//api/v1/…` did not start with `/api/`, so
/// it was served as a page, with the session cookie taken and no CSRF check or API body limit.
/// After this middleware every rule (access, API or page, caching, error pages, the access log)
/// sees the path the router saw. Dot segments and encoded slashes are left as they are: the
/// router reads them literally too, so they match no route and no rule.
struct CanonicalPathMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let path = Self.canonical(request.uri.path) else { return try await next(request, context) }
        var head = request.head
        head.path = path + (request.uri.query.map { "?" + $0 } ?? "")
        return try await next(Request(head: head, body: request.body), context)
    }

    /// The path without empty segments, or nil when it has none to drop.
    static func canonical(_ path: String) -> String? {
        guard path.contains("//") || (path.count > 1 && path.hasSuffix("/")) else { return nil }
        return "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }
}
