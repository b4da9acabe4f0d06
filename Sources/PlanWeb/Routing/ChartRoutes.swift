import Hummingbird
import PlanCore

/// Charts for reuse: each chart of a public page as a standalone SVG (title, date, source and the
/// site's address drawn in) and as the CSV of exactly the points it draws, and an indicator's
/// chart and verdict as a page other sites may frame (`/embed/indicators/{id}`). All follow
/// `?asOf=` and the reader's language, and are built once per read model.
enum ChartRoutes {
    static func register(on router: Router<SiteRequestContext>, _ pages: PageResponder) {
        router.get("/indicators/:id/chart.svg") { request, context in
            await serve(request, pages, ext: "svg", name: "chart") { indicator(context.parameters.get("id"), $0) }
        }
        router.get("/indicators/:id/chart.csv") { request, context in
            await serve(request, pages, ext: "csv", name: "chart") { indicator(context.parameters.get("id"), $0) }
        }
        router.get("/pillars/:id/charts/:file") { request, context in
            let id = context.parameters.get("id")
            return await serveFile(request, pages, context.parameters.get("file") ?? "") { c in
                c.model.plan.pillars.firstIndex { $0.id == id }.map { SiteChart.Scope.pillar($0) }
            }
        }
        router.get("/projects/:id/charts/:file") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await serveFile(request, pages, context.parameters.get("file") ?? "") { c in c.index.projectIndex[id].map { SiteChart.Scope.project($0) } }
        }
        router.get("/charts/:file") { request, context in
            await serveFile(request, pages, context.parameters.get("file") ?? "") { _ in .plan }
        }
        router.get("/embed/indicators/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await pages.respond(request, template: "embed") { EmbedPage.context(id, $0, address: pages.site.settings.publicURL) }
        }
    }

    static func indicator(_ id: String?, _ c: PageContext) -> SiteChart.Scope? {
        id.flatMap { c.index.indicatorIndex[$0] }.map { .indicator($0) }
    }

    /// `status.svg`, `budget.csv`…: the chart's name and the kind of file.
    static func serveFile(_ request: Request, _ pages: PageResponder, _ file: String,
                          scope: @escaping (PageContext) -> SiteChart.Scope?) async -> Response {
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["svg", "csv"].contains(parts[1]) else { return pages.errorPage(status: .notFound, request: request) }
        return await serve(request, pages, ext: parts[1], name: parts[0], scope: scope)
    }

    static func serve(_ request: Request, _ pages: PageResponder, ext: String, name: String,
                      scope: (PageContext) -> SiteChart.Scope?) async -> Response {
        let page: PageRequest
        do {
            page = try PageRequest(request, today: pages.site.model.today.day)
        } catch {
            return pages.errorPage(error, request: request)
        }
        let c = await pages.pageContext(page, path: request.uri.path)
        guard let scope = scope(c), let chart = SiteCharts.chart(name, scope, c) else { return pages.errorPage(status: .notFound, request: request) }
        let fileName = chart.points.fileName.replacingOccurrences(of: ".csv", with: "") + "-\(page.asOf?.iso ?? c.model.today.day.iso).\(ext)"
        var headers: HTTPFields = [.vary: "Accept-Language, Cookie", .contentLanguage: page.language.rawValue]
        if let cookie = page.preference.setCookie { headers[.setCookie] = cookie }
        headers[.contentDisposition] = (ext == "csv" ? "attachment" : "inline") + "; filename=\"\(fileName)\""
        let key = "chart|\(page.language.rawValue)|\(ext)|\(page.cacheTarget)"
        if let cached = pages.site.holder.cachedResponse(key, version: c.model.version) {
            return HTTPCaching.respond(cached, request: request, extraHeaders: headers)
        }
        let bytes: [UInt8]
        if ext == "svg" {
            var verdict: String?
            if case .indicator(let i) = scope { verdict = c.catalog.status(c.assessment.indicators[i].status) }
            bytes = Array(chart.press(c, address: pages.site.settings.publicURL, verdict: verdict).utf8)
        } else {
            bytes = Array(chart.points.csv.utf8)
        }
        let cached = CachedResponse(bytes: bytes, version: c.model.version,
                                    contentType: ext == "svg" ? "image/svg+xml; charset=utf-8" : DownloadRoutes.csvType)
        pages.site.holder.store(cached, key: key, version: c.model.version)
        return HTTPCaching.respond(cached, request: request, extraHeaders: headers)
    }
}
