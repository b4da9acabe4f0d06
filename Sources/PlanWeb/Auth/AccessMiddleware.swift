import Foundation
import Hummingbird
import PlanCore

/// Finds who is asking (a session cookie for pages, a bearer token for the API), decides with
/// `AccessPolicy` whether the route in `AccessRules` may be used, reads form bodies and checks
/// their CSRF token, then runs the handler with `Principal.current` and `SubmittedForm.current`
/// set. The only place in the application where access is decided.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = SiteRequestContext
    let site: Site
    let pages: PageResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        // Decided by the route the router chose (the path is already its own, see
        // `CanonicalPathMiddleware`); a path with no route is the API's when it is under it.
        let isAPI = context.endpointPath.map { $0.hasPrefix("/api/") } ?? path.hasPrefix("/api/")
        let now = Timestamp.now
        var principal: Principal?
        if let auth = site.authentication {
            if isAPI {
                if let header = request.headers[.authorization] {
                    guard header.lowercased().hasPrefix("bearer "),
                          let found = try await auth.principal(bearer: String(header.dropFirst(7)).trimmingSpaces, now: now) else {
                        return Self.problem(.unauthorized, "the token is unknown, revoked or expired")
                    }
                    principal = found
                }
            } else if let secret = request.cookies[Authentication.sessionCookie]?.value {
                principal = try await auth.principal(sessionSecret: secret, now: now)
            }
        }
        guard let (rule, parameters) = AccessRules.match(request.method, path) else {
            // No rule: public reading only. Anything else is refused, so a route missing from
            // the table can never be used (and the authorization test names it).
            if request.method != .get && request.method != .head || path == "/admin" || path.hasPrefix("/admin/") {
                if isAPI { return try await Principal.$current.withValue(principal) { try await next(request, context) } }
                return pages.errorPage(status: .notFound, request: request)
            }
            return try await Principal.$current.withValue(principal) { try await next(request, context) }
        }
        switch site.policy.decide(principal, rule.action, project: rule.projectParameter.flatMap { parameters[$0] }) {
        case .allow:
            break
        case .signIn:
            if isAPI { return Self.problem(.unauthorized, "sign in with a bearer token (Authorization: Bearer …)") }
            let back = request.method == .get ? request.uri.description : "/admin"
            var c = URLComponents()
            c.queryItems = [URLQueryItem(name: "next", value: back)]
            return Response(status: .seeOther, headers: [.location: "/signin?" + (c.percentEncodedQuery ?? ""), .cacheControl: "no-store"])
        case .forbidden:
            if isAPI { return Self.problem(.forbidden, "this token's role or organization may not do that") }
            return Principal.$current.withValue(principal) { pages.errorPage(status: .forbidden, request: request) }
        }
        var request = request
        if isAPI && request.method == .post {
            // The generated server would read a body of any size: bound it here, like forms.
            let limit = site.settings.maxUploadBytes
            do {
                request.body = .init(buffer: try await request.collectBody(upTo: limit))
            } catch {
                return Self.problem(.contentTooLarge, "the body is larger than \(limit >> 20) MB; send fewer entries per request")
            }
        }
        var form = SubmittedForm()
        if rule.isForm && !isAPI {
            let refuse = { (status: HTTPResponse.Status, message: @escaping (Catalog) -> String?) in
                Principal.$current.withValue(principal) { pages.errorPage(status: status, message: message, request: request) }
            }
            // Everything that can be decided without the body is decided first, so a stranger's
            // body is read only as far as it must be and parsed only when it could be accepted.
            let multipart = request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true
            if multipart && !rule.isUpload { return refuse(.unsupportedMediaType, { $0["error_form_type"] }) }
            guard let expected = principal?.csrfToken ?? request.cookies[Authentication.signInCSRFCookie]?.value else {
                return refuse(.forbidden, { $0["error_csrf"] })
            }
            // A form without a session is the sign-in form: a stranger's body is kept to a few KB.
            let limit = multipart ? site.settings.maxUploadBytes : principal == nil ? site.settings.maxSignInBytes : site.settings.maxFormBytes
            let size = limit >= 1 << 20 ? "\(limit >> 20)MB" : "\(limit >> 10)KB"
            let tooLarge = { (c: Catalog) -> String? in c.format("error_too_large", ["size": size]) }
            let ceiling = multipart ? limit + 64 << 10 : limit
            if let declared = request.headers[.contentLength].flatMap(Int.init), declared > ceiling { return refuse(.contentTooLarge, tooLarge) }
            var body = request
            let buffer: ByteBuffer
            do {
                buffer = try await body.collectBody(upTo: ceiling)
            } catch {
                return refuse(.contentTooLarge, tooLarge)
            }
            let bytes = Array(buffer.readableBytesView)
            if multipart {
                // Ten megabytes of parsing is heavy work: it takes its turn with the rest (`WorkLimiter`).
                guard let boundary = SubmittedForm.parameter("boundary", in: Substring("x; " + (request.headers[.contentType] ?? ""))),
                      SubmittedForm.isValidBoundary(boundary), let parsed = await site.holder.uploads.run({ SubmittedForm.multipart(bytes, boundary: boundary) }) else {
                    return refuse(.badRequest, { _ in nil })
                }
                form = parsed
            } else {
                guard let parsed = SubmittedForm.urlEncoded(bytes) else { return refuse(.contentTooLarge, tooLarge) }
                form = parsed
            }
            guard let given = form["_csrf"], Secrets.equal(expected, given) else {
                return refuse(.forbidden, { $0["error_csrf"] })
            }
        }
        return try await Principal.$current.withValue(principal) {
            try await SubmittedForm.$current.withValue(form) { try await next(request, context) }
        }
    }

    static func problem(_ status: HTTPResponse.Status, _ detail: String) -> Response {
        var response = ErrorResponseMiddleware.problem(status: status, detail: detail)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
