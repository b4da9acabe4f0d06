/// How an actual value is compared with a target: "80% 이상" is at least 80.
public enum Comparator: String, Sendable, Hashable, Codable, CaseIterable {
    case atLeast
    case atMost
    case exactly

    public var korean: String {
        switch self {
        case .atLeast: return "이상"
        case .atMost: return "이하"
        case .exactly: return "정확히"
        }
    }

    public var english: String {
        switch self {
        case .atLeast: return "at least"
        case .atMost: return "at most"
        case .exactly: return "exactly"
        }
    }

    /// How close to `target` a value counts as equal to it: 10⁻⁹ of the target (at least of 1),
    /// far below any figure a plan states and far above binary rounding.
    public static func tolerance(_ target: Double) -> Double { Swift.max(abs(target), 1) * 1e-9 }

    /// Whether `value` meets `target` under this comparator.
    public func isMet(_ value: Double, target: Double) -> Bool {
        let tolerance = Self.tolerance(target)
        switch self {
        case .atLeast: return value >= target - tolerance
        case .atMost: return value <= target + tolerance
        case .exactly: return abs(value - target) <= tolerance
        }
    }
}
