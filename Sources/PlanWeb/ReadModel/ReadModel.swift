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
    /// Every version of the plan, in the order they took effect.
    public let history: PlanHistory
    /// The version in force today: its plan and lookups are what reporting and today's pages use.
    public let current: PlanHistory.Version
    public var plan: Plan { current.plan }
    public var index: PlanIndex { current.index }
    /// The lookups the observations are grouped by: every indicator any version had.
    public let factIndex: PlanIndex
    /// For each indicator of `current`, its position in `factIndex`.
    let slots: [Int]
    /// The approved budget, jobs and task reports. Observations are not kept here but only in
    /// `observations`, in compact columns, and adding an approval copies none of them.
    public let reports: FactSet
    public let observations: ObservationTable
    public let today: AsOf
    public let assessment: PlanAssessment
    /// Today's view: `assessment` with the original promise and the plan's own commitments beside it.
    public let todayView: PlanView
    /// Set when sample (demo) values are loaded, so every page says they are not real.
    public let hasSampleData: Bool
    /// Set when the published outcomes are loaded, so every page says where its figures come from.
    public let hasPublishedOutcomes: Bool
    public let search: SearchIndex

    public convenience init(version: Int, plan: Plan, facts: consuming FactSet, today: CalendarDay, builtAt: Timestamp = .now) {
        self.init(version: version, history: PlanHistory(plan), facts: facts, today: today, builtAt: builtAt)
    }

    public init(version: Int, history: PlanHistory, facts: consuming FactSet, today: CalendarDay, builtAt: Timestamp = .now) {
        self.version = version
        self.builtAt = builtAt
        self.history = history
        let current = history.inForce(on: today)
        self.current = current
        let factIndex = history.factIndex
        self.factIndex = factIndex
        let slots = history.slots(of: current, in: factIndex)
        self.slots = slots
        hasSampleData = Self.isSample(facts)
        hasPublishedOutcomes = facts.observations.anyRecorded(by: PublishedOutcomes.actor)
        reports = FactSet(budget: facts.budget, jobs: facts.jobs, taskStatuses: facts.taskStatuses)
        // The observations are moved into the table, which groups them in place.
        var facts = consume facts
        let log = facts.observations
        facts.observations = []
        let observations = ObservationTable(consume log, index: factIndex)
        self.observations = observations
        self.today = AsOf(today)
        let assessment = Assessor.assess(current.index, observations: observations, facts: reports, asOf: AsOf(today), slots: slots)
        self.assessment = assessment
        todayView = PlanView(history: history, version: current, slots: slots, assessment: assessment, observations: observations)
        search = SearchIndex(current.plan)
    }

    private init(version: Int, builtAt: Timestamp, previous: ReadModel, current: PlanHistory.Version, slots: [Int], reports: FactSet,
                 observations: ObservationTable, today: AsOf, assessment: PlanAssessment, hasSampleData: Bool, hasPublishedOutcomes: Bool) {
        self.version = version
        self.builtAt = builtAt
        history = previous.history
        self.current = current
        factIndex = previous.factIndex
        self.slots = slots
        self.reports = reports
        self.observations = observations
        self.today = today
        self.assessment = assessment
        todayView = PlanView(history: previous.history, version: current, slots: slots, assessment: assessment, observations: observations)
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
        factIndex.indicatorIndex[indicatorId].map { observations.history(of: $0) } ?? []
    }

    /// The same facts judged as of a new day: when the Korean calendar day turns, only the
    /// assessment is computed again.
    public func forDay(_ day: CalendarDay, version: Int) -> ReadModel {
        let today = AsOf(day)
        let current = history.inForce(on: day)
        let slots = current.number == self.current.number ? self.slots : history.slots(of: current, in: factIndex)
        return ReadModel(version: version, builtAt: .now, previous: self, current: current, slots: slots, reports: reports, observations: observations,
                         today: today, assessment: Assessor.assess(current.index, observations: observations, facts: reports, asOf: today, slots: slots),
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
        let observations = self.observations.adding(delta.observations, index: factIndex)
        guard added.count > 0 || observations.count != self.observations.count else { return self }
        let touchedIndicators = Set(delta.observations.compactMap { index.indicatorIndex[$0.indicatorId] })

        var reports = self.reports
        reports.budget += added.budget
        reports.jobs += added.jobs
        reports.taskStatuses += added.taskStatuses
        let touchedProjects = Set((added.budget.map(\.projectId) + added.jobs.map(\.projectId)).compactMap { index.projectIndex[$0] })
        let touchedTasks = Set(added.taskStatuses.compactMap { index.taskIndex[$0.taskId] })
        let assessment = Assessor.reassess(self.assessment, index, observations: observations, facts: reports, indicators: touchedIndicators,
                                           projects: touchedProjects, tasks: touchedTasks, slots: slots)
        return ReadModel(version: version, builtAt: builtAt, previous: self, current: current, slots: slots, reports: reports, observations: observations,
                         today: today, assessment: assessment, hasSampleData: hasSampleData || Self.isSample(FactSet(observations: delta.observations, budget: added.budget)),
                         hasPublishedOutcomes: hasPublishedOutcomes || delta.observations.anyRecorded(by: PublishedOutcomes.actor))
    }

    private static func isSample(_ facts: FactSet) -> Bool {
        facts.observations.anyRecorded(by: DemoData.actor) || facts.budget.contains { $0.record.recordedBy == DemoData.actor }
    }

    /// The plan as of another day, from the same facts (no database involved): the version in
    /// force that day, judged.
    public func view(asOf day: CalendarDay) -> PlanView {
        guard day != today.day else { return todayView }
        let version = history.inForce(on: day)
        let slots = version.number == current.number ? self.slots : history.slots(of: version, in: factIndex)
        let assessment = Assessor.assess(version.index, observations: observations, facts: reports, asOf: AsOf(day), slots: slots)
        return PlanView(history: history, version: version, slots: slots, assessment: assessment, observations: observations)
    }

    /// The assessment as of another day (see `view(asOf:)`).
    public func assessment(asOf day: CalendarDay) -> PlanAssessment { view(asOf: day).assessment }
}

/// Names the sample values `planwatch serve --demo` loads, so they can be recognised and labelled.
public enum DemoData {
    public static let actor = "system:demo"
}
