import Hummingbird
import PlanCore

/// `/static/print/2022-06-30-ko.css`: what a printed page carries in its bottom margin beside
/// the page number: the plan and the date the page is as of. CSS puts it there (an `@page`
/// margin box), and the site allows no inline style, so each date and language has its own
/// small stylesheet, the same for ever.
enum PrintStyle {
    static func register(on router: Router<SiteRequestContext>, _ pages: PageResponder) {
        router.get("/static/print/:file") { request, context in
            let file = context.parameters.get("file") ?? ""
            guard let css = stylesheet(file, plan: pages.site.model.plan) else { return pages.errorPage(status: .notFound, request: request) }
            let cached = CachedResponse(bytes: Array(css.utf8), version: 0, contentType: "text/css; charset=utf-8")
            return HTTPCaching.respond(cached, request: request, extraHeaders: [.cacheControl: "public, max-age=86400"])
        }
    }

    /// The stylesheet for `YYYY-MM-DD-ko.css` or `…-en.css`, or nil for any other name.
    static func stylesheet(_ file: String, plan: Plan) -> String? {
        guard file.hasSuffix(".css"), file.count == 17 else { return nil }
        let name = file.dropLast(4)
        guard let day = CalendarDay(iso: String(name.prefix(10))), name.dropFirst(10).first == "-",
              let language = Language(rawValue: String(name.suffix(2))) else { return nil }
        let line = language == .ko ? "\(plan.title.ko) · \(day.korean) 기준" : "\(plan.title[language]) · as of \(day.english)"
        return "@page { @bottom-left { content: \"\(ReportDocument.cssString(line))\"; } }\n"
    }
}
