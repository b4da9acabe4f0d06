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
    public let facts: FactSet
    public let observations: ObservationTable
    /// Approved observations of each indicator (all revisions), for the table of values.
    public let history: [String: [Observation]]
    public let today: AsOf
    public let assessment: PlanAssessment
    /// Set when sample (demo) values are loaded, so every page says they are not real.
    public let hasSampleData: Bool
    public let search: SearchIndex

    public init(version: Int, plan: Plan, facts: FactSet, today: CalendarDay, builtAt: Timestamp = .now) {
        self.version = version
        self.builtAt = builtAt
        self.plan = plan
        let index = PlanIndex(plan)
        self.index = index
        self.facts = facts
        observations = ObservationTable(facts.observations, index: index)
        history = Dictionary(grouping: facts.observations, by: \.indicatorId).mapValues(Self.inHistoryOrder)
        self.today = AsOf(today)
        assessment = Assessor.assess(index, observations: observations, facts: facts, asOf: AsOf(today))
        hasSampleData = Self.isSample(facts)
        search = SearchIndex(plan)
    }

    private init(version: Int, builtAt: Timestamp, previous: ReadModel, facts: FactSet, observations: ObservationTable,
                 history: [String: [Observation]], assessment: PlanAssessment, hasSampleData: Bool) {
        self.version = version
        self.builtAt = builtAt
        plan = previous.plan
        index = previous.index
        self.facts = facts
        self.observations = observations
        self.history = history
        today = previous.today
        self.assessment = assessment
        self.hasSampleData = hasSampleData
        search = previous.search
    }

    /// This model with newly approved facts added: the plan, its index and search stay shared,
    /// and only the indicators, projects and tasks the facts are about are judged again, so an
    /// approval is public in milliseconds however large the plan. Facts the model already holds
    /// (by id) are left out, so a fact reported twice by overlapping reads is counted once.
    public func adding(_ delta: FactSet, version: Int, builtAt: Timestamp = .now) -> ReadModel {
        var added = FactSet()
        var history = self.history
        var touchedIndicators: Set<Int> = []
        for o in delta.observations where !(history[o.indicatorId] ?? []).contains(where: { $0.record.id == o.record.id }) {
            added.observations.append(o)
            history[o.indicatorId, default: []].append(o)
            if let i = index.indicatorIndex[o.indicatorId] { touchedIndicators.insert(i) }
        }
        for id in Set(added.observations.map(\.indicatorId)) { history[id] = history[id].map(Self.inHistoryOrder) }
        let known = (budget: Set(facts.budget.map(\.record.id)), jobs: Set(facts.jobs.map(\.record.id)),
                     tasks: Set(facts.taskStatuses.map(\.record.id)))
        added.budget = delta.budget.filter { !known.budget.contains($0.record.id) }
        added.jobs = delta.jobs.filter { !known.jobs.contains($0.record.id) }
        added.taskStatuses = delta.taskStatuses.filter { !known.tasks.contains($0.record.id) }
        guard added.count > 0 else { return self }

        var facts = self.facts
        facts.observations += added.observations
        facts.budget += added.budget
        facts.jobs += added.jobs
        facts.taskStatuses += added.taskStatuses
        let observations = self.observations.adding(ObservationColumns(added.observations, index: index))
        let touchedProjects = Set((added.budget.map(\.projectId) + added.jobs.map(\.projectId)).compactMap { index.projectIndex[$0] })
        let touchedTasks = Set(added.taskStatuses.compactMap { index.taskIndex[$0.taskId] })
        let assessment = Assessor.reassess(self.assessment, index, observations: observations, facts: facts, indicators: touchedIndicators,
                                           projects: touchedProjects, tasks: touchedTasks)
        return ReadModel(version: version, builtAt: builtAt, previous: self, facts: facts, observations: observations, history: history,
                         assessment: assessment, hasSampleData: hasSampleData || Self.isSample(added))
    }

    private static func inHistoryOrder(_ observations: [Observation]) -> [Observation] {
        observations.sorted { ($0.period, $0.record.recordedAt.seconds, $0.record.id) < ($1.period, $1.record.recordedAt.seconds, $1.record.id) }
    }

    private static func isSample(_ facts: FactSet) -> Bool {
        facts.observations.contains { $0.record.recordedBy == DemoData.actor } || facts.budget.contains { $0.record.recordedBy == DemoData.actor }
    }

    /// The assessment as of another day, from the same facts (no database involved).
    public func assessment(asOf day: CalendarDay) -> PlanAssessment {
        day == today.day ? assessment : Assessor.assess(index, observations: observations, facts: facts, asOf: AsOf(day))
    }
}

/// Names the sample values `planwatch serve --demo` loads, so they can be recognised and labelled.
public enum DemoData {
    public static let actor = "system:demo"
}
