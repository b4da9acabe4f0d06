/// Sums and counts across a plan: what `plan show`, the dashboard and exports print as totals.
///
/// Budgets and jobs are summed per commitment year from the projects' own (rounded) figures,
/// so the totals are exactly what a reader adding up the plan's lines would get.
public struct PlanTotals: Sendable, Hashable {
    public var budget: [BudgetCommitment]
    public var jobs: [JobsCommitment]
    public var indicatorRows: Int
    public var indicators: Int
    public var tableIndicators: Int
    public var tasks: Int
    public var investments: Int
    public var reforms: Int
    public var distinctLaws: Int

    public init(_ plan: Plan) {
        self.init(projects: plan.projects)
    }

    public init(projects: [Project]) {
        var budgetByYear: [Period: (Int64, Int64?)] = [:]
        var jobsByYear: [Period: Int64] = [:]
        for p in projects {
            for b in p.budget {
                let prev = budgetByYear[b.by]
                let treasury: Int64? = switch (prev?.1, b.treasury) {
                case (nil, nil): nil
                case let (a, c): (a ?? 0) + (c ?? 0)
                }
                budgetByYear[b.by] = ((prev?.0 ?? 0) + (b.totalCost ?? b.amount ?? 0), prev == nil ? b.treasury : treasury)
            }
            for j in p.jobs { jobsByYear[j.by, default: 0] += j.count }
        }
        budget = budgetByYear.keys.sorted().map { BudgetCommitment(by: $0, totalCost: budgetByYear[$0]!.0, treasury: budgetByYear[$0]!.1) }
        jobs = jobsByYear.keys.sorted().map { JobsCommitment(by: $0, count: jobsByYear[$0]!) }
        indicatorRows = projects.reduce(0) { $0 + $1.indicatorRowCount }
        tableIndicators = projects.reduce(0) { $0 + $1.indicators.count }
        indicators = projects.reduce(0) { $0 + $1.allIndicators.count }
        let tasks = projects.flatMap(\.tasks)
        self.tasks = tasks.count
        investments = tasks.filter { $0.kind == .investment }.count
        reforms = tasks.filter { $0.kind == .reform }.count
        distinctLaws = Set(tasks.flatMap { $0.laws.map(\.name.ko) }).count
    }
}
