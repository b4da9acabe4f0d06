import Hummingbird
import PlanCore
import PlanStore

/// `/admin/organizations`: the ministries and offices that report, and which projects or tasks
/// each reports on (besides the lead organizations the plan itself names).
enum OrganizationsPage {
    static func show(_ request: Request, _ ws: Workspace, errors: FormErrors = FormErrors(), typed: [String: String] = [:],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let c = ws.context(request)
        let index = ws.site.model.index
        let assignments = try await directory.assignments()
        let policy = ws.site.policy
        let orgs: [[String: Any]] = try await directory.organizations().map { o in
            [
                "id": o.id, "name": o.name[c.language],
                "projects": policy.projects(of: o.id).sorted().map { id in ["id": id, "title": index.project(id)?.title[c.language] ?? id] },
                "assigned": assignments.filter { $0.organizationId == o.id }.map(\.entityId).sorted().joined(separator: ", "),
            ]
        }
        let entities: [[String: Any]] = index.projects.map { ["value": $0.id, "label": "\($0.id) \($0.title[c.language])"] }
        let values: [String: Any] = [
            "organizations": orgs, "entities": entities, "has_organizations": !orgs.isEmpty,
            "typed_id": typed["id"] ?? "", "typed_name_ko": typed["name_ko"] ?? "", "typed_name_en": typed["name_en"] ?? "",
        ].merging(errors.values)
        return ws.render("organizations", request, title: c.catalog["ws_organizations"], current: "/admin/organizations", values: values, status: status)
    }

    static func add(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let org = OrganizationRecord(id: form.text("id").lowercased(), nameKo: form.text("name_ko"),
                                     nameEn: form.text("name_en").isEmpty ? form.text("name_ko") : form.text("name_en"))
        let typed = form.fields.compactMapValues(\.last)
        var errors = FormErrors()
        if !Account.isValidUsername(org.id) {
            errors.add("org-id", c.catalog["err_org_id"])
        } else if try await directory.organization(org.id) != nil {
            errors.add("org-id", c.catalog.format("err_org_exists", ["id": org.id]))
        }
        if org.nameKo.trimmingSpaces.isEmpty { errors.add("org-ko", c.catalog["err_org_name"]) }
        guard errors.isEmpty else { return try await show(request, ws, errors: errors, typed: typed, status: .unprocessableContent) }
        do {
            try await directory.addOrganization(org, actor: ws.actor, at: .now)
        } catch let error as StoreError {
            return try await show(request, ws, errors: FormErrors("org-id", "\(error)"), typed: typed, status: .unprocessableContent)
        }
        return ws.redirect("/admin/organizations", done: "organization_added")
    }

    static func assign(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let directory = ws.directory else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let entity = form.text("entity")
        let index = ws.site.model.index
        guard index.project(entity) != nil || index.task(entity) != nil else {
            return try await show(request, ws, errors: FormErrors("assign-entity", c.catalog.format("err_no_entity", ["id": entity])), status: .unprocessableContent)
        }
        let assignment = Assignment(organizationId: form.text("organization"), entityId: entity)
        do {
            if form["op"] == "unassign" {
                try await directory.unassign(assignment, actor: ws.actor, at: .now)
            } else {
                try await directory.assign(assignment, actor: ws.actor, at: .now)
            }
        } catch let error as StoreError {
            return try await show(request, ws, errors: FormErrors("assign-entity", "\(error)"), status: .unprocessableContent)
        }
        try await ws.site.reloadPolicy()
        return ws.redirect("/admin/organizations", done: "assigned")
    }
}
