/// How reported values add up over time, which decides what "the latest value" means.
///
/// - `cumulative`: a running total since a start ("공공데이터 14.2만개 개방"); it should never fall.
/// - `level`: a state at a moment (a market size, a share, a rank).
/// - `perPeriod`: a flow in each period ("연 125만건"); each period is judged on its own.
public enum Accumulation: String, Sendable, Hashable, Codable, CaseIterable {
    case cumulative, level, perPeriod
}
