import Hummingbird
import PlanCore
import PlanStore

/// `/admin/accounts`: add people, change their role or organization, disable them, set a new
/// password. Every change is an audit event; disabling or resetting ends their sessions.
enum AccountsPage {
    static func show(_ request: Request, _ ws: Workspace, errors: FormErrors = FormErrors(), typed: [String: String] = [:],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let c = ws.context(request)
        let orgs = try await directory.organizations()
        let names = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id, $0.name[c.language]) })
        func roles(_ selected: String) -> [[String: Any]] {
            Role.allCases.map { ["value": $0.rawValue, "label": c.catalog["role_\($0.rawValue)"], "selected": $0.rawValue == selected] }
        }
        func organizations(_ selected: String) -> [[String: Any]] {
            orgs.map { ["value": $0.id, "label": $0.name[c.language], "selected": $0.id == selected] }
        }
        let viewer = Principal.current?.organizationId
        let accounts: [[String: Any]] = try await directory.accounts().map { a in
            // An address is shown whole only within its own organization.
            ["email": a.email.map { a.organizationId == viewer ? $0 : Account.masked($0) } ?? "–",
             "username": a.username, "name": a.displayName, "organization": names[a.organizationId] ?? a.organizationId,
             "role": c.catalog["role_\(a.role.rawValue)"], "disabled": a.disabled, "roles": roles(a.role.rawValue),
             "organizations": organizations(a.organizationId),
             "role_error": errors.message("role-\(a.username)") ?? "",
             "password_error": errors.message("pw-\(a.username)") ?? ""]
        }
        let values: [String: Any] = [
            "accounts": accounts, "roles": roles(typed["role"] ?? "reporter"), "organizations": organizations(typed["organization"] ?? ""),
            "has_organizations": !orgs.isEmpty,
            "typed_username": typed["username"] ?? "", "typed_name": typed["name"] ?? "",
        ].merging(errors.values)
        return ws.render("accounts", request, title: c.catalog["ws_accounts"], current: "/admin/accounts", values: values, status: status)
    }

    static func add(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let typed = form.fields.compactMapValues(\.last)
        let username = form.text("username").lowercased()
        let password = form["password"] ?? ""
        // Every field at fault is named at once, in the form's order.
        var errors = FormErrors()
        if !Account.isValidUsername(username) {
            errors.add("new-username", c.catalog["err_username"])
        } else if try await directory.account(username) != nil {
            errors.add("new-username", c.catalog.format("err_account_exists", ["id": username]))
        }
        if try await directory.organization(form.text("organization")) == nil {
            errors.add("new-org", c.catalog.format("err_no_org", ["id": form.text("organization")]))
        }
        let role = Role(rawValue: form.text("role"))
        if role == nil { errors.add("new-role", c.catalog["err_role"]) }
        if Passwords.problem(password) != nil { errors.add("new-password", Passwords.rule(c)) }
        guard errors.isEmpty, let role else { return try await show(request, ws, errors: errors, typed: typed, status: .unprocessableContent) }
        let now = Timestamp.now
        let account = Account(username: username, displayName: form.text("name").isEmpty ? username : form.text("name"),
                              organizationId: form.text("organization"), role: role,
                              passwordHash: Passwords.hash(password, cost: ws.site.settings.bcryptCost), createdAt: now)
        do {
            try await directory.addAccount(account, actor: ws.actor, at: now)
        } catch let error as StoreError {
            return try await show(request, ws, errors: FormErrors("new-username", "\(error)"), typed: typed, status: .unprocessableContent)
        }
        return ws.redirect("/admin/accounts", done: "account_added")
    }

    /// One change per post: `op` is role, organization, disable, enable or password.
    static func change(_ request: Request, _ ws: Workspace, username: String) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        guard var account = try await directory.account(username) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let now = Timestamp.now
        let action: String
        switch form["op"] {
        case "role":
            guard let role = Role(rawValue: form.text("role")) else {
                return try await show(request, ws, errors: FormErrors("role-\(username)", c.catalog["err_role"]), status: .unprocessableContent)
            }
            account.role = role
            action = "account.role"
        case "organization":
            account.organizationId = form.text("organization")
            action = "account.organization"
        case "disable":
            account.disabled = true
            action = "account.disable"
        case "enable":
            account.disabled = false
            action = "account.enable"
        case "password":
            let password = form["password"] ?? ""
            if Passwords.problem(password) != nil {
                return try await show(request, ws, errors: FormErrors("pw-\(username)", Passwords.rule(c)), status: .unprocessableContent)
            }
            account.passwordHash = Passwords.hash(password, cost: ws.site.settings.bcryptCost)
            account.passwordChangedAt = now.seconds
            action = "account.password"
        default:
            return ws.pages.errorPage(status: .badRequest, request: request)
        }
        do {
            try await directory.updateAccount(account, action: action, actor: ws.actor, at: now)
        } catch let error as StoreError {
            return try await show(request, ws, errors: FormErrors("role-\(username)", "\(error)"), status: .unprocessableContent)
        }
        if action == "account.disable" || action == "account.password" { try await directory.endSessions(of: username, at: now) }
        return ws.redirect("/admin/accounts", done: "account_changed")
    }
}
