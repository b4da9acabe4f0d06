import HTTPTypes
import Foundation
import Hummingbird
import PlanCore

/// `/signin` and `/signout`. The sign-in form carries a CSRF token bound to a cookie of its own
/// (there is no session yet); a wrong name, a wrong password and a disabled account get the
/// same answer.
enum SignInPages {
    static func page(_ request: Request, _ ws: Workspace, error: String? = nil, username: String = "",
                     status: HTTPResponse.Status = .ok) -> Response {
        if Principal.current != nil, error == nil { return ws.redirect("/admin") }
        let existing = request.cookies[Authentication.signInCSRFCookie]?.value
        let token = existing ?? Secrets.make(bytes: 24)
        let c = ws.context(request)
        var response = ws.render("signin", request, title: c.catalog["sign_in"], current: "", values: [
            "signin_csrf": token, "next": safeNext(request.uri.queryParameters.get("next") ?? SubmittedForm.current["next"]),
            "username": username,
            "first_run": ws.store == nil ? false : true,
        ].merging(error.map { FormErrors("username", $0).values } ?? [:]), status: status)
        if existing == nil {
            response.headers.append(HTTPField(name: .setCookie,
                                              value: cookie(Authentication.signInCSRFCookie, token, request: request, ws: ws, path: "/signin", sameSite: "Strict")))
        }
        return response
    }

    static func signIn(_ request: Request, _ context: SiteRequestContext, _ ws: Workspace) async throws -> Response {
        guard let auth = ws.site.authentication else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let address = ClientAddress.of(peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[.forwardedFor],
                                       trustedProxies: ws.site.settings.trustedProxies)
        switch try await auth.signIn(username: form.text("username"), password: form["password"] ?? "", address: address, now: .now) {
        case .signedIn(let secret, _):
            var response = ws.redirect(safeNext(form["next"]))
            response.headers[.setCookie] = cookie(Authentication.sessionCookie, secret, request: request, ws: ws, path: "/", sameSite: "Lax")
            return response
        case .refused:
            return page(request, ws, error: c.catalog["signin_refused"], username: form.text("username"), status: .unauthorized)
        case .limited:
            return page(request, ws, error: c.catalog["signin_limited"], username: form.text("username"), status: .tooManyRequests)
        }
    }

    static func signOut(_ request: Request, _ ws: Workspace) async throws -> Response {
        if let principal = Principal.current { try await ws.site.authentication?.signOut(principal, now: .now) }
        var response = ws.redirect("/signin", done: "signed_out")
        response.headers[.setCookie] = "\(Authentication.sessionCookie)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        return response
    }

    /// Only paths on this site: never another host (an open redirect). Browsers drop tabs and
    /// newlines from a URL and read a backslash as a slash, so `/\t/evil.example` would send
    /// the reader to `//evil.example`: a target must be printable ASCII without spaces or
    /// backslashes, parse as a relative URL with no scheme or host, and have a path that starts
    /// with one slash, both as written and once decoded.
    static func safeNext(_ next: String?) -> String {
        let fallback = "/admin"
        guard let next, next.hasPrefix("/"), !next.hasPrefix("/signin"),
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
              let url = URLComponents(string: next), url.scheme == nil, url.host == nil, url.user == nil,
              url.percentEncodedPath.hasPrefix("/"), !url.percentEncodedPath.hasPrefix("//"), !url.path.hasPrefix("//"),
              !url.path.contains("\\") else { return fallback }
        return next
    }

    static func cookie(_ name: String, _ value: String, request: Request, ws: Workspace, path: String, sameSite: String) -> String {
        var parts = ["\(name)=\(value)", "Path=\(path)", "HttpOnly", "SameSite=\(sameSite)"]
        if isSecure(request, ws.site.settings.secureCookies) { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    static func isSecure(_ request: Request, _ mode: WorkspaceSettings.SecureCookies) -> Bool {
        switch mode {
        case .always: return true
        case .never: return false
        case .auto: return request.uri.scheme == .https || request.headers[.forwardedProto]?.lowercased() == "https"
        }
    }
}

extension HTTPField.Name {
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
