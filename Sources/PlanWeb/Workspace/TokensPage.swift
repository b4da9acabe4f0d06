import Hummingbird
import PlanCore
import PlanStore

/// `/admin/tokens`: API tokens for machine clients. A new token is shown once; only its hash is
/// kept. Each has a role and an organization, and can be revoked.
enum TokensPage {
    static func show(_ request: Request, _ ws: Workspace, created: String? = nil, errors: FormErrors = FormErrors(), typed: [String: String] = [:],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let c = ws.context(request)
        let orgs = try await directory.organizations()
        let uses = try await directory.tokenUses()
        let now = Timestamp.now
        let tokens: [[String: Any]] = try await directory.tokens().sorted { $0.createdAt > $1.createdAt }.map { t in
            ["id": t.id, "name": t.name, "role": c.catalog["role_\(t.role.rawValue)"],
             "organization": orgs.first { $0.id == t.organizationId }?.name[c.language] ?? t.organizationId,
             "created": c.day(Timestamp(seconds: t.createdAt).koreanDay), "by": ActorName.display(t.createdBy), "revoked": t.isRevoked,
             "expires": t.expiresAt.map { c.day(Timestamp(seconds: $0).koreanDay) } ?? "–", "expired": !t.isRevoked && t.isExpired(at: now),
             "last_used": uses[t.id].map { AuditPage.kst($0) } ?? c.catalog["token_never_used"]]
        }
        let values: [String: Any] = [
            "tokens": tokens, "has_tokens": !tokens.isEmpty,
            "created": created ?? "", "has_created": created != nil,
            "roles": [Role.reporter, .coordinator, .viewer].map { ["value": $0.rawValue, "label": c.catalog["role_\($0.rawValue)"], "selected": $0.rawValue == typed["role"]] },
            "organizations": orgs.map { ["value": $0.id, "label": $0.name[c.language], "selected": $0.id == typed["organization"]] },
            "typed_name": typed["name"] ?? "",
            "days": typed["days"] ?? String(APIToken.defaultLifetimeDays), "max_days": TokenIssuer.lifetimes.upperBound,
        ].merging(errors.values)
        return ws.render("tokens", request, title: c.catalog["ws_tokens"], current: "/admin/tokens", values: values, status: status)
    }

    static func create(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let days = form.text("days").isEmpty ? APIToken.defaultLifetimeDays : Int(form.text("days")) ?? 0
        var errors = FormErrors()
        if form.text("name").isEmpty { errors.add("token-name", c.catalog["err_token_name"]) }
        let role = Role(rawValue: form.text("role")).flatMap { $0 == .admin ? nil : $0 }
        if role == nil { errors.add("token-role", c.catalog["err_role"]) }
        if !TokenIssuer.lifetimes.contains(days) {
            errors.add("token-days", c.catalog.format("err_token_days", ["max": String(TokenIssuer.lifetimes.upperBound)]))
        }
        if try await directory.organization(form.text("organization")) == nil { errors.add("token-org", c.catalog["err_token_org"]) }
        guard errors.isEmpty, let role else {
            return try await show(request, ws, errors: errors, typed: form.fields.compactMapValues(\.last), status: .unprocessableContent)
        }
        let issued = try await TokenIssuer.issue(name: form.text("name"), role: role, organizationId: form.text("organization"), validForDays: days,
                                                 account: Principal.current?.name, directory: directory, actor: ws.actor, at: .now)
        return try await show(request, ws, created: issued.secret)
    }

    static func revoke(_ request: Request, _ ws: Workspace, id: String) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        do {
            try await directory.revokeToken(id: id, actor: ws.actor, at: .now)
        } catch StoreError.notFound {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        return ws.redirect("/admin/tokens", done: "token_revoked")
    }
}
