import PlanCore

/// `/pillars/{id}` and `/projects/{id}`: budget and jobs planned against actual, every indicator
/// with its status and a small chart, and the tasks and reforms with theirs.
enum ProjectPages {
    static func pillar(_ id: String, _ c: PageContext) -> [String: Any]? {
        guard let pi = c.plan.pillars.firstIndex(where: { $0.id == id }) else { return nil }
        let pillar = c.plan.pillars[pi]
        let first = c.plan.pillars[..<pi].reduce(0) { $0 + $1.projects.count }
        let projects = pillar.projects.indices.map { ViewModels.projectSummary(first + $0, c) }
        let r = c.assessment.pillars[pi]
        // Budget and jobs of each project: the latest commitment against what is reached to date.
        let money: [[String: Any]] = pillar.projects.indices.map { k in
            let position = first + k
            let p = c.index.projects[position]
            let budget = c.assessment.budget[position], jobs = c.assessment.jobs[position]
            return [
                "id": p.id, "title": p.title[c.language], "link": "/projects/\(p.id)\(c.qs)",
                "committed": committed(budget.progress, c, c.money),
                "executed": c.reached(c.money(budget.executedToDate), reported: !budget.years.isEmpty), "budget_status": c.status(budget.progress.status),
                "jobs_committed": committed(jobs.progress, c, c.jobs),
                "jobs_to_date": c.reached(c.jobs(jobs.progress.toDate), reported: !jobs.years.isEmpty), "jobs_status": c.status(jobs.progress.status),
            ]
        }
        let positions = first..<(first + pillar.projects.count)
        let budgetReported = c.reported(budgetOf: positions), jobsReported = c.reported(jobsOf: positions)
        let page: [String: Any] = [
            "money": money,
            "total_committed": c.money(r.budgetCommitted), "total_executed": c.reached(c.money(r.budgetExecutedToDate), reported: budgetReported),
            "total_jobs_committed": c.jobs(r.jobsCommitted), "total_jobs": c.reached(c.jobs(r.jobsToDate), reported: jobsReported),
            "budget_chart": SiteCharts.chart("budget", .pillar(pi), c)?.drawing ?? "",
            "jobs_chart": SiteCharts.chart("jobs", .pillar(pi), c)?.drawing ?? "",
            "id": pillar.id, "heading": pillar.title[c.language], "summary": c.text(pillar.summary) ?? "",
            "projects": projects, "status_counts": ViewModels.statusCounts(r, c), "status_bar": ViewModels.statusBar(r, c),
            "share": c.percent(r.shareOnTrack),
        ]
        var items: Set<PlanChange.Item> = [.pillar(pillar.id)]
        for project in pillar.projects { items.insert(.project(project.id)) }
        var record = RevisionsPage.noticeFields(items, c)
        if let own = pillar.budget.last {
            record["own_budget"] = [
                "text": c.catalog.format("pillar_own_budget", ["by": own.by.text(c.language), "money": CommitmentText.money(own, c)]),
                "status": c.view.pillarBudget[pi].map { c.status($0.status) } as Any,
                "note": c.text(own.note) ?? "",
            ]
        }
        return c.layout(title: "\(pillar.id). \(pillar.title[c.language])", page: "pillar").merging(page).merging(record).merging(ChartFiles.page(.pillar(pi), c))
    }

    /// "6.4조원 (2025년까지)": the commitment in force and its deadline.
    static func committed(_ a: CommitmentAssessment, _ c: PageContext, _ format: (Int64) -> String) -> String {
        guard let amount = a.committed else { return "–" }
        guard let by = a.milestone else { return format(amount) }
        return "\(format(amount))\(c.ko ? "" : " ")(\(c.catalog.format("by_year_inline", ["year": String(by.end.year)])))"
    }

    static func project(_ id: String, _ c: PageContext) -> [String: Any]? {
        guard let position = c.index.projectIndex[id] else { return nil }
        let p = c.index.projects[position]
        let pillar = c.plan.pillars[c.index.pillarOfProject[position]]
        let budget = c.assessment.budget[position]
        let jobs = c.assessment.jobs[position]
        let r = c.assessment.projects[position]
        let tableIndicators = c.index.indicators.indices.filter { c.index.projectOfIndicator[$0] == position && c.index.taskOfIndicator[$0] == nil }
        let tasks = c.index.tasks.indices.filter { c.index.projectOfTask[$0] == position }
        let page: [String: Any] = [
            "id": p.id,
            "heading": p.title[c.language],
            "pillar": ["id": pillar.id, "title": pillar.title[c.language], "link": "/pillars/\(pillar.id)\(c.qs)"],
            "overview": c.text(p.summary) ?? "",
            "situation": c.text(p.situation) ?? "",
            "vision": c.text(p.vision) ?? "",
            "commitments": p.budget.map { b in
                [
                    "by": c.catalog.format("budget_by", ["year": String(b.by.year)]),
                    "total_cost": b.totalCost.map(c.money) ?? c.catalog["not_given"],
                    "treasury": b.treasury.map(c.money) ?? "–",
                    "jobs": p.jobs.first { $0.by == b.by }.map { c.jobs($0.count) } ?? "–",
                ]
            },
            // Budget and jobs: each commitment beside what had been reached by its year.
            "budget_chart": SiteCharts.chart("budget", .project(position), c)?.drawing ?? "",
            "jobs_chart": SiteCharts.chart("jobs", .project(position), c)?.drawing ?? "",
            "budget_years": budget.years.map { y in
                ["year": c.catalog.format("year_label", ["year": String(y.fiscalYear)]), "allocated": c.money(y.allocated), "executed": c.money(y.executed), "rate": c.percent(y.rate)]
            },
            "has_budget_years": !budget.years.isEmpty,
            "budget_status": c.status(budget.progress.status),
            "budget_explanation": AssessmentExplanation.budget(budget, c.language),
            "jobs_status": c.status(jobs.progress.status),
            "jobs_explanation": AssessmentExplanation.commitment(jobs.progress, kind: .jobs, c.language),
            "status_counts": ViewModels.statusCounts(r, c),
            "status_bar": ViewModels.statusBar(r, c),
            "share": c.percent(r.shareOnTrack),
            "indicators": tableIndicators.map { ViewModels.indicatorRow($0, c) },
            "investments": tasks.filter { c.index.tasks[$0].kind == .investment }.map { ViewModels.taskRow($0, c) },
            "reforms": tasks.filter { c.index.tasks[$0].kind == .reform }.map { ViewModels.taskRow($0, c) },
        ]
        var items: Set<PlanChange.Item> = [.project(p.id)]
        for i in p.allIndicators { items.insert(.indicator(i.id)) }
        for t in p.tasks { items.insert(.task(t.id)) }
        return c.layout(title: "\(p.id) \(p.title[c.language])", page: "project").merging(page)
            .merging(RevisionsPage.noticeFields(items, c)).merging(ChartFiles.page(.project(position), c))
    }
}
