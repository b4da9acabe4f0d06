import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// `/admin/drafts`: the draft revisions of the plan, the open ones first, with the two doors to
/// a new one: from the plan in force, in the browser, or from an uploaded plan file.
enum DraftsPage {
    static func show(_ request: Request, _ ws: Workspace, problem: String? = nil, details: [String] = [],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let store = ws.store else { return ws.unavailable(request) }
        let c = ws.context(request)
        let drafts = try await store.planDrafts()
        let rows: [[String: Any]] = drafts.map { d in
            [
                "id": d.id, "name": name(d, c), "link": "/admin/drafts/\(d.id)",
                "state": c.catalog["draft_state_\(d.state.rawValue)"], "state_key": d.state.rawValue,
                "base": String(d.baseVersion), "updated": AuditPage.kst(d.updatedAt), "by": ActorName.display(d.updatedBy),
            ]
        }
        var errors = FormErrors()
        if let problem {
            errors.add("draft-file", problem)
            errors.details = details
        }
        let values: [String: Any] = [
            "open_drafts": rows.filter { ($0["state_key"] as? String).flatMap(PlanDraftRecord.State.init)?.isOpen ?? false || $0["state_key"] as? String == "submitted" },
            "closed_drafts": rows.filter { ["approved", "discarded"].contains($0["state_key"] as? String ?? "") },
            "current": ws.site.model.history.latest.plan.revision?.title[c.language] ?? ws.site.model.plan.title[c.language],
            "current_date": c.day(ws.site.model.history.latest.effective),
        ].merging(errors.values) { $1 }
        return ws.render("drafts", request, title: c.catalog["ws_drafts"], current: "/admin/drafts", values: values, status: status)
    }

    /// `계획 변경안 #3: 「…」`.
    static func name(_ d: PlanDraftRecord, _ c: PageContext) -> String {
        c.catalog.format("draft_name", ["id": String(d.id), "title": d.title[c.language]])
    }

    /// Opens a draft of the plan in force.
    static func open(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let store = ws.store else { return ws.unavailable(request) }
        try await ws.site.catchUp()
        let model = ws.site.model
        let plan = PlanDraft.open(model.history, today: model.today.day)
        guard let base = try await DraftSession.newestVersion(store, planId: plan.id) else { return ws.unavailable(request) }
        let content = try await DraftContent.stored(plan, baseVersion: base, ws: ws, store: store)
        let draft = try await store.openPlanDraft(NewPlanDraft(planId: plan.id, baseVersion: base, title: plan.revision?.title ?? plan.title,
                                                               content: content, origin: "opened"),
                                                  actor: ws.actor, at: .now)
        ws.site.draftPlans.keep(plan, sha256: draft.sha256)
        return ws.redirect("/admin/drafts/\(draft.id)", done: "draft_opened")
    }

    /// Opens a draft from an uploaded plan file.
    static func upload(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let store = ws.store else { return ws.unavailable(request) }
        try await ws.site.catchUp()
        let c = ws.context(request)
        let file = SubmittedForm.current.files["file"]
        switch read(file, ws: ws, history: ws.site.model.history, c: c) {
        case .failure(let refusal):
            return try await show(request, ws, problem: refusal.problem, details: refusal.details, status: .unprocessableContent)
        case .success(let plan):
            guard let base = try await DraftSession.newestVersion(store, planId: plan.id) else { return ws.unavailable(request) }
            let content = try await DraftContent.stored(plan, baseVersion: base, ws: ws, store: store)
            let draft = try await store.openPlanDraft(NewPlanDraft(planId: plan.id, baseVersion: base, title: plan.revision?.title ?? plan.title,
                                                                   content: content, origin: "uploaded",
                                                                   fileName: file?.fileName),
                                                      actor: ws.actor, at: .now)
            ws.site.draftPlans.keep(plan, sha256: draft.sha256)
            return ws.redirect("/admin/drafts/\(draft.id)", done: "draft_uploaded")
        }
    }

    struct Refusal: Error {
        var problem: String
        var details: [String] = []
    }

    /// An uploaded plan file as a draft: checked as `plan check` checks it (every problem listed
    /// with its line), of the plan in force, given a revision block if it has none, and checked
    /// for ids an earlier version used.
    static func read(_ file: SubmittedForm.File?, ws: Workspace, history: PlanHistory, c: PageContext) -> Result<Plan, Refusal> {
        guard let file, !file.bytes.isEmpty else { return .failure(Refusal(problem: c.catalog["upload_no_file"])) }
        let name = file.fileName.isEmpty ? "plan.yaml" : file.fileName
        let result = PlanLoader.load(data: Data(file.bytes), file: name)
        guard let loaded = result.plan, result.errors.isEmpty else {
            return .failure(Refusal(problem: c.catalog["plan_rejected"], details: result.errors.prefix(100).map { d in
                let s = PlanCheckText.shown(d.message, c.language)
                return "\(d.file):\(d.place.map { "\($0):" } ?? "") \(s.text)" + (s.original.map { " (\($0))" } ?? "")
            }))
        }
        guard loaded.id == history.latest.plan.id else {
            return .failure(Refusal(problem: c.catalog.format("err_other_plan", ["id": loaded.id, "current": history.latest.plan.id])))
        }
        let plan = PlanDraft.adopt(loaded, history: history, today: ws.site.model.today.day)
        let problems = PlanDraft.problems(plan, history: history)
        guard problems.isEmpty else {
            return .failure(Refusal(problem: c.catalog["plan_rejected"], details: problems.map { p in
                (p.item.map { "\($0.descriptor): " } ?? "") + PlanCheckText.line(p.message, c.language)
            }))
        }
        return .success(plan)
    }
}
