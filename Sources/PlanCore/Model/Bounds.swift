/// The natural range of an indicator: a percentage lies in 0…100 and a rank is at least 1.
/// Projections are capped at these bounds and values outside them are rejected or flagged.
public struct Bounds: Hashable, Sendable, Codable {
    public var min: Double?
    public var max: Double?

    public init(min: Double? = nil, max: Double? = nil) {
        self.min = min
        self.max = max
    }

    public func contains(_ v: Double) -> Bool {
        (min.map { v >= $0 } ?? true) && (max.map { v <= $0 } ?? true)
    }

    public static let percent = Bounds(min: 0, max: 100)
    public static let rank = Bounds(min: 1)
    public static let nonNegative = Bounds(min: 0)

    /// The bounds an indicator gets from its measure when the plan gives none.
    public static func natural(for measure: Measure) -> Bounds {
        switch measure {
        case .percent: return .percent
        case .rank: return .rank
        case .count, .amount: return .nonNegative
        case .index, .boolean, .qualitative: return Bounds()
        }
    }
}
