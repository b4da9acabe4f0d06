/// The whole plan judged as of one date: every indicator, budget, jobs commitment and task,
/// with roll-ups per project, pillar and plan.
public struct PlanAssessment: Sendable {
    /// Names the rules in `docs/method.md`; stored with every assessment.
    public static let methodVersion = "planwatch-method/3"

    public let planId: String
    public let asOf: AsOf
    /// In `PlanIndex.indicators` order.
    public var indicators: [IndicatorAssessment]
    /// In `PlanIndex.projects` order.
    public var budget: [BudgetAssessment]
    public var jobs: [JobsAssessment]
    /// In `PlanIndex.tasks` order.
    public var tasks: [TaskAssessment]
    public var projects: [RollUp]
    public var pillars: [RollUp]
    public var plan: RollUp
    /// Approved observations for indicators this plan does not have (kept, not assessed).
    public var unmatchedObservations: Int

    /// Indicators that are behind or failing, worst first, then in plan order.
    public var slippingIndicators: [Int] {
        indicators.indices.filter { indicators[$0].status.isSlipping }
            .sorted { (indicators[$0].status, $0) < (indicators[$1].status, $1) }
    }

    /// The status of a 성과지표 table row: the worst of its parts (a two-part cell such as 4개/1개),
    /// so a red part is never hidden behind a green one.
    public func rowStatus(_ rowKey: String, index: PlanIndex) -> IndicatorStatus? {
        let parts = index.indicators.indices.filter { index.indicators[$0].rowKey == rowKey }.map { indicators[$0].status }
        return parts.filter(\.isAssessable).min() ?? parts.min()
    }

    /// Tasks and reforms past their due period and not done (late or unreported), in plan order.
    public var lateTasks: [Int] { tasks.indices.filter { tasks[$0].status.isOverdue } }
}

/// Assessment is a pure function: (plan, facts known as of D) → `PlanAssessment`.
/// The same inputs give the same result, whatever order the facts come in.
public enum Assessor {
    public static func assess(_ index: PlanIndex, facts: FactSet, asOf: AsOf) -> PlanAssessment {
        assess(index, observations: ObservationTable(facts.observations, index: index), facts: facts, asOf: asOf)
    }

    /// Assesses with observations already grouped (so a server can build the table once).
    /// `slots` gives, for each indicator of `index`, its position in the table when the table was
    /// grouped by another version of the plan (`PlanHistory.factIndex`); nil when it is `index`'s own.
    public static func assess(_ index: PlanIndex, observations table: ObservationTable, facts: FactSet, asOf: AsOf,
                              slots: [Int]? = nil) -> PlanAssessment {
        var scratch: [Int] = []
        scratch.reserveCapacity(64)
        var indicators: [IndicatorAssessment] = []
        indicators.reserveCapacity(index.indicators.count)
        for i in index.indicators.indices {
            let series = table.series(for: slots?[i] ?? i, asOf: asOf, scratch: &scratch)
            indicators.append(IndicatorAssessor.assess(index.indicators[i], series: series, asOf: asOf))
        }

        let budgetByProject = Dictionary(grouping: facts.budget, by: \.projectId)
        let jobsByProject = Dictionary(grouping: facts.jobs, by: \.projectId)
        let statusByTask = Dictionary(grouping: facts.taskStatuses, by: \.taskId)
        let planStart = index.plan.start
        let budget = index.projects.map { BudgetAssessment.assess($0, facts: budgetByProject[$0.id] ?? [], planStart: planStart, asOf: asOf) }
        let jobs = index.projects.map { JobsAssessment.assess($0, facts: jobsByProject[$0.id] ?? [], planStart: planStart, asOf: asOf) }
        let tasks = index.tasks.map { TaskAssessment.assess($0, reports: statusByTask[$0.id] ?? [], asOf: asOf) }
        return rolledUp(index, asOf: asOf, indicators: indicators, budget: budget, jobs: jobs, tasks: tasks, unmatched: table.unmatchedCount)
    }

    /// `previous` with only what new facts touched judged again: the indicators at the given
    /// positions, the budget and jobs of the given projects, the given tasks; then the roll-ups.
    /// Gives what `assess` gives on the same inputs, at the cost of the touched parts alone.
    public static func reassess(_ previous: PlanAssessment, _ index: PlanIndex, observations table: ObservationTable, facts: FactSet,
                                indicators touchedIndicators: Set<Int>, projects touchedProjects: Set<Int>, tasks touchedTasks: Set<Int>,
                                slots: [Int]? = nil) -> PlanAssessment {
        let asOf = previous.asOf
        var scratch: [Int] = []
        var indicators = previous.indicators
        for i in touchedIndicators {
            indicators[i] = IndicatorAssessor.assess(index.indicators[i], series: table.series(for: slots?[i] ?? i, asOf: asOf, scratch: &scratch), asOf: asOf)
        }
        let planStart = index.plan.start
        var budget = previous.budget, jobs = previous.jobs, tasks = previous.tasks
        for p in touchedProjects {
            let project = index.projects[p]
            budget[p] = BudgetAssessment.assess(project, facts: facts.budget.filter { $0.projectId == project.id }, planStart: planStart, asOf: asOf)
            jobs[p] = JobsAssessment.assess(project, facts: facts.jobs.filter { $0.projectId == project.id }, planStart: planStart, asOf: asOf)
        }
        for t in touchedTasks {
            tasks[t] = TaskAssessment.assess(index.tasks[t], reports: facts.taskStatuses.filter { $0.taskId == index.tasks[t].id }, asOf: asOf)
        }
        return rolledUp(index, asOf: asOf, indicators: indicators, budget: budget, jobs: jobs, tasks: tasks, unmatched: table.unmatchedCount)
    }

    /// The roll-ups of projects, pillars and the plan over judged parts.
    private static func rolledUp(_ index: PlanIndex, asOf: AsOf, indicators: [IndicatorAssessment], budget: [BudgetAssessment],
                                 jobs: [JobsAssessment], tasks: [TaskAssessment], unmatched: Int) -> PlanAssessment {
        var projects = [RollUp](repeating: RollUp(), count: index.projects.count)
        for (i, a) in indicators.enumerated() { projects[index.projectOfIndicator[i]].add(a) }
        for (i, t) in tasks.enumerated() { projects[index.projectOfTask[i]].add(t) }
        for p in projects.indices {
            projects[p].add(budget: budget[p])
            projects[p].add(jobs: jobs[p])
        }
        var pillars = [RollUp](repeating: RollUp(), count: index.plan.pillars.count)
        for (p, r) in projects.enumerated() { pillars[index.pillarOfProject[p]].merge(r) }
        var plan = RollUp()
        for r in pillars { plan.merge(r) }
        return PlanAssessment(planId: index.plan.id, asOf: asOf, indicators: indicators, budget: budget, jobs: jobs,
                              tasks: tasks, projects: projects, pillars: pillars, plan: plan, unmatchedObservations: unmatched)
    }
}
