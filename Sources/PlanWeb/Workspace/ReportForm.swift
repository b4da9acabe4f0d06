import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// `/admin/projects/{id}/report?period=2024`: one form for a project's indicators, budget
/// execution and jobs in one year, with last year's value beside each box. "Save" keeps
/// drafts that come back next time; "Submit" sends them to the coordinating office.
enum ReportForm {
    static func years(_ ws: Workspace) -> [Int] {
        let plan = ws.site.model.plan
        let today = ws.site.model.today.day
        return Array(plan.start.start.year...max(plan.start.start.year, min(today.year, max(plan.end.end.year, today.year - 1))))
    }

    static func year(_ request: Request, _ ws: Workspace) -> Int {
        let years = years(ws)
        if let y = (request.uri.queryParameters.get("period") ?? SubmittedForm.current["period"]).flatMap({ Int($0) }), years.contains(y) { return y }
        return min(max(ws.site.model.today.day.year - 1, years.first!), years.last!)
    }

    static func show(_ request: Request, _ ws: Workspace, project projectId: String, typed: [String: String] = [:],
                     errors: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let workflow = ws.site.workflow, let store = ws.store else { return ws.unavailable(request) }
        let model = ws.site.model
        guard let position = model.index.projectIndex[projectId] else { return ws.pages.errorPage(status: .notFound, request: request) }
        let project = model.index.projects[position]
        let c = ws.context(request)
        let y = year(request, ws)
        let ledger = try await workflow.ledger([.observation, .budget, .jobs], subjects: workflow.subjects(of: projectId))
        let unlocks = try await Directory(store: store).unlocks()
        let principal = Principal.current
        let lockedForAll = workflow.isLocked(project: projectId, period: Period.year(y)!, today: model.today.day, unlocks: unlocks, now: .now)
        let locked = lockedForAll && !(principal.map(ws.site.policy.bypassesLocks) ?? false)
        let now = Timestamp.now
        let unlockedUntil = unlocks.filter { $0.projectId == projectId && $0.period == "\(y)" && $0.until > now.seconds }.map(\.until).max()
            .map { c.catalog.format("report_unlocked_until", ["day": c.day(Timestamp(seconds: $0).koreanDay)]) } ?? ""

        func state(_ key: FactKey) -> [String: Any] {
            let s = ledger[key]
            var out: [String: Any] = ["stage": c.catalog["stage_\(s?.stage.rawValue ?? "missing")"], "stage_key": s?.stage.rawValue ?? "missing",
                                      "waiting": s?.submitted != nil]
            if let r = s?.returned { out["return_reason"] = r.returnReason ?? "" }
            return out
        }

        let indicators = model.index.indicators.indices.filter { model.index.projectOfIndicator[$0] == position }
        let rows: [[String: Any]] = indicators.map { i in
            let indicator = model.index.indicators[i]
            let key = FactKey(kind: .observation, subject: indicator.id, period: "\(y)")
            let s = ledger[key]
            func shown(_ f: StoredFact?) -> String? {
                guard let f, case .observation(_, _, let v, let t, _) = f.entry.draft else { return nil }
                return v.map { c.value($0, indicator) } ?? t
            }
            func input(_ f: StoredFact?) -> String? {
                guard let f, case .observation(_, _, let v, let t, _) = f.entry.draft else { return nil }
                return v.map(FormValues.plain) ?? t
            }
            let previous = ledger[FactKey(kind: .observation, subject: indicator.id, period: "\(y - 1)")]?.approved
            let open = s?.draft ?? s?.returned
            let target = indicator.targets.first { $0.due.end.year == y }
            let name = "v.\(indicator.id)"
            return [
                "id": indicator.id, "name": indicator.name[c.language], "unit": indicator.unit.map { FormValues.unitName($0.symbol, c) } ?? "",
                "task": model.index.taskOfIndicator[i].map { model.index.tasks[$0].title[c.language] } ?? "",
                "target": target.map { t in t.value.map { c.value($0, indicator) } ?? t.text?[c.language] ?? "" } ?? "",
                "previous": shown(previous) ?? "–",
                "published": shown(s?.approved) ?? "",
                "pending": shown(s?.submitted) ?? "",
                "field": name, "value": typed[name] ?? input(open) ?? "",
                "status_field": "s.\(indicator.id)",
                "provisional": (typed["s.\(indicator.id)"] ?? (open?.entry.valueStatus == .provisional ? "provisional" : "")) == "provisional",
                "source_field": "src.\(indicator.id)", "source": typed["src.\(indicator.id)"] ?? open?.entry.source ?? "",
                "note_field": "n.\(indicator.id)", "note": typed["n.\(indicator.id)"] ?? open?.entry.note ?? "",
                "provenance": ProvenanceFields.values(indicator.id, typed: typed, open?.entry.provenance),
                "error": errors[name] ?? errors["row.\(indicator.id)"] ?? "", "has_error": errors[name] != nil || errors["row.\(indicator.id)"] != nil,
                "disabled": locked || s?.submitted != nil,
            ].merging(state(key))
        }

        let budgetKey = FactKey(kind: .budget, subject: projectId, period: "\(y)")
        let budgetOpen = ledger[budgetKey].flatMap { $0.draft ?? $0.returned }
        var allocated = "", executed = ""
        if case .budget(_, _, let a, let e)? = budgetOpen?.entry.draft { (allocated, executed) = (FormValues.money(a), FormValues.money(e)) }
        func published(_ f: StoredFact?) -> String {
            switch f?.entry.draft {
            case .budget(_, _, let a, let e)?: return "\(c.money(e)) / \(c.money(a))"
            case .jobs(_, _, let n)?: return c.jobs(n)
            default: return ""
            }
        }
        let previousBudget = ledger[FactKey(kind: .budget, subject: projectId, period: "\(y - 1)")]?.approved
        let jobsKey = FactKey(kind: .jobs, subject: projectId, period: "\(y)")
        let jobsOpen = ledger[jobsKey].flatMap { $0.draft ?? $0.returned }
        var jobs = ""
        if case .jobs(_, _, let n)? = jobsOpen?.entry.draft { jobs = FormValues.plain(Double(n)) }
        let previousJobs = ledger[FactKey(kind: .jobs, subject: projectId, period: "\(y - 1)")]?.approved

        // The summary names each field at fault in the form's order, with what it is about.
        var summary = FormErrors()
        for (i, row) in zip(indicators, rows) where row["has_error"] as? Bool == true {
            summary.add("v.\(model.index.indicators[i].id)", "\(model.index.indicators[i].name[c.language]): \(row["error"] as? String ?? "")")
        }
        if let e = errors["budget"] { summary.add("budget.allocated", "\(c.catalog["budget_title"]): \(e)") }
        if let e = errors["jobs"] { summary.add("jobs.value", "\(c.catalog["jobs_created"]): \(e)") }
        let values: [String: Any] = [
            "project": ["id": project.id, "title": project.title[c.language]],
            "years": years(ws).map { ["year": $0, "selected": $0 == y, "label": c.catalog.format("year_label", ["year": String($0)])] },
            "year": y, "year_label": c.catalog.format("year_label", ["year": String(y)]),
            "rows": rows,
            "locked": locked, "locked_but_allowed": lockedForAll && !locked, "unlocked_until": unlockedUntil,
            "budget": [
                "allocated": typed["budget.allocated"] ?? allocated, "executed": typed["budget.executed"] ?? executed,
                "previous": published(previousBudget).isEmpty ? "–" : published(previousBudget),
                "published": published(ledger[budgetKey]?.approved), "pending": published(ledger[budgetKey]?.submitted),
                "error": errors["budget"] ?? "", "has_error": errors["budget"] != nil,
                "disabled": locked || ledger[budgetKey]?.submitted != nil,
            ].merging(state(budgetKey)),
            "jobs": [
                "value": typed["jobs.value"] ?? jobs,
                "previous": published(previousJobs).isEmpty ? "–" : published(previousJobs),
                "published": published(ledger[jobsKey]?.approved), "pending": published(ledger[jobsKey]?.submitted),
                "error": errors["jobs"] ?? "", "has_error": errors["jobs"] != nil,
                "disabled": locked || ledger[jobsKey]?.submitted != nil,
            ].merging(state(jobsKey)),
            "can_unlock": lockedForAll && ws.site.policy.decide(principal, .unlock, project: projectId) == .allow,
        ].merging(summary.values)
        return ws.render("report", request, title: "\(project.id) \(project.title[c.language]) · \(c.catalog["report_title"])",
                         current: "/admin", values: values, status: status)
    }

