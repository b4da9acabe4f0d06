import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// Open data: every table of the plan and of the approved facts as CSV (UTF-8 with BOM, so
/// Excel reads Hangul), the assessment as CSV, the Frictionless Data Package that describes
/// them, and the stylesheet. Bodies are built once per read model and served with ETags.
enum DownloadRoutes {
    static func register(on router: Router<SiteRequestContext>, _ pages: PageResponder) {
        router.get("/data/:file") { request, context in
            let file = context.parameters.get("file") ?? ""
            return await serve(file, request: request, pages: pages)
        }
        router.get("/static/site.css") { request, _ in
            staticFile("Sources/PlanWeb/Static/site.css", type: "text/css; charset=utf-8", request: request, pages: pages)
        }
        router.get("/static/favicon.svg") { request, _ in
            staticFile("Sources/PlanWeb/Static/favicon.svg", type: "image/svg+xml", request: request, pages: pages)
        }
        router.get("/favicon.ico") { _, _ in
            Response(status: .movedPermanently, headers: [.location: "/static/favicon.svg"])
        }
    }

    /// Past this many observations, `observations.csv` is written as it is sent instead of being
    /// built and kept whole: at national scale it is about a gigabyte.
    static let streamObservationsPast = 200_000

    static func serve(_ file: String, request: Request, pages: PageResponder) async -> Response {
        let model = pages.site.model
        if file == "observations.csv" && model.observations.count > streamObservationsPast {
            return streamedObservations(model, request: request)
        }
        return await cachedDownload(file, request: request, pages: pages, usesAsOf: usesAsOf(file)) { model, asOf in
            await body(file, model: model, asOf: asOf, pages: pages)
        }
    }

    /// `observations.csv` written ten thousand rows at a time from the read model's columns, in
    /// id order, with the read model's version as its ETag.
    static func streamedObservations(_ model: ReadModel, request: Request) -> Response {
        let etag = "\"observations-\(model.version)\""
        var headers = disposition("observations.csv")
        headers[.contentType] = csvType
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if HTTPCaching.matches(request, etag: etag) { return Response(status: .notModified, headers: headers) }
        if request.method == .head { return Response(status: .ok, headers: headers) }
        let rows = model.observations.inIdOrder
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: OpenDataExport.observationsCSVStart))
            for start in stride(from: 0, to: rows.count, by: 10_000) {
                try await writer.write(ByteBuffer(string: OpenDataExport.observationsCSVLines(rows[start..<min(rows.count, start + 10_000)])))
            }
            try await writer.finish(nil)
        })
    }

    /// Whether a download of the site's data depends on `asOf`: only the assessment does. The
    /// others are the same whatever date is asked, so the date is not part of their cache key,
    /// and a stream of new dates builds them once.
    static func usesAsOf(_ file: String) -> Bool { file == "assessments.csv" }

    /// Serves a download built by `build` from the current read model as of the request's date,
    /// building it only when this read model has not built it yet.
    static func cachedDownload(_ file: String, request: Request, pages: PageResponder, usesAsOf: Bool,
                               build: (ReadModel, CalendarDay?) async -> (String, String)?) async -> Response {
        let model = pages.site.model
        let asOf: CalendarDay?
        do {
            asOf = try PageRequest(request, today: model.today.day).asOf
        } catch {
            return pages.errorPage(error, request: request)
        }
        let key = "data|\(request.uri.path)" + (usesAsOf ? "|\(asOf?.iso ?? "")" : "")
        if let cached = pages.site.holder.cachedResponse(key, version: model.version) {
            return HTTPCaching.respond(cached, request: request, extraHeaders: disposition(file))
        }
        guard let (text, type) = await build(model, usesAsOf ? asOf : nil) else {
            return pages.errorPage(status: .notFound, request: request)
        }
        let bytes = Array(text.utf8)
        let cached = CachedResponse(bytes: bytes, version: model.version, contentType: type)
        pages.site.holder.store(cached, key: key, version: model.version)
        return HTTPCaching.respond(cached, request: request, extraHeaders: disposition(file))
    }

    static let csvType = "text/csv; charset=utf-8"

    static func body(_ file: String, model: ReadModel, asOf: CalendarDay?, pages: PageResponder) async -> (String, String)? {
        switch file {
        case "datapackage.json":
            return (OpenDataExport.dataPackage(plan: model.plan, tables: OpenDataExport.schemaTables(plan: model.plan), created: model.builtAt).pretty,
                    "application/json")
        case "observations.csv":
            return (OpenDataExport.observationsTable(model.observations.inIdOrder).csv, csvType)
        case "assessments.csv":
            let (_, assessment) = await pages.site.holder.assessment(asOf: asOf)
            return (AssessmentJSON.csv(assessment, index: model.index).csv, csvType)
        case "plan.json":
            return (PlanJSON.document(model.plan).pretty, "application/json")
        default:
            // The plan's tables and the budget, jobs and task tables; never the observations again.
            guard let table = OpenDataExport.tables(plan: model.plan, facts: model.reports).first(where: { $0.fileName == file }) else { return nil }
            return (table.csv, csvType)
        }
    }

    /// CSV downloads save under their own name; JSON opens in the browser.
    static func disposition(_ file: String) -> HTTPFields {
        file.hasSuffix(".csv") ? [.contentDisposition: "attachment; filename=\"\(file)\""] : [:]
    }

    static func indicatorCSV(_ id: String, request: Request, pages: PageResponder) async -> Response {
        await cachedDownload("\(id).csv", request: request, pages: pages, usesAsOf: true) { model, asOf in
            IndicatorPage.csv(id, model, asOf: AsOf(asOf ?? model.today.day)).map { ($0, csvType) }
        }
    }

    static func staticFile(_ path: String, type: String, request: Request, pages: PageResponder) -> Response {
        guard let cached = StaticAssets.shared.response(path, type: type) else { return pages.errorPage(status: .notFound, request: request) }
        return HTTPCaching.respond(cached, request: request, extraHeaders: [.cacheControl: "public, max-age=3600"])
    }
}
