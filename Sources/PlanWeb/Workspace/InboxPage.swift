import Hummingbird
import PlanCore
import PlanStore

/// `/admin/inbox`: every notification this person was sent, newest first, whether or not a
/// mail relay is configured: without one, this is where they are read. Each says whether its
/// email went out.
enum InboxPage {
    static let pageSize = 100

    static func show(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let store = ws.store, let principal = Principal.current else { return ws.unavailable(request) }
        let c = ws.context(request)
        let list = try await store.notifications(recipient: principal.name, limit: pageSize)
        let rows: [[String: Any]] = list.map { n in
            ["id": n.id, "subject": n.content.subject, "body": n.content.body, "link": n.content.link, "unread": n.readAt == nil,
             "at": AuditPage.kst(n.createdAt), "kind": c.catalog["notify_\(n.content.kind.rawValue)"],
             "mail": c.catalog["mail_state_\(n.mailState.rawValue)"], "lang": n.content.language.rawValue]
        }
        let unread = list.filter { $0.readAt == nil }.count
        let values: [String: Any] = [
            "notifications": rows, "has_notifications": !rows.isEmpty, "newest": list.first?.id ?? 0,
            "unread": unread > 0, "unread_count": c.count(unread),
            "relay_note": c.catalog[ws.site.settings.mailRelayConfigured ? "inbox_relay_on" : "inbox_relay_off"],
        ]
        return ws.render("inbox", request, title: c.catalog["ws_inbox"], current: "/admin/inbox", values: values)
    }

    static func markRead(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let store = ws.store, let principal = Principal.current else { return ws.unavailable(request) }
        guard let through = Int64(SubmittedForm.current.text("through")) else { return ws.pages.errorPage(status: .badRequest, request: request) }
        try await store.markNotificationsRead(recipient: principal.name, through: through, at: .now)
        return ws.redirect("/admin/inbox", done: "inbox_read")
    }
}
