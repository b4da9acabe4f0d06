/// Which way is better. A rank improves as it falls, so the GCI rank is `decrease`.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case increase, decrease, maintain

    /// The comparator a target gets when the plan does not name one.
    public var defaultComparator: Comparator {
        switch self {
        case .increase: return .atLeast
        case .decrease: return .atMost
        case .maintain: return .atLeast
        }
    }

    /// Whether a comparator could be meant with this direction ("at least" never means "lower is better").
    public func allows(_ comparator: Comparator) -> Bool {
        switch (self, comparator) {
        case (.increase, .atMost), (.decrease, .atLeast): return false
        default: return true
        }
    }
}
