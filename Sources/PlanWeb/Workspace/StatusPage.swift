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
        var counts: [String: ReportingStatus.Counts] = [:]
        for item in status.items {
            for org in item.organizations.isEmpty ? [""] : item.organizations { counts["\(org)|\(item.year)", default: .init()].add(item) }
        }
        let rows: [[String: Any]] = counts.sorted { a, b in
            let (oa, ya) = split(a.key), (ob, yb) = split(b.key)
            return (ya, oa) < (yb, ob)
        }.map { key, n in
            let (org, year) = split(key)
            return ["organization": org.isEmpty ? c.catalog["unassigned"] : (orgNames[org] ?? org), "year": c.catalog.format("year_label", ["year": String(year)]),
                    "due": n.due, "approved": n.approved, "submitted": n.submitted, "returned": n.returned, "draft": n.draft, "missing": n.missing,
                    "overdue": n.overdue, "share": c.percent(n.due == 0 ? nil : Double(n.approved) / Double(n.due))]
        }
        let overdue: [[String: Any]] = status.items.filter(\.overdue).sorted { ($0.due, $0.projectId, $0.key.subject) < ($1.due, $1.projectId, $1.key.subject) }
            .prefix(200).map { item in
                let what: String
                switch item.key.kind {
                case .observation: what = model.index.indicator(item.key.subject)?.name[c.language] ?? item.key.subject
                case .budget: what = c.catalog["budget_title"]
                default: what = c.catalog["jobs_title"]
                }
                return ["project": item.projectId, "what": what, "year": item.year, "stage": c.catalog["stage_\(item.stage.rawValue)"],
                        "due": c.day(item.due), "link": "/admin/projects/\(item.projectId)/report?period=\(item.year)"]
            }
        let values: [String: Any] = [
            "rows": rows, "overdue": overdue, "has_overdue": !overdue.isEmpty,
            "overdue_total": status.items.filter(\.overdue).count,
            "due_rule": c.catalog.format("status_due_rule", ["days": String(ws.site.settings.dueAfterDays), "lock": String(ws.site.settings.lockAfterDays)]),
        ]
        return ws.render("status", request, title: c.catalog["ws_status"], current: "/admin/status", values: values)
    }

    static func split(_ key: String) -> (String, Int) {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        return (String(parts[0]), Int(parts[1]) ?? 0)
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
