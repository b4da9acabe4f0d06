/// The verdict on one indicator as of a date, with everything a reader needs to check it by hand:
/// the method, the milestone, the values and periods used, p, s and r.
public struct IndicatorAssessment: Hashable, Sendable {
    /// Why an indicator could not be judged yet.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// Nothing has been reported (and there is no numeric baseline).
        case noData
        /// No value was reported for a period after the baseline.
        case noValueAfterBaseline
        /// The due date has passed but no value for the due period is known.
        case noValueForDuePeriod
        /// The target falls due before the baseline period ends, so there is no path to follow.
        case noPathBeforeDue
        /// A qualitative target with no report yet.
        case noReport
    }

    /// Notes on how the rule was applied, shown beside the verdict.
    public enum Flag: String, Sendable, Hashable, Codable, CaseIterable {
        /// No numeric baseline: the first approved value stands in.
        case baselineFromFirstObservation
        /// CAGR was chosen but the baseline or the target is zero or negative: the linear rule was used.
        case cagrFellBackToLinear
        /// The target is due before the baseline period ends: time counts from the period's start.
        case baselineStartUsed
        /// The projection was capped at a natural bound (100%, rank 1).
        case projectionCapped
        /// The baseline equals the target: the question is whether the level is held.
        case maintenanceTarget
        /// The baseline already meets the target: the question is whether the target level is held.
        case baselineMeetsTarget
        /// The latest value is provisional.
        case provisionalValue
        /// A cumulative total known only after the due date decided the verdict.
        case inferredFromCumulative
        /// Under CAGR a value is zero or below: growth of −100%, everything lost. It projects zero
        /// when it is the latest value, and keeps the trend off logarithms when it is an earlier one.
        case cagrValueAtOrBelowZero
        /// The trend and the latest value alone point different ways (one towards the target,
        /// the other behind the baseline); the trend decides, and the explanation says so.
        case trendAndLatestDisagree
        /// A level held today whose trend falls short of it by the due date.
        case levelTrendFalls
        /// A per-period figure was left out because its reports do not cover its period.
        case incompletePeriod
        /// Values counted on another basis than the plan's were left out (`ComparableSeries`).
        case otherBasisLeftOut
    }

    /// A passed milestone's final verdict.
    public struct MilestoneVerdict: Hashable, Sendable {
        public var targetIndex: Int
        public var due: Period
        public var status: IndicatorStatus
        public var value: Double?
        public var valuePeriod: Period?
        /// The fact the verdict rests on, so a reader can be taken to it.
        public var factId: Int64? = nil
    }

    public var indicatorId: String
    public var status: IndicatorStatus
    /// `linear`, `cagr`, or nil when no ratio was computed (achieved early, reported, no data).
    public var method: PathRatio.Method?
    public var milestoneIndex: Int?
    public var milestone: Target?
    public var baselinePeriod: Period?
    public var baselineValue: Double?
    public var latest: SeriesPoint?
    public var path: PathRatio?
    public var reason: Reason?
    public var flags: Set<Flag>
    public var passedMilestones: [MilestoneVerdict]
    /// The milestone's due date had passed (or come, with its value known): achieved or missed is final.
    public var isFinal = false
    /// For a level to hold: where its trend leads by the due date.
    public var levelTrend: LevelTrend?
    /// Per-period figures left out because their reports do not cover the period (after the baseline).
    public var incompletePeriods: [Period] = []
    /// The bases of the values left out of the verdict, and how many values they were.
    public var otherBases: [String] = []
    public var otherBasisCount = 0

    public init(indicatorId: String, status: IndicatorStatus, method: PathRatio.Method? = nil, milestoneIndex: Int? = nil,
                milestone: Target? = nil, baselinePeriod: Period? = nil, baselineValue: Double? = nil,
                latest: SeriesPoint? = nil, path: PathRatio? = nil, reason: Reason? = nil, flags: Set<Flag> = [],
                passedMilestones: [MilestoneVerdict] = []) {
        self.indicatorId = indicatorId
        self.status = status
        self.method = method
        self.milestoneIndex = milestoneIndex
        self.milestone = milestone
        self.baselinePeriod = baselinePeriod
        self.baselineValue = baselineValue
        self.latest = latest
        self.path = path
        self.reason = reason
        self.flags = flags
        self.passedMilestones = passedMilestones
    }

    public var ratio: Double? { path?.r }

    /// Flags in a fixed order, for stable output.
    public var sortedFlags: [Flag] { Flag.allCases.filter { flags.contains($0) } }
}
