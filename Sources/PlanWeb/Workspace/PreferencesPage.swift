import Hummingbird
import PlanCore
import PlanStore

/// `/admin/preferences`: one's own email address (audited when it changes, and never shown to
/// another organization), the language of one's notifications, the kinds one wants (a
/// returned report always comes), and one's organization's calendar feed of due dates, whose
/// secret address is shown once when it is made and can be renewed or revoked.
enum PreferencesPage {
    static func show(_ request: Request, _ ws: Workspace, errors: FormErrors = FormErrors(), typed: [String: String]? = nil,
                     feedAddress: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let directory = ws.directory, let principal = Principal.current else { return ws.unavailable(request) }
        guard let account = try await directory.account(principal.name) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let c = ws.context(request)
        let feed = try await directory.calendarFeed(organization: account.organizationId)
        let language = typed?["language"] ?? account.notificationLanguage.rawValue
        let values: [String: Any] = [
            "email": typed?["email"] ?? account.email ?? "",
            "languages": Language.allCases.map { ["value": $0.rawValue, "label": c.catalog["language_\($0.rawValue)"], "selected": $0.rawValue == language] },
            // A reporter is never sent what goes to the office only.
            "kinds": NotificationKind.allCases.filter { account.role != .reporter || !$0.isForOffice }.map { kind in
                ["value": kind.rawValue, "label": c.catalog["notify_\(kind.rawValue)"], "help": c.catalog["notify_help_\(kind.rawValue)"],
                 "fixed": !kind.canBeTurnedOff,
                 "checked": !kind.canBeTurnedOff || (typed.map { $0["kind.\(kind.rawValue)"] != nil } ?? account.wants(kind))]
            },
            "organization": try await directory.organization(account.organizationId)?.name[c.language] ?? account.organizationId,
            "has_feed": feed != nil,
            "feed_made": feed.map { c.catalog.format("calendar_made", ["day": c.day(Timestamp(seconds: $0.createdAt).koreanDay),
                                                                         "by": ActorName.display($0.createdBy)]) } ?? "",
            "feed_address": feedAddress ?? "", "has_feed_address": feedAddress != nil,
        ].merging(errors.values) { $1 }
        return ws.render("preferences", request, title: c.catalog["ws_preferences"], current: "/admin/preferences", values: values, status: status)
    }

    static func save(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let directory = ws.directory, let principal = Principal.current else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let typed = form.fields.compactMapValues(\.last)
        let email = form.text("email")
        var errors = FormErrors()
        if !email.isEmpty && !MailAddress.isValid(email) { errors.add("pref-email", c.catalog["err_email"]) }
        guard let language = Language(rawValue: form.text("language")) else {
            return ws.pages.errorPage(status: .badRequest, request: request)
        }
        guard errors.isEmpty else { return try await show(request, ws, errors: errors, typed: typed, status: .unprocessableContent) }
        let muted = Set(NotificationKind.allCases.filter { $0.canBeTurnedOff && form["kind.\($0.rawValue)"] == nil })
        try await directory.setPreferences(username: principal.name, email: email.isEmpty ? nil : email, language: language, muted: muted,
                                           actor: principal.actor, at: .now)
        return ws.redirect("/admin/preferences", done: "preferences_saved")
    }

    /// Renews (and shows once) or revokes the organization's calendar feed.
    static func calendar(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let directory = ws.directory, let principal = Principal.current else { return ws.unavailable(request) }
        switch SubmittedForm.current.text("action") {
        case "renew":
            let secret = try await directory.renewCalendarFeed(organization: principal.organizationId, actor: principal.actor, at: .now)
            return try await show(request, ws, feedAddress: CalendarFeedRoute.address(request, ws, secret: secret))
        case "revoke":
            try await directory.revokeCalendarFeed(organization: principal.organizationId, actor: principal.actor, at: .now)
            return ws.redirect("/admin/preferences", done: "calendar_revoked")
        default:
            return ws.pages.errorPage(status: .badRequest, request: request)
        }
    }
}
