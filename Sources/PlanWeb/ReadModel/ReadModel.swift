import Foundation
import PlanCore

/// The published state the public pages and the API are rendered from: the plan, every approved
/// fact, and the assessment as of today, computed once when data is published, never per request
/// (DHIS2's analytics tables, Open SDG's prebuilt site).
///
/// A snapshot is immutable; a newer one replaces it whole. `version` rises with every rebuild and
/// is part of every ETag, so caches and clients see a change as soon as it is published.
public final class ReadModel: Sendable {
    public let version: Int
    public let builtAt: Timestamp
    public let plan: Plan
    public let index: PlanIndex
    /// The approved budget, jobs and task reports. Observations are not kept here but only in
    /// `observations`, in compact columns, and adding an approval copies none of them.
    public let reports: FactSet
    public let observations: ObservationTable
    public let today: AsOf
    public let assessment: PlanAssessment
    /// Set when sample (demo) values are loaded, so every page says they are not real.
    public let hasSampleData: Bool
    /// Set when the published outcomes are loaded, so every page says where its figures come from.
    public let hasPublishedOutcomes: Bool
    public let search: SearchIndex

    public init(version: Int, plan: Plan, facts: consuming FactSet, today: CalendarDay, builtAt: Timestamp = .now) {
        self.version = version
        self.builtAt = builtAt
        self.plan = plan
        let index = PlanIndex(plan)
        self.index = index
        hasSampleData = Self.isSample(facts)
        hasPublishedOutcomes = facts.observations.anyRecorded(by: PublishedOutcomes.actor)
        reports = FactSet(budget: facts.budget, jobs: facts.jobs, taskStatuses: facts.taskStatuses)
        // The observations are moved into the table, which groups them in place.
        var facts = consume facts
        let log = facts.observations
        facts.observations = []
        observations = ObservationTable(consume log, index: index)
        self.today = AsOf(today)
        assessment = Assessor.assess(index, observations: observations, facts: reports, asOf: AsOf(today))
        search = SearchIndex(plan)
    }

    private init(version: Int, builtAt: Timestamp, previous: ReadModel, reports: FactSet, observations: ObservationTable, today: AsOf,
                 assessment: PlanAssessment, hasSampleData: Bool, hasPublishedOutcomes: Bool) {
        self.version = version
        self.builtAt = builtAt
        plan = previous.plan
        index = previous.index
        self.reports = reports
        self.observations = observations
        self.today = today
        self.assessment = assessment
        self.hasSampleData = hasSampleData
        self.hasPublishedOutcomes = hasPublishedOutcomes
        search = previous.search
    }

    /// Every approved fact, observations in id order: for the open-data downloads.
    public var facts: FactSet {
        var all = reports
        all.observations = observations.all
        return all
    }

    /// Every approved observation of an indicator (all revisions), by period then as recorded:
    /// the table of values.
    public func history(of indicatorId: String) -> [Observation] {
        index.indicatorIndex[indicatorId].map { observations.history(of: $0) } ?? []
    }

    /// The same facts judged as of a new day: when the Korean calendar day turns, only the
    /// assessment is computed again.
    public func forDay(_ day: CalendarDay, version: Int) -> ReadModel {
        let today = AsOf(day)
        return ReadModel(version: version, builtAt: .now, previous: self, reports: reports, observations: observations,
                         today: today, assessment: Assessor.assess(index, observations: observations, facts: reports, asOf: today),
                         hasSampleData: hasSampleData, hasPublishedOutcomes: hasPublishedOutcomes)
    }

    /// This model with newly approved facts added: the plan, its index and search stay shared,
    /// and only the indicators, projects and tasks the facts are about are judged again, so an
    /// approval is public in milliseconds however large the plan. Facts the model already holds
    /// (by id) are left out, so a fact reported twice by overlapping reads is counted once.
    public func adding(_ delta: FactSet, version: Int, builtAt: Timestamp = .now) -> ReadModel {
        let known = (budget: Set(reports.budget.map(\.record.id)), jobs: Set(reports.jobs.map(\.record.id)),
                     tasks: Set(reports.taskStatuses.map(\.record.id)))
        var added = FactSet()
        added.budget = delta.budget.filter { !known.budget.contains($0.record.id) }
        added.jobs = delta.jobs.filter { !known.jobs.contains($0.record.id) }
        added.taskStatuses = delta.taskStatuses.filter { !known.tasks.contains($0.record.id) }
        let observations = self.observations.adding(delta.observations, index: index)
        guard added.count > 0 || observations.count != self.observations.count else { return self }
        let touchedIndicators = Set(delta.observations.compactMap { index.indicatorIndex[$0.indicatorId] })

        var reports = self.reports
        reports.budget += added.budget
        reports.jobs += added.jobs
        reports.taskStatuses += added.taskStatuses
        let touchedProjects = Set((added.budget.map(\.projectId) + added.jobs.map(\.projectId)).compactMap { index.projectIndex[$0] })
        let touchedTasks = Set(added.taskStatuses.compactMap { index.taskIndex[$0.taskId] })
        let assessment = Assessor.reassess(self.assessment, index, observations: observations, facts: reports, indicators: touchedIndicators,
                                           projects: touchedProjects, tasks: touchedTasks)
        return ReadModel(version: version, builtAt: builtAt, previous: self, reports: reports, observations: observations,
                         today: today, assessment: assessment, hasSampleData: hasSampleData || Self.isSample(FactSet(observations: delta.observations, budget: added.budget)),
                         hasPublishedOutcomes: hasPublishedOutcomes || delta.observations.anyRecorded(by: PublishedOutcomes.actor))
    }

    private static func isSample(_ facts: FactSet) -> Bool {
        facts.observations.anyRecorded(by: DemoData.actor) || facts.budget.contains { $0.record.recordedBy == DemoData.actor }
    }

    /// The assessment as of another day, from the same facts (no database involved).
    public func assessment(asOf day: CalendarDay) -> PlanAssessment {
        day == today.day ? assessment : Assessor.assess(index, observations: observations, facts: reports, asOf: AsOf(day))
    }
}

/// Names the sample values `planwatch serve --demo` loads, so they can be recognised and labelled.
public enum DemoData {
    public static let actor = "system:demo"
}
