/// Reads numbers the way Korean plans and spreadsheets write them:
/// `1,234`, `4.9만`, `3.2조원`, `1,562개소`, `1천개`, `1조 2,000억원`, `80% 이상`, `15위`,
/// `△6.1` (negative), `1,000~1,500만원` (a range), `25cm→12cm` (a transition).
///
/// Values are computed from the digits as integers and scaled once, so `4.9만` is exactly
/// 49,000 and `3.2조` exactly 3.2 × 10¹², never 48,999.999….
public enum KoreanNumberParser {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case unknownUnit(unit: String, in: String)
        case badGrouping(String)
        case multiplierOrder(String)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .empty: return "empty number"
            case .notANumber(let s): return "cannot read '\(s)' as a number (expected e.g. 1,234, 4.9만, 3.2조원, 85%)"
            case .unknownUnit(let u, let s): return "unknown unit '\(u)' in '\(s)' (known units: \(Unit.symbols.joined(separator: " ")))"
            case .badGrouping(let s): return "digit grouping in '\(s)' is not in thousands (expected e.g. 1,234,567)"
            case .multiplierOrder(let s): return "Korean number words in '\(s)' must go from large to small (e.g. 1조 2,000억)"
            case .outOfRange(let s): return "'\(s)' is too large"
            }
        }
    }

    /// Korean number words, longest first, with their powers of ten.
    static let multipliers: [(word: String, exponent: Int)] = [
        ("천억", 11), ("백억", 10), ("십억", 9), ("천만", 7), ("백만", 6), ("십만", 5),
        ("조", 12), ("억", 8), ("만", 4), ("천", 3), ("백", 2), ("십", 1),
    ]

    public static func parse(_ text: String) throws(Failure) -> Quantity {
        if let v = plainNumber(text) { return Quantity(value: v) }
        var s = Substring(text.trimmingSpaces)
        guard !s.isEmpty else { throw .empty }

        var period: Period?
        var remark: String?
        while s.last == ")", let open = s.lastIndex(of: "(") {
            let inner = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
            if let p = try? PeriodParser.period(inner) {
                period = period ?? p
            } else {
                remark = remark.map { inner + "; " + $0 } ?? inner
            }
            s = s[s.startIndex..<open].trimmingSpacesSub
        }

        var comparator: Comparator?
        for (word, c) in [("이상", Comparator.atLeast), ("이하", .atMost), ("내외", .exactly), ("수준", .exactly)] where s.hasSuffix(word) {
            comparator = c
            s = s.dropLast(word.count).trimmingSpacesSub
            break
        }

        for arrow in ["→", "->"] {
            if let r = s.range(of: arrow) {
                let left = try core(s[s.startIndex..<r.lowerBound], whole: text)
                let right = try core(s[r.upperBound...], whole: text)
                return Quantity(value: right.value, unit: right.unit ?? left.unit, comparator: comparator,
                                from: left.value,
                                period: period, remark: remark)
            }
        }
        if let tilde = s.firstIndex(where: { $0 == "~" || $0 == "∼" || $0 == "～" }), tilde != s.startIndex {
            let rightPart = s[s.index(after: tilde)...]
            let right = try core(rightPart, whole: text)
            var left = try core(s[s.startIndex..<tilde], whole: text)
            if left.unit == nil && left.exponent == 0 && right.exponent > 0 {
                left.value = try scaled(left.mantissa, left.fraction, right.exponent, whole: text)
            }
            guard left.value <= right.value else { throw .notANumber(text) }
            return Quantity(value: left.value, unit: left.unit ?? right.unit, comparator: comparator,
                            upper: right.value, period: period, remark: remark)
        }
        let q = try core(s, whole: text)
        return Quantity(value: q.value, unit: q.unit, comparator: comparator, period: period, remark: remark)
    }

    /// Digits with an optional minus and decimal point and no grouping, read straight from the
    /// bytes: the common case in machine-written files. Nil for anything else.
    public static func plainNumber(_ text: String) -> Double? {
        text.utf8.withContiguousStorageIfAvailable { b -> Double? in
            guard !b.isEmpty, b.count <= 17 else { return nil }
            var i = 0
            var negative = false
            if b[0] == 45 {
                negative = true
                i = 1
            }
            var mantissa: Int64 = 0
            var digits = 0, fraction = 0
            var point = false
            while i < b.count {
                let c = b[i]
                if c >= 48 && c <= 57 {
                    mantissa = mantissa * 10 + Int64(c - 48)
                    digits += 1
                    if point { fraction += 1 }
                } else if c == 46 && !point && digits > 0 {
                    point = true
                } else {
                    return nil
                }
                i += 1
            }
            guard digits > 0, !(point && fraction == 0) else { return nil }
            let v = fraction == 0 ? Double(mantissa) : Double(mantissa) / pow10(fraction)
            return negative ? -v : v
        } ?? nil
    }

    /// Reads a plain number, as typed into a form or a spreadsheet cell, with no unit allowed.
    public static func number(_ text: String) throws(Failure) -> Double {
        let q = try parse(text)
        guard q.unit == nil, q.upper == nil, q.from == nil, q.comparator == nil else { throw .notANumber(text) }
        return q.value
    }

    private struct Core {
        var value: Double
        var unit: Unit?
        /// The last term's digits and scale, kept so a range's left side can borrow the right's number word.
        var mantissa: Int64
        var fraction: Int
        var exponent: Int
    }

    private static func core(_ raw: Substring, whole: String) throws(Failure) -> Core {
        let s = Array(raw.trimmingSpacesSub.unicodeScalars)
        guard !s.isEmpty else { throw .notANumber(whole) }
        var i = 0
        var negative = false
        if "-−△▲+".unicodeScalars.contains(s[0]) {
            negative = s[0] != "+"
            i = 1
            while i < s.count, s[i] == " " { i += 1 }
        }
        var total = 0.0
        var lastExponent = Int.max
        var lastMantissa: Int64 = 0, lastFraction = 0, lastTermExponent = 0
        var terms = 0
        while i < s.count, isDigit(s[i]) {
            var mantissa: Int64 = 0
            var fraction = 0
            var seenPoint = false
            var groupDigits = -1
            var digitsBeforeFirstComma = 0
            while i < s.count {
                let c = s[i]
                if isDigit(c) {
                    let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                    let (m2, o2) = m.addingReportingOverflow(Int64(c.value - 48))
                    guard !o1, !o2 else { throw .outOfRange(whole) }
                    mantissa = m2
                    if seenPoint { fraction += 1 }
                    if groupDigits >= 0 { groupDigits += 1 } else if !seenPoint { digitsBeforeFirstComma += 1 }
                } else if c == ",", !seenPoint {
                    guard groupDigits == -1 ? (1...3).contains(digitsBeforeFirstComma) : groupDigits == 3 else {
                        throw .badGrouping(whole)
                    }
                    guard i + 1 < s.count, isDigit(s[i + 1]) else { throw .badGrouping(whole) }
                    groupDigits = 0
                } else if c == ".", !seenPoint, i + 1 < s.count, isDigit(s[i + 1]) {
                    if groupDigits >= 0 && groupDigits != 3 { throw .badGrouping(whole) }
                    groupDigits = -2
                    seenPoint = true
                } else {
                    break
                }
                i += 1
            }
            if groupDigits >= 0 && groupDigits != 3 { throw .badGrouping(whole) }
            var exponent = 0
            let rest = String(String.UnicodeScalarView(s[i...]))
            for (word, e) in multipliers where rest.hasPrefix(word) {
                exponent = e
                i += word.unicodeScalars.count
                break
            }
            if terms > 0 && (exponent >= lastExponent || exponent == 0 && lastExponent == 0) {
                throw .multiplierOrder(whole)
            }
            total += try scaled(mantissa, fraction, exponent, whole: whole)
            lastExponent = exponent
            (lastMantissa, lastFraction, lastTermExponent) = (mantissa, fraction, exponent)
            terms += 1
            while i < s.count, s[i] == " " { i += 1 }
            if exponent == 0 { break }
        }
        guard terms > 0 else { throw .notANumber(whole) }
        let unitText = String(String.UnicodeScalarView(s[i...])).trimmingSpaces
        var unit: Unit?
        if !unitText.isEmpty {
            guard let u = Unit.named(unitText) else {
                if unitText.unicodeScalars.contains(where: isDigit) { throw .notANumber(whole) }
                throw .unknownUnit(unit: unitText, in: whole)
            }
            unit = u
        }
        return Core(value: negative ? -total : total, unit: unit,
                    mantissa: lastMantissa, fraction: lastFraction, exponent: terms == 1 ? lastTermExponent : 0)
    }

    private static func scaled(_ mantissa: Int64, _ fraction: Int, _ exponent: Int, whole: String) throws(Failure) -> Double {
        let e = exponent - fraction
        let m = Double(mantissa)
        let v = e >= 0 ? m * pow10(e) : m / pow10(-e)
        guard v.isFinite, v < 1e18 else { throw .outOfRange(whole) }
        return v
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { (48...57).contains(c.value) }
}
