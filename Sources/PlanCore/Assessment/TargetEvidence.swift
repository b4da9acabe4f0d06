/// What the published figures say of a target the method has not settled: the latest value
/// after the baseline, how much of the planned change it covers, and what the rest of the way
/// would need. A target whose due-period figure was never published is not "nothing": a reader
/// should see that 6.17조 in 2024 was 41% of a 15조 target for 2025, and that reaching it would
/// have needed +143% in one year.
public struct TargetEvidence: Hashable, Sendable {
    public let target: Target
    /// The latest value for a period after the baseline.
    public let latest: SeriesPoint
    public let baselineValue: Double?
    /// (latest − baseline) / (target − baseline): the share of the planned change covered.
    public let shareOfChange: Double?
    /// latest / target, for a quantity that grows from zero towards its target (not a rank).
    public let shareOfTarget: Double?
    /// target − latest, in the indicator's unit.
    public let remaining: Double
    /// target / latest − 1: the growth the rest of the way needs, where both are positive.
    public let neededGrowth: Double?
    /// Years from the latest value's period end to the due date (0 when it is already past).
    public let yearsLeft: Double
    public let meetsTarget: Bool
    /// The value was counted on another basis than the plan's: it shows where things stand, but
    /// whether it meets the target says nothing about the plan's own measure.
    public var otherBasis: Bool { latest.basis != nil }

    /// The evidence for `target`, or nil when no numeric value after the baseline is known. Values
    /// counted on the plan's own basis come first (`ComparableSeries`); only when there is none does
    /// the latest value on another basis stand in, its `basis` set so the reader is told, and it
    /// never settles whether the target was met (`otherBasis`).
    public static func of(_ indicator: Indicator, target: Target, series: [SeriesPoint], baseline: (period: Period, value: Double)?) -> TargetEvidence? {
        guard let goal = target.value else { return nil }
        let after = baseline.map { $0.period.end.ordinal } ?? Int.min
        let comparable = ComparableSeries(series)
        func latest(_ points: [SeriesPoint]) -> SeriesPoint? {
            points.filter { $0.value != nil && $0.t > after }.max(by: { ($0.t, $0.period.start.ordinal) < ($1.t, $1.period.start.ordinal) })
        }
        guard let latest = latest(comparable.points) ?? latest(comparable.leftOut), let value = latest.value else { return nil }
        let y0 = baseline?.value
        let share = y0.flatMap { y0 in goal != y0 ? (value - y0) / (goal - y0) : nil }
        let growsFromZero = indicator.direction == .increase && indicator.measure != .rank && goal > 0
        let years = max(0, Double(target.due.end.ordinal - latest.t) / 365.25)
        return TargetEvidence(target: target, latest: latest, baselineValue: y0, shareOfChange: share,
                              shareOfTarget: growsFromZero ? value / goal : nil, remaining: goal - value,
                              neededGrowth: value > 0 && goal > 0 ? goal / value - 1 : nil, yearsLeft: years,
                              meetsTarget: target.comparator.isMet(value, target: goal))
    }
}
