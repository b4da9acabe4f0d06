import HTTPTypes
import Hummingbird
import PlanCore
import PlanStore

/// `/calendar/{secret}.ics`: an organization's reporting rounds as an iCalendar feed (RFC 5545),
/// one all-day event on each due date, for Outlook or a phone to subscribe to. The secret
/// address is all it takes, so the feed says nothing but the rounds' names, periods, what they
/// ask for and when they are due: no figure, no count, no name of a person. An unknown or
/// revoked address is not found, the same as one that never existed.
enum CalendarFeedRoute {
    static func feed(_ request: Request, _ ws: Workspace, file: String) async throws -> Response {
        guard let rounds = ws.site.rounds, let directory = ws.directory else { return ws.unavailable(request) }
        guard file.hasSuffix(".ics"), let feed = try await directory.calendarFeed(secret: String(file.dropLast(4))) else {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        let language: Language = request.uri.queryParameters.get("lang") == "en" ? .en : .ko
        let c = Catalog.of(language)
        let today = ws.site.model.today.day
        let projects = ws.site.policy.projects(of: feed.organizationId)
        let all = try await rounds.rounds(today: today).filter { r in
            // The rounds that ask this organization for something, due within the last year or later.
            r.isOpen && r.due.ordinal >= today.ordinal - 366
        }
        let progress = try await rounds.progress(all, projectsByOrganization: [feed.organizationId: projects], today: today)
        let orgName = try await directory.organization(feed.organizationId)?.name[language] ?? feed.organizationId
        let base = siteBase(request)
        let events: [ICalendar.Event] = progress.filter { !($0.items[feed.organizationId] ?? []).isEmpty }.map { p in
            let r = p.round
            let what = r.items.map { c["round_item_\($0.rawValue)"] }.joined(separator: ", ")
            let description = c.format("calendar_event_description", ["period": r.period.text(language), "items": what])
            return ICalendar.Event(uid: "\(r.key).\(feed.organizationId)@planwatch", stamp: r.openedAt, day: r.due,
                                   summary: c.format("calendar_event_summary", ["title": r.title.text(language)]), description: description,
                                   url: base + "/admin")
        }
        let calendar = ICalendar(productId: "-//Planwatch//Reporting rounds//\(language == .ko ? "KO" : "EN")",
                                 name: c.format("calendar_name", ["organization": orgName]), events: events.sorted { $0.day < $1.day })
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store",
                                               .contentDisposition: "inline; filename=\"planwatch-\(feed.organizationId).ics\""],
                         body: .init(byteBuffer: ByteBuffer(string: calendar.text)))
    }

    /// The site's own address as the request reached it, for links in the feed.
    static func siteBase(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        let scheme = request.headers[.init("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }

    static func address(_ request: Request, _ ws: Workspace, secret: String) -> String {
        siteBase(request) + "/calendar/\(secret).ics"
    }
}
