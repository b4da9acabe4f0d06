import PlanCore

/// The plan as it stood on one day: the version in force then, every commitment judged against
/// it, and, for each commitment a revision changed, the same facts judged against the original
/// promise too. Pages, the API and downloads for a date all read one of these, so the version in
/// force decides targets, budgets and structure everywhere alike.
public struct PlanView: Sendable {
    public let version: PlanHistory.Version
    /// For each indicator of the version, its position in the read model's observation table.
    public let slots: [Int]
    public let assessment: PlanAssessment
    /// Indicators (by position in the version) whose targets or baseline differ from the
    /// original plan's, judged against the original.
    public let againstOriginal: [Int: IndicatorAssessment]
    /// The plan's own and each pillar's budget and jobs commitments, judged (nil where none).
    public let planBudget: CommitmentAssessment?
    public let planJobs: CommitmentAssessment?
    public let pillarBudget: [CommitmentAssessment?]
    public let pillarJobs: [CommitmentAssessment?]
    /// The plan's own commitments judged against the original promise, where a revision changed them.
    public let originalPlanBudget: CommitmentAssessment?
    public let originalPlanJobs: CommitmentAssessment?
    /// Set once the plan has ended as of the view's day.
    public let ending: PlanEnding?
    /// The original plan, for what a revision changed.
    public let original: PlanHistory.Version

    public var plan: Plan { version.plan }
    public var index: PlanIndex { version.index }

    init(history: PlanHistory, version: PlanHistory.Version, slots: [Int], assessment: PlanAssessment, observations: ObservationTable) {
        self.version = version
        self.slots = slots
        self.assessment = assessment
        let original = history.original
        self.original = original
        var against: [Int: IndicatorAssessment] = [:]
        if version.number != original.number {
            var scratch: [Int] = []
            for (i, indicator) in version.index.indicators.enumerated() {
                guard let o = original.index.indicatorIndex[indicator.id] else { continue }
                let before = original.index.indicators[o]
                guard before.targets != indicator.targets || before.baseline != indicator.baseline else { continue }
                against[i] = IndicatorAssessor.assess(before, series: observations.series(for: slots[i], asOf: assessment.asOf, scratch: &scratch),
                                                      asOf: assessment.asOf)
            }
        }
        againstOriginal = against
        let plan = version.plan, index = version.index
        let all = index.projects.indices
        planBudget = AggregateCommitment.budget(plan.budget, projects: all, assessment: assessment, planStart: plan.start)
        planJobs = AggregateCommitment.jobs(plan.jobs, projects: all, assessment: assessment, planStart: plan.start)
        pillarBudget = plan.pillars.indices.map { pi in
            AggregateCommitment.budget(plan.pillars[pi].budget, projects: all.filter { index.pillarOfProject[$0] == pi }, assessment: assessment, planStart: plan.start)
        }
        pillarJobs = plan.pillars.indices.map { pi in
            AggregateCommitment.jobs(plan.pillars[pi].jobs, projects: all.filter { index.pillarOfProject[$0] == pi }, assessment: assessment, planStart: plan.start)
        }
        let changedBudget = original.plan.budget != plan.budget, changedJobs = original.plan.jobs != plan.jobs
        originalPlanBudget = changedBudget ? AggregateCommitment.budget(original.plan.budget, projects: all, assessment: assessment, planStart: plan.start) : nil
        originalPlanJobs = changedJobs ? AggregateCommitment.jobs(original.plan.jobs, projects: all, assessment: assessment, planStart: plan.start) : nil
        ending = history.ending(asOf: assessment.asOf.day)
    }

    /// The original plan's version of the indicator at `position`, if the original had it.
    public func originalIndicator(_ position: Int) -> Indicator? {
        original.index.indicator(version.index.indicators[position].id)
    }

    /// The series of the indicator at `position` of this version, as of the view's day.
    public func series(_ position: Int, in observations: ObservationTable, scratch: inout [Int]) -> [SeriesPoint] {
        observations.series(for: slots[position], asOf: assessment.asOf, scratch: &scratch)
    }

    /// Every approved value of the indicator at `position` (all revisions).
    public func history(_ position: Int, in observations: ObservationTable) -> [Observation] {
        observations.history(of: slots[position])
    }
}
