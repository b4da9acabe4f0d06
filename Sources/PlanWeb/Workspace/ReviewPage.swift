import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// `/admin/review`: the quarterly review as of a chosen date, in Korean or English, read on the
/// page and downloaded as the coordinating office files it: a Hangul document (HWPX) for the
/// 관계장관회의, the workbook of its tables, the HTML page and the Markdown text. Every form is
/// made from the published read model exactly as `planwatch report` makes it from the database.
enum ReviewPage {
    enum Format: String, CaseIterable {
        case hwpx, xlsx, html, md

        var contentType: String {
            switch self {
            case .hwpx: return "application/hwp+zip"
            case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .html: return "text/html; charset=utf-8"
            case .md: return "text/markdown; charset=utf-8"
            }
        }
    }

    /// The review asked for: its date and its language (`?asOf=` and `?language=`; the page's
    /// own language is `?lang=`, as everywhere on the site).
    struct Asked {
        var day: CalendarDay
        var language: Language
        var asked: CalendarDay?
    }

    static func show(_ request: Request, _ ws: Workspace) async -> Response {
        let c = ws.context(request)
        let asked: Asked
        switch parse(request, ws, c) {
        case .success(let r): asked = r
        case .failure(let message): return ws.pages.errorPage(status: .badRequest, message: { _ in message }, request: request)
        }
        let doc = await document(asked, ws)
        let query = "?asOf=\(asked.day.iso)&language=\(asked.language.rawValue)"
        let values: [String: Any] = [
            "as_of_iso": asked.day.iso,
            "plan_start_iso": ws.site.model.plan.start.start.iso,
            "today_iso": ws.site.model.today.day.iso,
            "language_ko": asked.language == .ko,
            "language_en": asked.language == .en,
            "downloads": Format.allCases.map { f in
                ["link": "/admin/review/\(f.rawValue)\(query)", "label": c.catalog["review_download_\(f.rawValue)"], "file": fileName(doc, f)]
            },
            "report_lang": asked.language.rawValue,
            "report_html": doc.bodyHTML(top: 2),
            "running": doc.running,
        ]
        return ws.render("review", request, title: c.catalog["ws_review"], current: "/admin/review", values: values)
    }

    static func download(_ request: Request, _ ws: Workspace, format: String) async -> Response {
        guard let format = Format(rawValue: format) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let c = ws.context(request)
        let asked: Asked
        switch parse(request, ws, c) {
        case .success(let r): asked = r
        case .failure(let message): return ws.pages.errorPage(status: .badRequest, message: { _ in message }, request: request)
        }
        let doc = await document(asked, ws)
        let bytes: [UInt8]
        do {
            switch format {
            case .hwpx: bytes = try HWPXWriter.bytes(doc)
            case .xlsx: bytes = try XLSXWriter.bytes { try XLSXReport.write(doc, to: $0) }
            case .html: bytes = Array(doc.html.utf8)
            case .md: bytes = Array(doc.markdown.utf8)
            }
        } catch {
            ws.site.logger.error("review \(format.rawValue) as of \(asked.day.iso): \(error)")
            return ws.pages.errorPage(status: .internalServerError, request: request)
        }
        let name = fileName(doc, format)
        let ascii = "review-\(asked.day.iso)-\(asked.language.rawValue).\(format.rawValue)"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? ascii
        return Response(status: .ok, headers: [
            .contentType: format.contentType, .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// "디지털 뉴딜 이행 점검 결과 2022-06-30.hwpx": the name a file is saved under.
    static func fileName(_ doc: ReportDocument, _ format: Format) -> String {
        doc.title.replacingOccurrences(of: ":", with: "") + " " + (doc.day?.iso ?? "") + "." + format.rawValue
    }

    static func document(_ asked: Asked, _ ws: Workspace) async -> ReportDocument {
        let (model, view) = await ws.site.holder.view(asOf: asked.asked)
        return QuarterlyReport.document(view.assessment, index: view.index, language: asked.language, facts: model.facts)
    }

    enum Parsed {
        case success(Asked)
        case failure(String)
    }

    /// The date (today when none is given; never before the plan or after today) and the language.
    static func parse(_ request: Request, _ ws: Workspace, _ c: PageContext) -> Parsed {
        let model = ws.site.model
        let q = request.uri.queryParameters
        let language = q.get("language").flatMap(Language.init(rawValue:)) ?? c.language
        if let text = q.get("language"), Language(rawValue: text) == nil {
            return .failure(c.catalog.format("error_bad_language", ["value": String(text.prefix(40))]))
        }
        guard let text = q.get("asOf"), !text.isEmpty else { return .success(Asked(day: model.today.day, language: language, asked: nil)) }
        guard let day = CalendarDay(iso: text) else { return .failure(c.catalog.format("error_bad_as_of", ["value": String(text.prefix(40))])) }
        if day > model.today.day { return .failure(c.catalog.format("error_future_as_of", ["value": text])) }
        if day < model.plan.start.start {
            return .failure(c.catalog.format("error_as_of_before_plan", ["value": text, "start": c.day(model.plan.start.start)]))
        }
        return .success(Asked(day: day, language: language, asked: day == model.today.day ? nil : day))
    }
}
