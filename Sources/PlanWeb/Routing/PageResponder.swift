import Foundation
import Hummingbird
import PlanCore

/// Turns a page request into HTML: resolves language and as-of date, serves the cached bytes
/// when this exact page was rendered from the current read model, renders it otherwise.
struct PageResponder: Sendable {
    let site: Site

    /// Renders `template` with the context `build` makes, or the site's 404 page when it makes none.
    func respond(_ request: Request, template: String, build: (PageContext) -> [String: Any]?) async -> Response {
        let model = site.model
        let page: PageRequest
        do {
            page = try PageRequest(request, today: model.today.day)
        } catch {
            return errorPage(error, request: request)
        }
        var headers: HTTPFields = [.vary: "Accept-Language, Cookie", .contentLanguage: page.language.rawValue]
        if let cookie = page.preference.setCookie { headers[.setCookie] = cookie }
        // Signed-in readers see a link to their workspace: their pages are cached apart and kept private.
        let signedIn = Principal.current != nil
        if signedIn { headers[.cacheControl] = "private, no-cache" }
        let key = "page|\(page.language.rawValue)|\(signedIn ? "in" : "out")|\(page.cacheTarget)"
        if let cached = site.holder.cachedResponse(key, version: model.version) {
            return HTTPCaching.respond(cached, request: request, extraHeaders: headers)
        }
        let context = await pageContext(page, path: request.uri.path)
        guard let values = build(context) else {
            return errorPage(.notFound, request: request)
        }
        let bytes = Array(site.renderer.render(template, values).utf8)
        let cached = CachedResponse(bytes: bytes, version: context.model.version, contentType: "text/html; charset=utf-8")
        site.holder.store(cached, key: key, version: context.model.version)
        return HTTPCaching.respond(cached, request: request, extraHeaders: headers)
    }

    func pageContext(_ page: PageRequest, path: String) async -> PageContext {
        let (model, view) = await site.holder.view(asOf: page.asOf)
        return PageContext(model: model, view: view, language: page.language, catalog: .of(page.language),
                           asOf: page.asOf, path: path, switchURL: page.switchURL, address: site.settings.publicURL)
    }

    /// The site's error page in the reader's language, with the status `failure` calls for.
    func errorPage(_ failure: PageFailure, request: Request) -> Response {
        errorPage(status: failure.status, message: { failure.message($0) }, request: request)
    }

    func errorPage(status: HTTPResponse.Status, message: (Catalog) -> String? = { _ in nil }, request: Request) -> Response {
        let preference = LanguagePreference(request)
        let model = site.holder.current
        // `CanonicalPathMiddleware` has made the path the router's; a path that still began with
        // `//` would make the language link point at another host.
        let path = request.uri.path.hasPrefix("//") ? "/" : request.uri.path
        let page = PageContext(model: model, view: model.todayView, language: preference.language, catalog: .of(preference.language),
                               asOf: nil, path: path, switchURL: path + "?lang=" + (preference.language == .ko ? "en" : "ko"))
        let html = site.renderer.render("error", OtherPages.error(status: Int(status.code), message: message(page.catalog), page))
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentLanguage: preference.language.rawValue],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
