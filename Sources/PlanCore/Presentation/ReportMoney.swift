/// The review's fourth part: each project's budget and jobs against the commitment in force, with
/// the plan's totals. A total of nothing reported is said as such, never as zero.
enum ReportMoney {
    static func append(to doc: inout ReportDocument, _ a: PlanAssessment, index: PlanIndex, language l: Language) {
        let ko = l == .ko
        let notReported = ko ? "보고 없음" : "not reported"
        doc.blocks.append(.heading(1, ko ? "Ⅳ. 예산과 일자리" : "IV. Budget and jobs"))
        doc.blocks.append(.paragraph(ko
            ? "계획은 현재 목표 시점까지의 누계(국고 기준, 국고가 정해지지 않은 사업은 총사업비)이며, 집행·창출은 승인된 실적의 누계임."
            : "Commitments are cumulative to the current milestone (treasury funds, or total cost where no treasury share was set); executed and created are the approved figures to date."))

        func committed(_ c: CommitmentAssessment, _ format: (Int64) -> String) -> String {
            guard let amount = c.committed else { return "–" }
            guard let by = c.milestone else { return format(amount) }
            return ko ? "\(format(amount))(\(by.end.year)년까지)" : "\(format(amount)) (by \(by.end.year))"
        }
        let money = { (x: Int64) in QuarterlyReport.money(x, l) }, jobs = { (x: Int64) in QuarterlyReport.jobs(x, l) }

        doc.blocks.append(.heading(2, ko ? "사업비" : "Budget"))
        var budgetRows: [[String]] = index.projects.indices.map { p in
            let b = a.budget[p]
            let reported = !b.years.isEmpty
            return ["\(index.projects[p].id) \(index.projects[p].title[l])", committed(b.progress, money),
                    reported ? money(b.allocatedToDate) : notReported, reported ? money(b.executedToDate) : notReported,
                    reported ? QuarterlyReport.percent(b.executionRate) : "–", b.progress.status.label(l)]
        }
        let anyBudget = a.budget.contains { !$0.years.isEmpty }
        budgetRows.append([ko ? "합계" : "Total", money(a.plan.budgetCommitted), anyBudget ? money(a.plan.budgetAllocatedToDate) : notReported,
                           anyBudget ? money(a.plan.budgetExecutedToDate) : notReported, anyBudget ? QuarterlyReport.percent(a.plan.budgetExecutionRate) : "–", ""])
        doc.blocks.append(.table(ko ? ["프로젝트", "계획", "배정 누계", "집행 누계", "집행률", "판정"]
                                    : ["Project", "Committed", "Allocated", "Executed", "Execution rate", "Verdict"], budgetRows))

        doc.blocks.append(.heading(2, ko ? "일자리" : "Jobs"))
        var jobRows: [[String]] = index.projects.indices.map { p in
            let j = a.jobs[p]
            return ["\(index.projects[p].id) \(index.projects[p].title[l])", committed(j.progress, jobs),
                    j.years.isEmpty ? notReported : jobs(j.progress.toDate), j.progress.status.label(l)]
        }
        let anyJobs = a.jobs.contains { !$0.years.isEmpty }
        jobRows.append([ko ? "합계" : "Total", jobs(a.plan.jobsCommitted), anyJobs ? jobs(a.plan.jobsToDate) : notReported, ""])
        doc.blocks.append(.table(ko ? ["프로젝트", "계획", "창출 누계", "판정"] : ["Project", "Committed", "Created", "Verdict"], jobRows))
    }
}
