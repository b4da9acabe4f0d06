import Hummingbird
import PlanCore
import PlanStore

/// `/admin`: what the signed-in person has to do. A reporter sees what their organization
/// still owes, oldest first, with links to the forms; the coordinating office sees what waits
/// for review and what is overdue.
enum HomeWorkspacePage {
    static func show(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let workflow = ws.site.workflow, let principal = Principal.current else { return ws.unavailable(request) }
        let c = ws.context(request)
        let model = ws.site.model
        let policy = ws.site.policy
        let ledger = try await workflow.ledgerOfYears(ReportingStatus.years(of: model.index))
        let status = ReportingStatus(index: model.index, ledger: ledger, policy: policy, dueAfterDays: ws.site.settings.dueAfterDays,
                                     today: model.today.day)
        let reportable = model.index.projects.filter { policy.decide(principal, .report, project: $0.id) == .allow }
        let mine = Set(reportable.map(\.id))
        // What is owed on the projects this person reports on, grouped by project and year.
        var owed: [String: (project: String, year: Int, missing: Int, draft: Int, returned: Int, overdue: Int, due: CalendarDay)] = [:]
        for item in status.items where mine.contains(item.projectId) && [.missing, .draft, .returned].contains(item.stage) {
            let k = "\(item.projectId)|\(item.year)"
            var o = owed[k] ?? (item.projectId, item.year, 0, 0, 0, 0, item.due)
            switch item.stage {
            case .missing: o.missing += 1
            case .draft: o.draft += 1
            case .returned: o.returned += 1
            default: break
            }
            if item.overdue { o.overdue += 1 }
            owed[k] = o
        }
        let unlocks = try await ws.directory?.unlocks() ?? []
        let bypass = policy.bypassesLocks(principal)
        let owedRows: [[String: Any]] = owed.values.sorted { ($0.due, $0.project) < ($1.due, $1.project) }.prefix(60).map { o in
            let project = model.index.project(o.project)!
            let locked = !bypass && workflow.isLocked(project: project.id, period: Period.year(o.year)!, today: model.today.day, unlocks: unlocks, now: .now)
            return ["project": "\(project.id) \(project.title[c.language])", "year": c.catalog.format("year_label", ["year": String(o.year)]),
                    "link": "/admin/projects/\(project.id)/report?period=\(o.year)", "missing": o.missing, "draft": o.draft,
                    "returned": o.returned, "overdue": o.overdue > 0 && !locked, "locked": locked, "due": c.day(o.due)]
        }
        let returned: [[String: Any]] = try await workflow.ledger(ofSubjectsWith: [.returned]).values.compactMap { s -> [String: Any]? in
            guard let r = s.returned, let project = r.entry.draft.projectId(model.index), mine.contains(project) else { return nil }
            return ["what": QueuePage.subject(r, model.index, c), "reason": r.returnReason ?? "", "by": r.decidedBy ?? "",
                    "link": r.entry.draft.kind == .taskStatus ? "/admin/projects/\(project)/tasks" : "/admin/projects/\(project)/report?period=\(r.key.period)"]
        }
        let waiting = try await workflow.waiting()
        let oldest = waiting.map { $0.submittedAt ?? $0.recordedAt }.min()
        let overdue = status.items.filter(\.overdue).count
        let values: [String: Any] = [
            "greeting": c.catalog.format("ws_greeting", ["name": principal.displayName]),
            "role": c.catalog["role_\(principal.role.rawValue)"],
            "projects": reportable.map { p in
                ["id": p.id, "title": p.title[c.language], "report": "/admin/projects/\(p.id)/report", "tasks": "/admin/projects/\(p.id)/tasks",
                 "upload": "/admin/projects/\(p.id)/upload"]
            },
            "has_projects": !reportable.isEmpty,
            "owed": owedRows, "has_owed": !owedRows.isEmpty,
            "owed_title": c.catalog[principal.role == .reporter ? "owed_title" : "owed_title_all"],
            "returned": returned, "has_returned": !returned.isEmpty,
            "can_review": policy.decide(principal, .viewUnpublished) == .allow,
            "waiting_count": waiting.count,
            "oldest_waiting": oldest.map { c.day($0.koreanDay) } ?? "",
            "overdue_count": overdue,
        ]
        return ws.render("workspace_home", request, title: c.catalog["ws_home"], current: "/admin", values: values)
    }
}
