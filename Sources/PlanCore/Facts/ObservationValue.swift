/// Reads a reported value for an indicator as typed by a person: a Korean number in the
/// indicator's unit ("4.9만", "85%", "1,234개소"), or words where the indicator takes words.
public enum ObservationValue {
    public enum Read: Hashable, Sendable {
        case number(Double)
        case text(String)
    }

    /// The value, or a message saying what is wrong with it.
    public static func read(_ raw: String, for indicator: Indicator) -> Result<Read, ValueError> {
        if indicator.measure != .qualitative, let v = KoreanNumberParser.plainNumber(raw) {
            guard indicator.bounds.contains(v) else { return .failure(outOfRange(v, indicator)) }
            return .success(.number(v))
        }
        let s = raw.trimmingSpaces
        guard !s.isEmpty else { return .failure(ValueError("the value is empty")) }
        let takesWords = indicator.measure == .qualitative || indicator.targets.contains { $0.isQualitative }
        if indicator.measure == .qualitative { return .success(.text(s)) }
        do {
            let q = try KoreanNumberParser.parse(s)
            if let u = q.unit, let expected = indicator.unit, u != expected {
                return .failure(ValueError("'\(s)' is in '\(u.symbol)' but \(indicator.id) is measured in '\(expected.symbol)'"))
            }
            if q.upper != nil || q.from != nil || q.comparator != nil {
                return .failure(ValueError("'\(s)' is not a single value"))
            }
            if !indicator.bounds.contains(q.value) { return .failure(outOfRange(q.value, indicator)) }
            return .success(.number(q.value))
        } catch {
            if takesWords { return .success(.text(s)) }
            return .failure(ValueError("\(error) — \(indicator.id) takes a number\(indicator.unit.map { " in \($0.symbol)" } ?? "")"))
        }
    }
}

extension ObservationValue {
    static func outOfRange(_ v: Double, _ indicator: Indicator) -> ValueError {
        let range = [indicator.bounds.min.map { "≥ \($0.formatted)" }, indicator.bounds.max.map { "≤ \($0.formatted)" }].compactMap { $0 }.joined(separator: " and ")
        return ValueError("\(v.formatted) is outside the natural range of \(indicator.id) (\(range))")
    }
}

/// A problem with one value, as a sentence.
public struct ValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
