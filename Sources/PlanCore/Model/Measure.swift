/// What kind of quantity an indicator measures; it decides bounds, direction defaults and formatting.
public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
    case count, amount, percent, rank, index, boolean, qualitative
}
