import PlanCore

/// `/`: the plan at a glance: money and jobs, counts by status, the pillars with their projects,
/// what is slipping, and the as-of date.
enum HomePage {
    /// Slipping indicators and late tasks shown here, worst first; `/slipping` has them all.
    static let slippingShown = 20
    /// Past this many projects the pillars are listed without their projects (each pillar's
    /// page lists them): the home page of a national plan stays a page, not 15 MB.
    static let projectsListedUpTo = 100

    static func context(_ c: PageContext, shown: Int = slippingShown, listingProjectsUpTo: Int = projectsListedUpTo) -> [String: Any] {
        let plan = c.plan
        let r = c.assessment.plan
        let commitments = PlanCommitmentCards.cards(c)
        let slippingCount = c.assessment.slippingIndicators.count, lateCount = c.assessment.lateTasks.count
        let slipping = c.assessment.slippingIndicators.prefix(shown).map { ViewModels.indicatorRow($0, c) }
        let late = c.assessment.lateTasks.prefix(shown).map { ViewModels.taskRow($0, c) }
        let listProjects = plan.projects.count <= listingProjectsUpTo
        var projectPosition = 0
        let pillars: [[String: Any]] = plan.pillars.enumerated().map { pi, pillar in
            let projects: [[String: Any]] = listProjects ? pillar.projects.map { _ in
                defer { projectPosition += 1 }
                return ViewModels.projectSummary(projectPosition, c)
            } : []
            let pr = c.assessment.pillars[pi]
            return ["id": pillar.id, "title": pillar.title[c.language], "link": "/pillars/\(pillar.id)\(c.qs)",
                    "projects": projects, "bar": ViewModels.statusBar(pr, c, legend: true),
                    "project_count": c.catalog.format("pillar_projects", ["count": c.count(pillar.projects.count)]),
                    "on_track": c.ko ? "순항·달성 \(pr.onTrack)/\(pr.assessable)" : "\(pr.onTrack) of \(pr.assessable) on track or achieved"]
        }
        let home: [String: Any] = [
            "period": c.ko ? "\(plan.start.start.year)~\(plan.end.end.year)년" : "\(plan.start.start.year)–\(plan.end.end.year)",
            "structure": c.catalog.format("home_structure", ["pillars": String(plan.pillars.count), "projects": String(plan.projects.count)]),
            "summary": c.text(plan.summary) ?? "",
            "plan_source": c.text(plan.source) ?? "",
            "plan_source_url": plan.sourceURL ?? "",
            "plan_revision": plan.revision.map { r in
                c.catalog.format("home_revision_in_force", ["title": r.title[c.language], "date": c.day(r.effective)])
            } ?? "",
            "commitments": commitments,
            "commitments_note": PlanCommitmentCards.note(c),
            "executed": c.reached(c.money(r.budgetExecutedToDate), reported: c.reported(budgetOf: c.index.projects.indices)),
            "execution_rate": c.percent(r.budgetExecutionRate),
            "jobs_created": c.reached(c.jobs(r.jobsToDate), reported: c.reported(jobsOf: c.index.projects.indices)),
            "status_counts": ViewModels.statusCounts(r, c),
            "status_bar": ViewModels.statusBar(r, c),
            "share": c.percent(r.shareOnTrack),
            "assessable": r.assessable,
            "on_track": r.onTrack,
            "has_assessable": r.assessable > 0,
            "pillars": pillars,
            "slipping": Array(slipping),
            "has_slipping": !slipping.isEmpty,
            "slipping_count": c.count(slippingCount),
            "late_tasks": Array(late),
            "has_late": !late.isEmpty,
            "late_count": c.count(lateCount),
            "list_projects": listProjects,
            "missed_earlier": r.missedMilestones,
        ]
        var values = home
        if let ending = PlanEndingView.fields(c) { values["ended"] = ending }
        let all = c.catalog.format("see_all", ["count": c.count(slippingCount)])
        if slippingCount > shown { values["slipping_more"] = ["link": SlippingPage.link(.indicators, page: 1, c), "label": all] }
        if lateCount > shown {
            values["late_more"] = ["link": SlippingPage.link(.tasks, page: 1, c), "label": c.catalog.format("see_all", ["count": c.count(lateCount)])]
        }
        return c.layout(title: c.catalog["home_title"], page: "home").merging(values).merging(ChartFiles.page(.plan, c))
    }
}
