import Foundation
import HTTPTypes
import Hummingbird
import PlanCore
import PlanStore

/// What every page of the signed-in workspace shares: the reader's language, the workspace
/// navigation for their role, the notice after an action, and answers that are never cached.
struct Workspace: Sendable {
    let site: Site
    let pages: PageResponder

    /// The store; the routes answer 503 when the site runs without one.
    var store: (any Store)? { site.store }
    var directory: Directory? { store.map { Directory(store: $0) } }

    func context(_ request: Request) -> PageContext {
        let preference = LanguagePreference(request)
        let model = site.model
        return PageContext(model: model, view: model.todayView, language: preference.language, catalog: .of(preference.language),
                           asOf: nil, path: request.uri.path, switchURL: PageRequest.switchURL(request, to: preference.language == .ko ? .en : .ko))
    }

    /// The workspace navigation: only the entries the policy lets this principal open.
    func navigation(_ c: PageContext, current: String) -> [String: Any] {
        let entries: [(String, String, Action)] = [
            ("/admin", "ws_home", .signedIn), ("/admin/inbox", "ws_inbox", .signedIn), ("/admin/queue", "ws_queue", .viewUnpublished),
            ("/admin/status", "ws_status", .viewUnpublished), ("/admin/rounds", "ws_rounds", .viewUnpublished),
            ("/admin/review", "ws_review", .viewUnpublished), ("/admin/drafts", "ws_drafts", .revisePlan),
            ("/admin/audit", "ws_audit", .viewAudit), ("/admin/accounts", "ws_accounts", .manageAccounts),
            ("/admin/organizations", "ws_organizations", .manageOrganizations), ("/admin/tokens", "ws_tokens", .manageTokens),
            ("/admin/plan", "ws_plan", .managePlan), ("/admin/preferences", "ws_preferences", .signedIn), ("/admin/password", "ws_password", .signedIn),
        ]
        let principal = Principal.current
        let items: [[String: Any]] = entries.filter { site.policy.decide(principal, $0.2) == .allow }.map {
            ["link": $0.0, "label": c.catalog[$0.1], "current": $0.0 == current]
        }
        return ["items": items, "csrf": principal?.csrfToken ?? ""]
    }

    /// A workspace page. `current` is the navigation entry to mark.
    func render(_ template: String, _ request: Request, title: String, current: String, values: [String: Any],
                status: HTTPResponse.Status = .ok) -> Response {
        let c = context(request)
        var page = c.layout(title: title, page: "workspace").merging(values)
        if values["form_errors"] != nil { page["title"] = c.catalog["title_error"] + title }
        if Principal.current != nil { page["workspace"] = navigation(c, current: current) }
        page["csrf"] = Principal.current?.csrfToken ?? ""
        // The session's time limit, said before a long form is filled in (KWCAG 2.2 응답시간 조절).
        page["session_note"] = c.catalog.format("session_note", ["minutes": String(site.settings.sessionIdleSeconds / 60)])
        if let done = request.uri.queryParameters.get("done"), c.catalog.strings["done_\(done)"] != nil {
            page["notice"] = c.catalog["done_\(done)"]
        }
        let html = site.renderer.render(template, page)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentLanguage: c.language.rawValue]
        // `?lang=` (the header's language link) is remembered here as on the public pages.
        if let cookie = LanguagePreference(request).setCookie { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// After a successful action: back to a page, with a notice naming what was done.
    func redirect(_ location: String, done: String? = nil) -> Response {
        var target = location
        if let done { target += (location.contains("?") ? "&" : "?") + "done=" + done }
        return Response(status: .seeOther, headers: [.location: target, .cacheControl: "no-store"])
    }

    /// When the site runs without a database (a fixed snapshot), nothing can be changed.
    func unavailable(_ request: Request) -> Response {
        pages.errorPage(status: .serviceUnavailable, message: { $0["error_read_only"] }, request: request)
    }

    /// The actor of the current request, for the audit chain.
    var actor: Actor { Principal.current?.actor ?? .system }
}
