import PlanStore
import PlanCore

/// Writing stored numbers back into form fields exactly (so an unchanged field reads back as
/// the same number), and turning value errors into sentences in the reader's language.
enum FormValues {
    /// A number as a person types it: grouped digits, no rounding.
    static func plain(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return grouped(Int64(v)) }
        return String(v)
    }

    /// What is wrong with a sentence typed into a form, in the reader's language: longer than
    /// the API and imports allow (`TextLimits.text`), or holding a character no page, workbook
    /// or feed could carry (`XMLText`); nil when it is fine.
    static func textProblem(_ text: String, _ c: PageContext) -> String? {
        if !TextLimits.fits(text, TextLimits.text) { return c.catalog["err_too_long"] }
        if !XMLText.canCarry(text) { return c.catalog["err_character"] }
        return nil
    }

    static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Money in 억원 when it is a whole number of them, else in won.
    static func money(_ won: Int64) -> String {
        won % 100_000_000 == 0 ? "\(QuantityFormatter.grouped(Double(won / 100_000_000), maxDecimals: 0))억원"
            : "\(QuantityFormatter.grouped(Double(won), maxDecimals: 0))원"
    }

    static func message(_ error: ValueError, _ c: PageContext) -> String {
        switch error.reason {
        case .empty: return c.catalog["err_empty"]
        case .wrongUnit(let found, let expected): return c.catalog.format("err_unit", ["found": found, "expected": unitName(expected, c)])
        case .notSingle: return c.catalog["err_single"]
        case .notNumber(let unit): return c.catalog.format("err_number", ["unit": unit.map { unitName($0, c) } ?? ""])
        case .outOfRange(let min, let max):
            return c.catalog.format("err_range", ["min": min.map { plain($0) } ?? "–", "max": max.map { plain($0) } ?? "–"])
        case .other: return error.message
        }
    }

    /// A unit as the reader names it: the plan's symbol in Korean ("개"), its noun in English ("items").
    static func unitName(_ symbol: String, _ c: PageContext) -> String {
        guard c.language == .en, let unit = PlanCore.Unit.named(symbol) else { return symbol }
        guard unit.englishNoun.isEmpty else { return unit.englishNoun }
        return unit.kind == .rank ? "rank" : "count"
    }

    /// Money or a count typed by a person ("1.2조원", "5,000억", "3만"), or nil.
    static func amount(_ text: String, money: Bool) -> Int64? {
        let s = text.trimmingSpaces
        guard !s.isEmpty else { return nil }
        if let v = KoreanNumberParser.plainNumber(s), v >= 0, v == v.rounded() { return Int64(v) }
        guard let q = try? KoreanNumberParser.parse(s), q.upper == nil, q.from == nil, q.value >= 0 else { return nil }
        if let unit = q.unit, unit.kind != (money ? .money : .count) { return nil }
        return Int64(q.value.rounded())
    }
}
