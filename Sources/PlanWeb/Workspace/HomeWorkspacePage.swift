import Hummingbird
import PlanCore
import PlanStore

/// `/admin`: what the signed-in person has to do. A reporter sees what their organization
/// still owes, oldest first, with links to the forms; the coordinating office sees what waits
/// for review and what is overdue.
enum HomeWorkspacePage {
    /// Projects listed on one page.
    static let projectsPageSize = 100

    static func show(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let workflow = ws.site.workflow, let principal = Principal.current else { return ws.unavailable(request) }
        let c = ws.context(request)
        let model = ws.site.model
        let policy = ws.site.policy
        let ledger = try await workflow.ledgerOfYears(ReportingStatus.years(of: model.index))
        let status = ReportingStatus(index: model.index, ledger: ledger, policy: policy, dueAfterDays: ws.site.settings.dueAfterDays,
                                     today: model.today.day)
        let reportable = model.index.projects.indices.filter { policy.decide(principal, .report, project: model.index.projects[$0].id) == .allow }
        let mine = Set(reportable.map { model.index.projects[$0].id })
        // What is owed on the projects this person reports on, by project and year.
        var owed: [(project: Int, year: Int, counts: ReportingStatus.Counts)] = []
        for p in reportable {
            for (y, year) in status.years.enumerated() where status.counts(project: p, year: y).owed > 0 {
                owed.append((p, year, status.counts(project: p, year: y)))
            }
        }
        let unlocks = try await ws.directory?.unlocks() ?? []
        let bypass = policy.bypassesLocks(principal)
        let projects = model.index.projects
        let owedRows: [[String: Any]] = owed.sorted { ($0.year, $0.project) < ($1.year, $1.project) }.prefix(60).map { o in
            let project = projects[o.project]
            let locked = !bypass && workflow.isLocked(project: project.id, period: Period.year(o.year)!, today: model.today.day, unlocks: unlocks, now: .now)
            return ["project": "\(project.id) \(project.title[c.language])", "year": c.catalog.format("year_label", ["year": String(o.year)]),
                    "link": "/admin/projects/\(project.id)/report?period=\(o.year)", "missing": o.counts.missing, "draft": o.counts.draft,
                    "returned": o.counts.returned, "overdue": o.counts.overdue > 0 && !locked, "locked": locked, "due": c.day(status.due(o.year))]
        }
        let returned: [[String: Any]] = try await workflow.ledger(ofSubjectsWith: [.returned]).values.compactMap { s -> [String: Any]? in
            guard let r = s.returned, let project = r.entry.draft.projectId(model.index), mine.contains(project) else { return nil }
            return ["what": QueuePage.subject(r, model.index, c), "reason": r.returnReason ?? "", "by": r.decidedBy ?? "",
                    "link": r.entry.draft.kind == .taskStatus ? "/admin/projects/\(project)/tasks" : "/admin/projects/\(project)/report?period=\(r.key.period)"]
        }
        let waiting = try await workflow.waiting()
        let oldest = waiting.map { $0.submittedAt ?? $0.recordedAt }.min()
        let overdue = status.overdueCount
        // A coordinator of a national plan may report on thousands of projects: a hundred to a page.
        let pager = Pager(count: reportable.count, size: projectsPageSize, query: request.uri.queryParameters.get("page"))
        var values: [String: Any] = [
            "greeting": c.catalog.format("ws_greeting", ["name": principal.displayName]),
            "role": c.catalog["role_\(principal.role.rawValue)"],
            "projects": reportable[pager.rows].map { projects[$0] }.map { p in
                ["id": p.id, "title": p.title[c.language], "report": "/admin/projects/\(p.id)/report", "tasks": "/admin/projects/\(p.id)/tasks",
                 "upload": "/admin/projects/\(p.id)/upload"]
            },
            "has_projects": !reportable.isEmpty,
            "project_count": c.count(reportable.count),
            "owed": owedRows, "has_owed": !owedRows.isEmpty,
            "owed_title": c.catalog[principal.role == .reporter ? "owed_title" : "owed_title_all"],
            "returned": returned, "has_returned": !returned.isEmpty,
            "can_review": policy.decide(principal, .viewUnpublished) == .allow,
            "waiting_count": c.count(waiting.count),
            "oldest_waiting": oldest.map { c.day($0.koreanDay) } ?? "",
            "overdue_count": c.count(overdue),
        ]
        values.merge(pager.values(c) { "/admin?page=\($0)" }) { $1 }
        let rounds = try await openRounds(ws, principal: principal, c)
        values["rounds"] = rounds
        values["unread"] = c.count(try await ws.store?.unreadNotifications(recipient: principal.name) ?? 0)
        values["has_rounds"] = !rounds.isEmpty
        if policy.decide(principal, .revisePlan) == .allow, let store = ws.store {
            let drafts = try await store.planDrafts()
            values["can_revise"] = true
            values["drafts_waiting"] = c.count(drafts.filter { $0.state == .submitted }.count)
            values["drafts_open"] = c.count(drafts.filter { $0.state.isOpen }.count)
        }
        return ws.render("workspace_home", request, title: c.catalog["ws_home"], current: "/admin", values: values)
    }

    /// The open rounds that concern this person, the nearest due date first, then those already
    /// past it, the most recent first: for a reporter, those
    /// that ask their organization for something it has not sent yet or whose due date is
    /// still ahead; for the office, every round with something outstanding or still to come.
    static func openRounds(_ ws: Workspace, principal: Principal, _ c: PageContext) async throws -> [[String: Any]] {
        guard let rounds = ws.site.rounds else { return [] }
        let today = ws.site.model.today.day
        let all = try await rounds.rounds(today: today).filter(\.isOpen)
        let office = principal.role != .reporter
        let scope = office ? ws.site.policy.projectsByOrganization : [principal.organizationId: ws.site.policy.projects(of: principal.organizationId)]
        let progress = try await rounds.progress(all, projectsByOrganization: scope, today: today)
        return progress.compactMap { p -> (CalendarDay, [String: Any])? in
            let counts = office ? p.total : p.counts(principal.organizationId)
            guard counts.due > 0, counts.owed > 0 || p.round.due >= today else { return nil }
            var row = RoundsPage.row(p.round, c, today: today)
            row["link"] = office ? "/admin/rounds/\(p.round.key)" : "#owed"
            row["missing"] = c.count(counts.missing)
            row["draft"] = c.count(counts.draft)
            row["returned"] = c.count(counts.returned)
            row["remaining"] = counts.owed > 0 ? c.count(counts.owed) : c.catalog["rounds_all_done"]
            return (p.round.due, row)
        }.sorted { a, b in
            let aPast = a.0 < today, bPast = b.0 < today
            return aPast != bPast ? !aPast : (aPast ? a.0 > b.0 : a.0 < b.0)
        }.map(\.1)
    }
}
