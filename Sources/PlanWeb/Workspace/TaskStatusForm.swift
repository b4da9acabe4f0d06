import Hummingbird
import PlanCore
import PlanStore

/// `/admin/projects/{id}/tasks`: the status of each investment task and reform of a project.
/// A change of status needs evidence: a sentence or a link that shows it.
enum TaskStatusForm {
    static func show(_ request: Request, _ ws: Workspace, project projectId: String, typed: [String: String] = [:],
                     errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let workflow = ws.site.workflow else { return ws.unavailable(request) }
        let model = ws.site.model
        guard let position = model.index.projectIndex[projectId] else { return ws.pages.errorPage(status: .notFound, request: request) }
        let project = model.index.projects[position]
        let c = ws.context(request)
        let ledger = try await workflow.ledger([.taskStatus], subjects: workflow.subjects(of: projectId))
        let today = model.today.day
        // Errors are keyed by the field at fault: p.<task> (the status), d.<task> (its day), e.<task> (the evidence).
        var summary = FormErrors()
        let rows: [[String: Any]] = model.index.tasks.indices.filter { model.index.projectOfTask[$0] == position }.map { t in
            let task = model.index.tasks[t]
            let s = ledger[FactKey(kind: .taskStatus, subject: task.id, period: "")]
            let open = s?.draft ?? s?.returned
            var progress = "", day = today.iso, evidence = ""
            if case .taskStatus(_, let d, let p, let e)? = open?.entry.draft { (progress, day, evidence) = (p.rawValue, d.iso, e) }
            let selected = typed["p.\(task.id)"] ?? progress
            for field in ["p", "d", "e"].map({ "\($0).\(task.id)" }) {
                if let e = errors[field] { summary.add(field, "\(task.title[c.language]): \(e)") }
            }
            return [
                "id": task.id, "title": task.title[c.language], "kind": c.catalog["kind_\(task.kind.rawValue)"],
                "due": task.due.map { $0.text(c.language) } ?? "–",
                "published": s?.approved.map { QueuePage.value($0, model.index, c) } ?? c.catalog["stage_missing"],
                "pending": s?.submitted.map { QueuePage.value($0, model.index, c) } ?? "",
                "stage": c.catalog["stage_\(s?.stage.rawValue ?? "missing")"], "stage_key": s?.stage.rawValue ?? "missing",
                "return_reason": s?.returned?.returnReason ?? "",
                "options": [("", c.catalog["no_change"])] .map { ["value": $0.0, "label": $0.1, "selected": selected == $0.0] }
                    + TaskStatusReport.Progress.allCases.map { p in
                        ["value": p.rawValue, "label": c.ko ? p.korean : p.english, "selected": selected == p.rawValue]
                    },
                "day": typed["d.\(task.id)"] ?? day, "evidence": typed["e.\(task.id)"] ?? evidence,
                "invalid_p": errors["p.\(task.id)"] != nil, "invalid_d": errors["d.\(task.id)"] != nil, "invalid_e": errors["e.\(task.id)"] != nil,
                "error": ["p", "d", "e"].compactMap { errors["\($0).\(task.id)"] }.first ?? "",
                "has_error": ["p", "d", "e"].contains { errors["\($0).\(task.id)"] != nil },
                "disabled": s?.submitted != nil,
            ]
        }
        return ws.render("tasks_form", request, title: "\(project.id) \(project.title[c.language]) · \(c.catalog["tasks_form_title"])",
                         current: "/admin",
                         values: ["project": ["id": project.id, "title": project.title[c.language]], "rows": rows].merging(summary.values),
                         status: status)
    }

    static func save(_ request: Request, _ ws: Workspace, project projectId: String) async throws -> Response {
        guard let workflow = ws.site.workflow, let principal = Principal.current else { return ws.unavailable(request) }
        let model = ws.site.model
        guard let position = model.index.projectIndex[projectId] else { return ws.pages.errorPage(status: .notFound, request: request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let submit = form["action"] == "submit"
        var errors: [String: String] = [:]
        var entries: [FactEntry] = []
        for t in model.index.tasks.indices where model.index.projectOfTask[t] == position {
            let task = model.index.tasks[t]
            guard let progress = TaskStatusReport.Progress(rawValue: form.text("p.\(task.id)")) else { continue }
            let evidence = form.text("e.\(task.id)")
            guard let day = CalendarDay(iso: form.text("d.\(task.id)")), day <= model.today.day else {
                errors["d.\(task.id)"] = c.catalog["err_date"]
                continue
            }
            guard !evidence.isEmpty else {
                errors["e.\(task.id)"] = c.catalog["err_evidence"]
                continue
            }
            if let problem = FormValues.textProblem(evidence, c) {
                errors["e.\(task.id)"] = problem
                continue
            }
            entries.append(FactEntry(.taskStatus(taskId: task.id, day: day, progress: progress, evidence: evidence)))
        }
        if !errors.isEmpty {
            return try await show(request, ws, project: projectId, typed: form.fields.compactMapValues(\.last), errors: errors, status: .unprocessableContent)
        }
        let now = Timestamp.now
        let bypassLocks = ws.site.policy.bypassesLocks(principal)
        var submitted = submit ? entries.count : 0
        do {
            try await workflow.record(entries, project: projectId, submit: submit, actor: principal.actor, bypassLocks: bypassLocks, at: now)
            if submit, let drafts = try await workflow.drafts(project: projectId)[.taskStatus], !drafts.isEmpty {
                try await workflow.submit(.taskStatus, ids: drafts, project: projectId, actor: principal.actor, bypassLocks: bypassLocks, at: now)
                submitted += drafts.count
            }
        } catch WorkflowError.rejected(let problems) {
            for p in problems { errors["p.\(p.key.subject)"] = c.catalog["err_workflow_\(p.reason.rawValue)"] }
            return try await show(request, ws, project: projectId, typed: form.fields.compactMapValues(\.last), errors: errors, status: .conflict)
        }
        let done = submit ? (submitted > 0 ? "submitted" : "nothing") : (entries.isEmpty ? "nothing" : "saved")
        return ws.redirect("/admin/projects/\(projectId)/tasks", done: done)
    }
}
