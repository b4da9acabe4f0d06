import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// `/admin/status`: for each organization and year, what is due and where it stands, and the
/// overdue items oldest first. Coordinators unlock a project's period here or on its form.
enum StatusPage {
    static func show(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let workflow = ws.site.workflow, let directory = ws.directory else { return ws.unavailable(request) }
        let c = ws.context(request)
        let model = ws.site.model
        let ledger = try await workflow.ledgerOfYears(ReportingStatus.years(of: model.index))
        let status = ReportingStatus(index: model.index, ledger: ledger, policy: ws.site.policy, dueAfterDays: ws.site.settings.dueAfterDays,
                                     today: model.today.day)
        let orgNames = Dictionary(uniqueKeysWithValues: try await directory.organizations().map { ($0.id, $0.name[c.language]) })
        // Each project's counts go to every organization reporting on it ("" when none is).
        var counts: [OrgYear: ReportingStatus.Counts] = [:]
        for p in model.index.projects.indices {
            let orgs = status.organizations[p].isEmpty ? [""] : status.organizations[p]
            for (y, year) in status.years.enumerated() {
                let n = status.counts(project: p, year: y)
                guard n.due > 0 else { continue }
                for org in orgs { counts[OrgYear(organization: org, year: year), default: .init()].add(n) }
            }
        }
        let rows: [[String: Any]] = counts.sorted { ($0.key.year, $0.key.organization) < ($1.key.year, $1.key.organization) }.map { key, n in
            ["organization": key.organization.isEmpty ? c.catalog["unassigned"] : (orgNames[key.organization] ?? key.organization),
             "year": c.catalog.format("year_label", ["year": String(key.year)]),
             "due": c.count(n.due), "approved": c.count(n.approved), "submitted": c.count(n.submitted), "returned": c.count(n.returned),
             "draft": c.count(n.draft), "missing": c.count(n.missing), "overdue": c.count(n.overdue), "share": c.percent(n.due == 0 ? nil : Double(n.approved) / Double(n.due))]
        }
        let overdue: [[String: Any]] = status.oldestOverdue(200).map { item in
            let what: String
            switch item.kind {
            case .observation: what = model.index.indicators[Int(item.subject)].name[c.language]
            case .budget: what = c.catalog["budget_title"]
            default: what = c.catalog["jobs_title"]
            }
            let project = status.projectId(item)
            return ["project": project, "what": what, "year": Int(item.year), "stage": c.catalog["stage_\(item.stage.rawValue)"],
                    "due": c.day(status.due(Int(item.year))), "link": "/admin/projects/\(project)/report?period=\(item.year)"]
        }
        var roundRows: [[String: Any]] = []
        if let rounds = ws.site.rounds {
            let open = try await rounds.rounds(today: model.today.day).filter(\.isOpen).sorted { $0.due > $1.due }
            for p in try await rounds.progress(open, projectsByOrganization: ws.site.policy.projectsByOrganization, today: model.today.day) {
                let total = p.total
                roundRows.append(RoundsPage.row(p.round, c, today: model.today.day).merging([
                    "due_count": c.count(total.due), "approved": c.count(total.approved), "owed": c.count(total.owed),
                    "late_count": c.count(total.late), "share": c.percent(total.shareDone)]) { $1 })
            }
        }
        let values: [String: Any] = [
            "rounds": roundRows, "has_rounds": !roundRows.isEmpty,
            "rows": rows, "overdue": overdue, "has_overdue": !overdue.isEmpty,
            "overdue_total": c.count(status.overdueCount),
            "due_rule": c.catalog.format("status_due_rule", ["days": String(ws.site.settings.dueAfterDays), "lock": String(ws.site.settings.lockAfterDays)]),
        ]
        return ws.render("status", request, title: c.catalog["ws_status"], current: "/admin/status", values: values)
    }

    /// A row of the table: one organization in one year.
    struct OrgYear: Hashable {
        var organization: String
        var year: Int
    }

    /// Unlocks a project's period for reporters for 14 days, on record.
    static func unlock(_ request: Request, _ ws: Workspace, project projectId: String) async throws -> Response {
        guard let directory = ws.directory, let principal = Principal.current else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        guard ws.site.model.index.project(projectId) != nil, let year = Int(form.text("period")), let period = Period.year(year) else {
            return ws.pages.errorPage(status: .badRequest, request: request)
        }
        let reason = form.text("reason")
        guard !reason.isEmpty else {
            return ws.pages.errorPage(status: .badRequest, message: { $0["unlock_reason_needed"] }, request: request)
        }
        let now = Timestamp.now
        try await directory.unlock(PeriodUnlock(projectId: projectId, period: period.iso, unlockedBy: principal.actor.id, at: now,
                                                until: Timestamp(seconds: now.seconds + 14 * 86_400), reason: reason),
                                   actor: principal.actor, at: now)
        return ws.redirect("/admin/projects/\(projectId)/report?period=\(year)", done: "unlocked")
    }
}
