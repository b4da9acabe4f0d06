import PlanCore

/// The home page's money and jobs: the plan's own announced commitments (the headline figures)
/// in the version in force, each beside the original promise where a revision changed it and
/// judged against both; or, for a plan that announces none, the sums of its projects'.
enum PlanCommitmentCards {
    static func cards(_ c: PageContext) -> [[String: Any]] {
        let plan = c.plan
        let original = c.model.history.original.plan
        let announced = !plan.budget.isEmpty || !plan.jobs.isEmpty
        let totals = PlanTotals(plan)
        let budget = announced ? plan.budget : totals.budget
        let jobs = announced ? plan.jobs : totals.jobs
        let periods = Set(budget.map(\.by) + jobs.map(\.by)).sorted()
        return periods.map { by in
            let b = budget.first { $0.by == by }
            let j = jobs.first { $0.by == by }
            var card: [String: Any] = [
                "by": c.catalog.format("budget_by", ["year": String(by.year)]),
                "total_cost": b?.totalCost.map(c.money) ?? c.catalog["not_given"],
                "treasury": b.map { $0.treasury ?? $0.amount }.flatMap { $0 }.map(c.money) ?? c.catalog["not_given"],
                "jobs": j.map { c.jobs($0.count) } ?? c.catalog["not_given"],
            ]
            guard announced else { return card }
            let ob = original.budget.first { $0.by == by }, oj = original.jobs.first { $0.by == by }
            var was: [String] = []
            if ob != b, let ob { was.append(CommitmentText.money(ob, c)) }
            if oj?.count != j?.count, let oj { was.append(c.catalog["jobs"] + " " + c.jobs(oj.count)) }
            if !was.isEmpty {
                card["original"] = c.catalog.format("original_promise", ["date": c.day(c.model.history.original.effective), "what": was.joined(separator: ", ")])
                card["revisions_link"] = "/revisions\(c.qs)"
            }
            if by == c.view.planBudget?.milestone, let a = c.view.planBudget {
                card["budget_status"] = c.status(a.status)
                if let o = c.view.originalPlanBudget, o.milestone == by { card["original_budget_status"] = c.status(o.status) }
            }
            return card
        }
    }

    /// Where the figures come from: the plan's announcement, or the sum of its projects.
    static func note(_ c: PageContext) -> String {
        c.plan.budget.isEmpty && c.plan.jobs.isEmpty ? c.catalog["commitments_summed"] : c.catalog["commitments_announced"]
    }
}
