/// How a plan ended, target by target: what was settled before it stopped being pursued, what it
/// left behind, and what the published figures say of each. Korea's Digital New Deal ran to 2025
/// on paper but ended in September 2022; counting its 2025 targets as "achieved" or "missed" as if
/// anyone had pursued them would mislead, and so would leading with "0 missed" while the latest
/// figures of many targets are far short. Every numeric target is counted once, in one group.
public struct PlanEndingSummary: Sendable {
    /// When a target fell due relative to the end.
    public enum Timing: String, Sendable, CaseIterable {
        /// On or before the day the plan ended: it was judged while the plan ran.
        case dueBeforeEnd
        /// After it: the plan left it behind (taken up by a successor, or orphaned).
        case dueAfterEnd
    }

    /// What the record says of a target.
    public enum Verdict: String, Sendable, CaseIterable {
        /// Settled by the method: met.
        case achieved
        /// Settled by the method: not met.
        case missed
        /// Not settled, but the latest published value meets the target.
        case evidenceMet
        /// Not settled, and the latest published value falls short (see `TargetEvidence`).
        case evidenceShort
        /// No published value after the baseline, or only values counted on another basis (shown as evidence, settling nothing).
        case noFigure
        /// A qualitative target: reported in words, never computed.
        case reported
    }

    public struct Item: Sendable {
        /// Position of the indicator in `PlanIndex.indicators`.
        public let position: Int
        public let target: Target
        public let timing: Timing
        public let verdict: Verdict
        /// The successor plan took up the indicator's aim.
        public let continued: Bool
        /// The value a method verdict rests on.
        public let value: Double?
        public let valuePeriod: Period?
        public let factId: Int64?
        public let evidence: TargetEvidence?
    }

    public struct Counts: Sendable, Hashable {
        private var counts: [Verdict: Int] = [:]

        public init() {}

        public subscript(_ v: Verdict) -> Int {
            get { counts[v, default: 0] }
            set { counts[v] = newValue }
        }

        public var total: Int { counts.values.reduce(0, +) }

        mutating func merge(_ other: Counts) { counts.merge(other.counts, uniquingKeysWith: +) }
    }

    /// The day the plan stopped: its recorded ending, or the end of its period.
    public let endedOn: CalendarDay
    /// The recorded ending, when the plan stopped before its period was over.
    public let ending: PlanEnding?
    /// Whether the plan has ended as of the assessment's day.
    public let hasEnded: Bool
    /// Every numeric and qualitative target, in plan order, earlier milestones first.
    public let items: [Item]

    public init(_ a: PlanAssessment, index: PlanIndex, ending: PlanEnding?, series: (Int) -> [SeriesPoint]) {
        let planEnd = index.plan.end.end
        let endedOn = ending.map { min($0.on, planEnd) } ?? planEnd
        self.endedOn = endedOn
        self.ending = ending
        hasEnded = a.asOf.day > planEnd || ending.map { a.asOf.day >= $0.on } == true
        var items: [Item] = []
        for (position, assessment) in a.indicators.enumerated() {
            let indicator = index.indicators[position]
            let continued = ending?.continuation(of: indicator.id) != nil
            let baseline = assessment.baselinePeriod.flatMap { p in assessment.baselineValue.map { (period: p, value: $0) } }
            var points: [SeriesPoint]?
            func evidence(_ t: Target) -> TargetEvidence? {
                if points == nil { points = series(position) }
                return TargetEvidence.of(indicator, target: t, series: points ?? [], baseline: baseline)
            }
            var verdicts: [(targetIndex: Int, status: IndicatorStatus, value: Double?, period: Period?, factId: Int64?)] =
                assessment.passedMilestones.map { ($0.targetIndex, $0.status, $0.value, $0.valuePeriod, $0.factId) }
            if let m = assessment.milestoneIndex {
                verdicts.append((m, assessment.status, assessment.latest?.value, assessment.latest?.period, assessment.latest?.factId))
            }
            for v in verdicts where v.targetIndex < indicator.targets.count {
                let target = indicator.targets[v.targetIndex]
                let timing: Timing = target.due.end <= endedOn ? .dueBeforeEnd : .dueAfterEnd
                var found: TargetEvidence?
                let verdict: Verdict
                switch v.status {
                case .achieved: verdict = .achieved
                case .missed: verdict = .missed
                case .reported: verdict = .reported
                default:
                    if target.isQualitative {
                        verdict = .noFigure
                    } else if let e = evidence(target) {
                        found = e
                        // A value on another basis is shown, but settles nothing either way.
                        verdict = e.otherBasis ? .noFigure : e.meetsTarget ? .evidenceMet : .evidenceShort
                    } else {
                        verdict = .noFigure
                    }
                }
                let settled = verdict == .achieved || verdict == .missed
                items.append(Item(position: position, target: target, timing: timing, verdict: verdict, continued: continued,
                                  value: settled ? v.value : nil, valuePeriod: settled ? v.period : nil, factId: settled ? v.factId : nil,
                                  evidence: found))
            }
        }
        self.items = items
    }

    /// Counts of one timing's targets, for the whole plan.
    public func counts(_ timing: Timing) -> Counts {
        var c = Counts()
        for item in items where item.timing == timing { c[item.verdict] += 1 }
        return c
    }

    /// How many targets due after the end the successor took up.
    public var continuedCount: Int { items.filter { $0.timing == .dueAfterEnd && $0.continued }.count }

    /// Counts per project (in `PlanIndex.projects` order) and per pillar, of one timing's targets.
    public func counts(_ timing: Timing, index: PlanIndex) -> (projects: [Counts], pillars: [Counts]) {
        var projects = [Counts](repeating: Counts(), count: index.projects.count)
        for item in items where item.timing == timing { projects[index.projectOfIndicator[item.position]][item.verdict] += 1 }
        var pillars = [Counts](repeating: Counts(), count: index.plan.pillars.count)
        for (p, c) in projects.enumerated() { pillars[index.pillarOfProject[p]].merge(c) }
        return (projects, pillars)
    }
}
