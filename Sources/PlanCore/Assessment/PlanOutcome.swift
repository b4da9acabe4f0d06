/// How a plan ended: each commitment achieved, missed, or not assessable for lack of published
/// data, counted per project, pillar and plan. Read once every target has fallen due, it is the
/// first thing a reader asks of a finished plan; the verdicts are the method's final ones, so
/// the same facts and date always give the same account.
public struct PlanOutcome: Sendable {
    /// The four answers for a finished commitment.
    public enum Verdict: String, Sendable, CaseIterable {
        case achieved, missed, notAssessable, reported

        /// A final target's status, as a finished commitment's verdict.
        public init(_ status: IndicatorStatus) {
            switch status {
            case .achieved: self = .achieved
            case .missed: self = .missed
            case .reported: self = .reported
            case .onTrack, .moderateProgress, .insufficientProgress, .movingAway, .notYetAssessable, .tooEarly: self = .notAssessable
            }
        }
    }

    public struct Counts: Sendable, Hashable {
        private var counts: [Verdict: Int] = [:]

        public init() {}

        public subscript(_ v: Verdict) -> Int {
            get { counts[v, default: 0] }
            set { counts[v] = newValue }
        }

        public var achieved: Int { self[.achieved] }
        public var missed: Int { self[.missed] }
        public var notAssessable: Int { self[.notAssessable] }
        public var reported: Int { self[.reported] }
        public var total: Int { counts.values.reduce(0, +) }

        mutating func merge(_ other: Counts) {
            counts.merge(other.counts, uniquingKeysWith: +)
        }
    }

    /// Whether every target of the plan has fallen due as of the assessment's date.
    public let hasEnded: Bool
    /// Final targets, each indicator's last.
    public let plan: Counts
    public let pillars: [Counts]
    /// In `PlanIndex.projects` order.
    public let projects: [Counts]
    /// Earlier milestones (the 2022 targets of a plan to 2025), apart from the final targets.
    public let milestones: Counts
    /// Each indicator's final verdict, in `PlanIndex.indicators` order.
    public let verdicts: [Verdict]

    public init(_ a: PlanAssessment, index: PlanIndex) {
        hasEnded = a.asOf.day > index.plan.end.end
        var projects = [Counts](repeating: Counts(), count: index.projects.count)
        var milestones = Counts()
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(a.indicators.count)
        for (i, ia) in a.indicators.enumerated() {
            let v = Verdict(ia.status)
            verdicts.append(v)
            projects[index.projectOfIndicator[i]][v] += 1
            for m in ia.passedMilestones { milestones[Verdict(m.status)] += 1 }
        }
        var pillars = [Counts](repeating: Counts(), count: index.plan.pillars.count)
        for (p, c) in projects.enumerated() { pillars[index.pillarOfProject[p]].merge(c) }
        var plan = Counts()
        for c in pillars { plan.merge(c) }
        self.projects = projects
        self.pillars = pillars
        self.plan = plan
        self.milestones = milestones
        self.verdicts = verdicts
    }
}
