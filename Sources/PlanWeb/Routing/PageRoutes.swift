import Hummingbird
import PlanCore

/// The public pages. Each is rendered from the read model through `PageResponder`.
enum PageRoutes {
    static func register(on router: Router<SiteRequestContext>, _ pages: PageResponder) {
        router.get("/") { request, _ in
            await pages.respond(request, template: "home") { HomePage.context($0) }
        }
        router.get("/pillars/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await pages.respond(request, template: "pillar") { ProjectPages.pillar(id, $0) }
        }
        router.get("/projects/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await pages.respond(request, template: "project") { ProjectPages.project(id, $0) }
        }
        router.get("/indicators/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            if id.hasSuffix(".csv") {
                return await DownloadRoutes.indicatorCSV(String(id.dropLast(4)), request: request, pages: pages)
            }
            return await pages.respond(request, template: "indicator") { IndicatorPage.context(id, $0) }
        }
        router.get("/reforms") { request, _ in
            let filter = request.uri.queryParameters.get("status").flatMap(TaskStatus.init(rawValue:))
            return await pages.respond(request, template: "reforms") { ReformsPage.context(status: filter, $0) }
        }
        router.get("/slipping") { request, _ in
            let query = request.uri.queryParameters
            let kind = SlippingPage.Kind(rawValue: query.get("kind") ?? "indicators")
            let page = query.get("page").map { Int($0) ?? 0 } ?? 1
            return await pages.respond(request, template: "slipping") { c in kind.flatMap { SlippingPage.context(kind: $0, page: page, c) } }
        }
        router.get("/revisions") { request, _ in
            await pages.respond(request, template: "revisions") { RevisionsPage.context($0) }
        }
        router.get("/sources") { request, _ in
            await pages.respond(request, template: "sources") { SourcesPage.context($0) }
        }
        router.get("/method") { request, _ in
            await pages.respond(request, template: "method") { OtherPages.method($0) }
        }
        router.get("/data") { request, _ in
            await pages.respond(request, template: "data") { OtherPages.data($0) }
        }
        router.get("/search") { request, _ in
            let query = String((request.uri.queryParameters.get("q") ?? "").trimmingSpaces.prefix(100))
            return await pages.respond(request, template: "search") { OtherPages.search(query, $0) }
        }
    }
}
