import Hummingbird
import PlanCore
import PlanStore

/// `/admin/password`: change one's own password (the current one is asked again).
enum PasswordPage {
    static func show(_ request: Request, _ ws: Workspace, errors: FormErrors = FormErrors(), status: HTTPResponse.Status = .ok) -> Response {
        let c = ws.context(request)
        return ws.render("password", request, title: c.catalog["ws_password"], current: "/admin/password",
                         values: ["min": Passwords.minimumLength].merging(errors.values), status: status)
    }

    static func change(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let directory = ws.directory, let principal = Principal.current else { return ws.unavailable(request) }
        let c = ws.context(request)
        let form = SubmittedForm.current
        guard var account = try await directory.account(principal.name) else {
            return show(request, ws, errors: FormErrors("current", c.catalog["err_token_password"]), status: .unprocessableContent)
        }
        guard Passwords.verify(form["current"] ?? "", hash: account.passwordHash) else {
            return show(request, ws, errors: FormErrors("current", c.catalog["err_current_password"]), status: .unprocessableContent)
        }
        let new = form["new"] ?? ""
        guard Passwords.problem(new) == nil else {
            return show(request, ws, errors: FormErrors("new", Passwords.rule(c)), status: .unprocessableContent)
        }
        guard new == form["confirm"] else { return show(request, ws, errors: FormErrors("confirm", c.catalog["err_password_confirm"]), status: .unprocessableContent) }
        let now = Timestamp.now
        account.passwordHash = Passwords.hash(new, cost: ws.site.settings.bcryptCost)
        account.passwordChangedAt = now.seconds
        try await directory.updateAccount(account, action: "account.password", actor: principal.actor, at: now)
        // Anyone else signed in with the old password is signed out; this browser stays in.
        try await directory.endSessions(of: account.username, keeping: principal.sessionSecret, at: now)
        return ws.redirect("/admin", done: "password_changed")
    }
}

extension Passwords {
    /// The password rule in the reader's language.
    static func rule(_ c: PageContext) -> String {
        c.catalog.format("err_password", ["min": String(minimumLength), "max": String(maximumLength)])
    }
}
