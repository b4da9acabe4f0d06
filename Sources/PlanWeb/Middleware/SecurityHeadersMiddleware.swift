import HTTPTypes
import Hummingbird

/// Sets the security headers on every response: a Content-Security-Policy without
/// `unsafe-inline` (no script at all, styles only from the site), nosniff, a strict referrer
/// policy and no framing (but for `/embed/`, whose charts other sites may frame); and, on HTTPS, Strict-Transport-Security so browsers never fall back
/// to plain HTTP.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    var secureCookies: WorkspaceSettings.SecureCookies = .auto

    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    /// The policy of an embeddable chart: the site's own, but framed by anyone and posting nowhere.
    static var embedPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors *; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        // An embeddable chart (`/embed/…`) may be framed by any site; nothing else may.
        let embeddable = request.uri.path.hasPrefix("/embed/")
        response.headers[.contentSecurityPolicy] = embeddable ? Self.embedPolicy : Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = embeddable ? "strict-origin-when-cross-origin" : "same-origin"
        if !embeddable { response.headers[.frameOptions] = "DENY" }
        if SignInPages.isSecure(request, secureCookies) { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
}