    static func save(_ request: Request, _ ws: Workspace, project projectId: String) async throws -> Response {
        guard let workflow = ws.site.workflow, let principal = Principal.current else { return ws.unavailable(request) }
        let model = ws.site.model
        guard let position = model.index.projectIndex[projectId] else { return ws.pages.errorPage(status: .notFound, request: request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let y = year(request, ws)
        let period = Period.year(y)!
        let submit = form["action"] == "submit"
        let ledger = try await workflow.ledger([.observation, .budget, .jobs], subjects: workflow.subjects(of: projectId))
        var errors: [String: String] = [:]
        var entries: [FactEntry] = []

        func limited(_ name: String) -> String? {
            let text = form.text(name)
            if let problem = FormValues.textProblem(text, c) { errors[name] = problem }
            return text.isEmpty ? nil : text
        }
        /// Whether the entry says something new compared with the open draft or the published value.
        func isNew(_ entry: FactEntry) -> Bool {
            guard let s = ledger[entry.draft.key] else { return true }
            guard let current = s.draft ?? s.returned ?? s.approved else { return true }
            if s.returned != nil && s.draft == nil { return true }
            return current.entry.draft != entry.draft || current.entry.valueStatus != entry.valueStatus
                || current.entry.source != entry.source || current.entry.note != entry.note || current.entry.provenance != entry.provenance
        }

        for i in model.index.indicators.indices where model.index.projectOfIndicator[i] == position {
            let indicator = model.index.indicators[i]
            let name = "v.\(indicator.id)"
            let raw = form.text(name)
            guard !raw.isEmpty else { continue }
            if let problem = FormValues.textProblem(raw, c) {
                errors[name] = problem
                continue
            }
            switch ObservationValue.read(raw, for: indicator, period: period) {
            case .failure(let error):
                errors[name] = FormValues.message(error, c)
            case .success(let read):
                var value: Double?, text: String?
                switch read {
                case .number(let v): value = v
                case .text(let t): text = t
                }
                let source = limited("src.\(indicator.id)")
                let (provenance, problems) = ProvenanceFields.read(indicator.id, form: form, source: source, periodEnd: period.end,
                                                                   today: model.today.day, limited: limited)
                if let problem = problems.first {
                    errors["row.\(indicator.id)"] = ImportIssueText.text(problem, c)
                    continue
                }
                let entry = FactEntry(.observation(indicatorId: indicator.id, period: period, value: value, text: text),
                                      valueStatus: form["s.\(indicator.id)"] == "provisional" ? .provisional : .final,
                                      source: source, note: limited("n.\(indicator.id)"), provenance: provenance)
                if isNew(entry) { entries.append(entry) }
            }
        }
        let allocatedText = form.text("budget.allocated"), executedText = form.text("budget.executed")
        if !allocatedText.isEmpty || !executedText.isEmpty {
            if let a = FormValues.amount(allocatedText, money: true), let e = FormValues.amount(executedText, money: true) {
                let entry = FactEntry(.budget(projectId: projectId, fiscalYear: y, allocated: a, executed: e), source: limited("budget.source"))
                if isNew(entry) { entries.append(entry) }
            } else {
                errors["budget"] = c.catalog["err_money"]
            }
        }
        let jobsText = form.text("jobs.value")
        if !jobsText.isEmpty {
            if let n = FormValues.amount(jobsText, money: false) {
                let entry = FactEntry(.jobs(projectId: projectId, year: y, jobs: n), source: limited("jobs.source"))
                if isNew(entry) { entries.append(entry) }
            } else {
                errors["jobs"] = c.catalog["err_count"]
            }
        }
        if !errors.isEmpty {
            return try await show(request, ws, project: projectId, typed: form.fields.compactMapValues(\.last), errors: errors, status: .unprocessableContent)
        }
        let now = Timestamp.now
        let bypassLocks = ws.site.policy.bypassesLocks(principal)
        var submitted = submit ? entries.count : 0
        do {
            try await workflow.record(entries, project: projectId, submit: submit, actor: principal.actor, bypassLocks: bypassLocks, at: now)
            if submit {
                for (kind, ids) in try await workflow.drafts(project: projectId, period: "\(y)") where kind != .taskStatus {
                    try await workflow.submit(kind, ids: ids, project: projectId, actor: principal.actor, bypassLocks: bypassLocks, at: now)
                    submitted += ids.count
                }
            }
        } catch WorkflowError.rejected(let problems) {
            for p in problems {
                let field = p.key.kind == .observation ? "row.\(p.key.subject)" : (p.key.kind == .budget ? "budget" : "jobs")
                errors[field] = c.catalog["err_workflow_\(p.reason.rawValue)"]
            }
            return try await show(request, ws, project: projectId, typed: form.fields.compactMapValues(\.last), errors: errors, status: .conflict)
        }
        let done = submit ? (submitted > 0 ? "submitted" : "nothing") : (entries.isEmpty ? "nothing" : "saved")
        return ws.redirect("/admin/projects/\(projectId)/report?period=\(y)", done: done)
    }
}
