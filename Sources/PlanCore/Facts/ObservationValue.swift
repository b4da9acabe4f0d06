/// Reads a reported value for an indicator as typed by a person: a Korean number in the
/// indicator's unit ("4.9만", "85%", "1,234개소"), or words where the indicator takes words.
public enum ObservationValue {
    public enum Read: Hashable, Sendable {
        case number(Double)
        case text(String)
    }

    /// The value, or a message saying what is wrong with it. Words are taken for a qualitative
    /// indicator, and for a numeric one only in a year when one of its qualitative targets falls
    /// due (a number is still read first); `period` nil allows them in any year.
    public static func read(_ raw: String, for indicator: Indicator, period: Period?) -> Result<Read, ValueError> {
        if indicator.measure != .qualitative, let v = KoreanNumberParser.plainNumber(raw) {
            guard indicator.bounds.contains(v) else { return .failure(outOfRange(v, indicator)) }
            return .success(.number(v))
        }
        let s = raw.trimmingSpaces
        guard !s.isEmpty else { return .failure(ValueError("the value is empty", reason: .empty)) }
        let takesWords = indicator.measure == .qualitative
            || indicator.targets.contains { $0.isQualitative && (period == nil || $0.due.end.year == period!.end.year) }
        if indicator.measure == .qualitative { return .success(.text(s)) }
        do {
            let q = try KoreanNumberParser.parse(s)
            if let u = q.unit, let expected = indicator.unit, u != expected {
                return .failure(ValueError("'\(s)' is in '\(u.symbol)' but \(indicator.id) is measured in '\(expected.symbol)'",
                                           reason: .wrongUnit(found: u.symbol, expected: expected.symbol)))
            }
            if q.upper != nil || q.from != nil || q.comparator != nil {
                return .failure(ValueError("'\(s)' is not a single value", reason: .notSingle))
            }
            if !indicator.bounds.contains(q.value) { return .failure(outOfRange(q.value, indicator)) }
            return .success(.number(q.value))
        } catch {
            if takesWords { return .success(.text(s)) }
            return .failure(ValueError("\(error) — \(indicator.id) takes a number\(indicator.unit.map { " in \($0.symbol)" } ?? "")",
                                       reason: .notNumber(unit: indicator.unit?.symbol)))
        }
    }
}

extension ObservationValue {
    static func outOfRange(_ v: Double, _ indicator: Indicator) -> ValueError {
        let range = [indicator.bounds.min.map { "≥ \($0.formatted)" }, indicator.bounds.max.map { "≤ \($0.formatted)" }].compactMap { $0 }.joined(separator: " and ")
        return ValueError("\(v.formatted) is outside the natural range of \(indicator.id) (\(range))",
                          reason: .outOfRange(min: indicator.bounds.min, max: indicator.bounds.max))
    }
}

/// A problem with one value, as a sentence.
public struct ValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, for messages in the reader's language.
    public enum Reason: Hashable, Sendable {
        case empty
        case wrongUnit(found: String, expected: String)
        case notSingle
        case notNumber(unit: String?)
        case outOfRange(min: Double?, max: Double?)
        case other
    }

    /// The English sentence the command line prints.
    public var message: String
    public var reason: Reason

    public init(_ message: String, reason: Reason = .other) {
        self.message = message
        self.reason = reason
    }

    public var description: String { message }
}
