/// Why a coordinator should look twice at a submitted value before approving it.
public enum ReviewFlag: String, Sendable, Hashable, CaseIterable {
    /// Outside the indicator's natural range (a percent over 100, a rank below 1).
    case outOfBounds
    /// A cumulative count or amount that went down.
    case cumulativeDecrease
    /// More than the configured factor up or down from the previous value.
    case jump

    /// The flags for `value` against `previous` (the last approved value of the same indicator,
    /// same or earlier period). `jumpFactor` is the ratio beyond which a change is a jump.
    public static func check(_ value: Double, previous: Double?, indicator: Indicator?, jumpFactor: Double) -> [ReviewFlag] {
        var flags: [ReviewFlag] = []
        if let indicator, !indicator.bounds.contains(value) { flags.append(.outOfBounds) }
        guard let previous else { return flags }
        if let indicator, indicator.accumulation == .cumulative, value < previous { flags.append(.cumulativeDecrease) }
        if jumpFactor > 1 {
            let a = abs(value), b = abs(previous)
            // A ratio needs two non-zero values; a start from zero is not a jump.
            if b > 0, a > 0, a / b > jumpFactor || b / a > jumpFactor { flags.append(.jump) }
        }
        return flags
    }
}

/// The change from a previous value, in units and in percent.
public struct ValueChange: Sendable, Hashable {
    public var difference: Double
    /// nil when the previous value is zero.
    public var percent: Double?

    public init(from previous: Double, to value: Double) {
        difference = value - previous
        percent = previous == 0 ? nil : (value - previous) / abs(previous) * 100
    }
}
