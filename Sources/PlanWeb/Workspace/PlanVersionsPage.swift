import Hummingbird
import PlanCore
import PlanStore

/// `/admin/plan`: the plan versions loaded, and loading a new one (a YAML file checked as
/// `planwatch plan check` does; on success the site switches to it at once).
enum PlanVersionsPage {
    static func show(_ request: Request, _ ws: Workspace, problems: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let store = ws.store else { return ws.unavailable(request) }
        let c = ws.context(request)
        let versions: [[String: Any]] = try await store.planVersions().reversed().map { v in
            ["id": v.id, "file": v.fileName, "at": AuditPage.kst(v.loadedAt), "by": ActorName.display(v.loadedBy), "sha": String(v.sha256.prefix(12))]
        }
        var errors = FormErrors()
        if problems == [c.catalog["upload_no_file"]] {
            errors.add("plan-file", problems[0])
        } else if !problems.isEmpty {
            errors.add("plan-file", c.catalog["plan_rejected"])
            errors.details = problems
        }
        let values: [String: Any] = ["versions": versions, "current": ws.site.model.plan.title[c.language]].merging(errors.values)
        return ws.render("plan_versions", request, title: c.catalog["ws_plan"], current: "/admin/plan", values: values, status: status)
    }

    static func load(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let store = ws.store else { return ws.unavailable(request) }
        let c = ws.context(request)
        guard let file = SubmittedForm.current.files["file"], !file.bytes.isEmpty else {
            return try await show(request, ws, problems: [c.catalog["upload_no_file"]], status: .unprocessableContent)
        }
        let result = PlanLoader.load(data: Data(file.bytes), file: file.fileName.isEmpty ? "plan.yaml" : file.fileName)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let plan = result.plan, errors.isEmpty else {
            return try await show(request, ws, problems: errors.prefix(100).map(\.description), status: .unprocessableContent)
        }
        guard plan.id == ws.site.model.plan.id else {
            return try await show(request, ws, problems: [c.catalog.format("err_other_plan", ["id": plan.id, "current": ws.site.model.plan.id])],
                                  status: .unprocessableContent)
        }
        _ = try await store.loadPlan(bytes: file.bytes, fileName: file.fileName, plan: plan, actor: ws.actor)
        try await ws.site.publishLatest()
        return ws.redirect("/admin/plan", done: "plan_loaded")
    }
}

import Foundation
