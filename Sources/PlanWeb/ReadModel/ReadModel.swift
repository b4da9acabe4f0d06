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
        history = Dictionary(grouping: facts.observations, by: \.indicatorId)
            .mapValues { $0.sorted { ($0.period, $0.record.recordedAt.seconds, $0.record.id) < ($1.period, $1.record.recordedAt.seconds, $1.record.id) } }
        self.today = AsOf(today)
        assessment = Assessor.assess(index, observations: observations, facts: facts, asOf: AsOf(today))
        hasSampleData = facts.observations.contains { $0.record.recordedBy == DemoData.actor }
            || facts.budget.contains { $0.record.recordedBy == DemoData.actor }
        search = SearchIndex(plan)
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
