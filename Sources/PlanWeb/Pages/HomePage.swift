import PlanCore

/// `/`: the plan at a glance: money and jobs, counts by status, the pillars with their projects,
/// what is slipping, and the as-of date.
enum HomePage {
    static func context(_ c: PageContext) -> [String: Any] {
        let plan = c.model.plan
        let totals = PlanTotals(plan)
        let r = c.assessment.plan
        let commitments: [[String: Any]] = totals.budget.map { b in
            let jobs = totals.jobs.first { $0.by == b.by }?.count ?? 0
            return [
                "by": c.catalog.format("budget_by", ["year": String(b.by.year)]),
                "total_cost": c.money(b.totalCost),
                "treasury": b.treasury.map(c.money) ?? "–",
                "jobs": c.jobs(jobs),
            ]
        }
        let slipping = c.assessment.slippingIndicators.map { ViewModels.indicatorRow($0, c) }
        let late = c.assessment.lateTasks.map { ViewModels.taskRow($0, c) }
        var projectPosition = 0
        let pillars: [[String: Any]] = plan.pillars.enumerated().map { pi, pillar in
            let projects: [[String: Any]] = pillar.projects.map { _ in
                defer { projectPosition += 1 }
                return ViewModels.projectSummary(projectPosition, c)
            }
            let pr = c.assessment.pillars[pi]
            return ["id": pillar.id, "title": pillar.title[c.language], "link": "/pillars/\(pillar.id)\(c.qs)",
                    "projects": projects, "bar": ViewModels.statusBar(pr, c),
                    "on_track": c.ko ? "순항·달성 \(pr.onTrack)/\(pr.assessable)" : "\(pr.onTrack) of \(pr.assessable) on track or achieved"]
        }
        let home: [String: Any] = [
            "period": c.ko ? "\(plan.start.start.year)~\(plan.end.end.year)년" : "\(plan.start.start.year)–\(plan.end.end.year)",
            "structure": c.catalog.format("home_structure", ["pillars": String(plan.pillars.count), "projects": String(plan.projects.count)]),
            "summary": c.text(plan.summary) ?? "",
            "commitments": commitments,
            "executed": c.money(r.budgetExecutedToDate),
            "execution_rate": c.percent(r.budgetExecutionRate),
            "jobs_created": c.jobs(r.jobsToDate),
            "status_counts": ViewModels.statusCounts(r, c),
            "status_bar": ViewModels.statusBar(r, c),
            "share": c.percent(r.shareOnTrack),
            "assessable": r.assessable,
            "on_track": r.onTrack,
            "has_assessable": r.assessable > 0,
            "pillars": pillars,
            "slipping": Array(slipping),
            "has_slipping": !slipping.isEmpty,
            "slipping_count": slipping.count,
            "late_tasks": Array(late),
            "has_late": !late.isEmpty,
            "late_count": c.assessment.lateTasks.count,
            "missed_earlier": r.missedMilestones,
        ]
        return c.layout(title: c.catalog["home_title"], page: "home").merging(home)
    }
}
