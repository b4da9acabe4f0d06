import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// Open data: every table of the plan and of the approved facts as CSV (UTF-8 with BOM, so
/// Excel reads Hangul) and as an Excel workbook (`XLSXDownload`), the assessment as CSV and XLSX, the Frictionless Data Package that describes
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
        router.get("/static/embed.css") { request, _ in
            staticFile("Sources/PlanWeb/Static/embed.css", type: "text/css; charset=utf-8", request: request, pages: pages)
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
        if file.hasSuffix(".xlsx") { return await XLSXDownload.serve(file, request: request, pages: pages) }
        return await cachedDownload(file, request: request, pages: pages, usesAsOf: usesAsOf(file)) { model, asOf in
            await body(file, model: model, asOf: asOf, pages: pages)
        }
    }

    /// `observations.csv` written ten thousand rows at a time from the read model's columns, in
    /// id order, with the read model's version as its ETag.
    static func streamedObservations(_ model: ReadModel, request: Request) -> Response {
        let (headers, answer) = streamedHeaders("observations.csv", type: csvType, etag: "\"observations-\(model.version)\"", request: request)
        if let answer { return answer }
        let rows = model.observations.inIdOrder
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: OpenDataExport.observationsCSVStart))
            for start in stride(from: 0, to: rows.count, by: 10_000) {
                try await writer.write(ByteBuffer(string: OpenDataExport.observationsCSVLines(rows[start..<min(rows.count, start + 10_000)])))
            }
            try await writer.finish(nil)
        })
    }

    /// The headers of a download streamed from the read model (tagged with its version), and the
    /// whole answer when no body is wanted: 304 for a matching ETag, or a HEAD request.
    static func streamedHeaders(_ file: String, type: String, etag: String, request: Request) -> (HTTPFields, Response?) {
        var headers = disposition(file)
        headers[.contentType] = type
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if HTTPCaching.matches(request, etag: etag) { return (headers, Response(status: .notModified, headers: headers)) }
        if request.method == .head { return (headers, Response(status: .ok, headers: headers)) }
        return (headers, nil)
    }

    /// Whether a download of the site's data depends on `asOf`: only the assessment does. The
    /// others are the same whatever date is asked, so the date is not part of their cache key,
    /// and a stream of new dates builds them once.
    static func usesAsOf(_ file: String) -> Bool { file == "assessments.csv" || file == "assessments.xlsx" }

    /// Serves a download built by `build` from the current read model as of the request's date,
    /// building it only when this read model has not built it yet.
    static func cachedDownload(_ file: String, request: Request, pages: PageResponder, usesAsOf: Bool,
                               build: (ReadModel, CalendarDay?) async -> (String, String)?) async -> Response {
        await cachedBytes(file, request: request, pages: pages, usesAsOf: usesAsOf) { model, asOf in
            await build(model, asOf).map { (Array($0.0.utf8), $0.1) }
        }
    }

    /// `cachedDownload` for a body that is not text (a workbook).
    static func cachedBytes(_ file: String, request: Request, pages: PageResponder, usesAsOf: Bool,
                            build: (ReadModel, CalendarDay?) async -> ([UInt8], String)?) async -> Response {
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
        guard let (bytes, type) = await build(model, usesAsOf ? asOf : nil) else {
            return pages.errorPage(status: .notFound, request: request)
        }
        let cached = CachedResponse(bytes: bytes, version: model.version, contentType: type)
        pages.site.holder.store(cached, key: key, version: model.version)
        return HTTPCaching.respond(cached, request: request, extraHeaders: disposition(file))
    }

    static let csvType = "text/csv; charset=utf-8"

    static func body(_ file: String, model: ReadModel, asOf: CalendarDay?, pages: PageResponder) async -> (String, String)? {
        switch file {
        case "datapackage.json":
            return (OpenDataExport.dataPackage(plan: model.plan, tables: OpenDataExport.tables(plan: model.plan, history: model.history, facts: .empty),
                                               created: model.builtAt).pretty,
                    "application/json")
        case "plan.json":
            return (PlanJSON.document(model.plan).pretty, "application/json")
        default:
            return await table(file, model: model, asOf: asOf, pages: pages).map { ($0.csv, csvType) }
        }
    }

    /// The open-data table a CSV download (and its workbook) is made from.
    static func table(_ file: String, model: ReadModel, asOf: CalendarDay?, pages: PageResponder) async -> CSVTable? {
        switch file {
        case "observations.csv":
            return OpenDataExport.observationsTable(model.observations.inIdOrder)
        case "assessments.csv":
            let (_, view) = await pages.site.holder.view(asOf: asOf)
            return AssessmentJSON.csv(view.assessment, index: view.index)
        default:
            // The plan's tables and the budget, jobs and task tables; never the observations again.
            return OpenDataExport.tables(plan: model.plan, history: model.history, facts: model.reports).first { $0.fileName == file }
        }
    }

    /// CSV and XLSX downloads save under their own name; JSON opens in the browser.
    static func disposition(_ file: String) -> HTTPFields {
        file.hasSuffix(".csv") || file.hasSuffix(".xlsx") ? [.contentDisposition: "attachment; filename=\"\(file)\""] : [:]
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
