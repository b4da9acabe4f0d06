/// Writes numbers back the way a reader of each language expects them:
/// `58.1조원`, `90.3만 개`, `1,562개소`, `15위` in Korean and
/// `KRW 58.1 trillion`, `903,000 jobs`, `1,562 sites`, `15th` in English.
///
/// Output is built from integer arithmetic, so it is identical on every platform and locale.
public enum QuantityFormatter {
    /// Formats in the given language; `noun` overrides the unit's English noun ("jobs").
    public static func format(_ value: Double, unit: Unit?, language: Language, noun: String? = nil) -> String {
        language == .ko ? korean(value, unit: unit) : english(value, unit: unit, noun: noun)
    }

    public static func korean(_ value: Double, unit: Unit?) -> String {
        guard value.isFinite else { return "–" }
        let sign = value < 0 ? "-" : ""
        let v = abs(value)
        guard let unit else { return sign + largeKorean(v, spaced: false, unitSymbol: "") }
        switch unit.kind {
        case .money:
            return sign + largeKorean(v, spaced: false, unitSymbol: "원")
        case .count:
            switch unit.koreanStyle {
            case .classifier: return sign + largeKorean(v, spaced: true, unitSymbol: unit.symbol)
            case .countedNoun: return sign + largeKorean(v, spaced: true, unitSymbol: "개") + " " + unit.symbol
            case .spacedNoun: return sign + largeKorean(v, spaced: false, unitSymbol: "") + " " + unit.symbol
            }
        case .percent, .percentPoint, .rank, .length, .mass, .score, .ratio, .duration:
            return sign + grouped(v, maxDecimals: 2) + unit.symbol
        }
    }

    public static func english(_ value: Double, unit: Unit?, noun: String? = nil) -> String {
        guard value.isFinite else { return "–" }
        let sign = value < 0 ? "-" : ""
        let v = abs(value)
        guard let unit else { return sign + grouped(v, maxDecimals: 2) }
        switch unit.kind {
        case .money:
            let scales: [(Double, String)] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
            for (scale, word) in scales where v >= scale {
                return "\(sign)KRW \(grouped(v / scale, maxDecimals: 2)) \(word)"
            }
            return "\(sign)KRW \(grouped(v, maxDecimals: 0))"
        case .rank:
            return sign + ordinal(Int(v.rounded()))
        case .percent:
            return sign + grouped(v, maxDecimals: 2) + "%"
        case .percentPoint:
            return sign + grouped(v, maxDecimals: 2) + " pp"
        case .count, .length, .mass, .score, .ratio, .duration:
            let word = noun ?? (v == 1 ? unit.englishSingular : unit.englishNoun)
            let number = grouped(v, maxDecimals: 2)
            return sign + (word.isEmpty ? number : "\(number) \(word)")
        }
    }

    /// A value with thousands separators and at most `maxDecimals` decimals, trailing zeros trimmed.
    public static func grouped(_ value: Double, maxDecimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let negative = value < 0
        let scale = KoreanNumberParser.pow10(maxDecimals)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return String(value) }
        let total = Int64(scaled)
        let s = Int64(scale)
        let whole = total / s
        var fraction = total % s
        var digits = String(whole)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        out = digits + out
        if fraction > 0 {
            var f = String(fraction)
            f = String(repeating: "0", count: maxDecimals - f.count) + f
            while f.hasSuffix("0") { f.removeLast() }
            fraction = 0
            out += "." + f
        }
        return (negative && total != 0 ? "-" : "") + out
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`.
    public static func ordinal(_ n: Int) -> String {
        let tens = n % 100
        let suffix: String
        if (11...13).contains(tens) {
            suffix = "th"
        } else {
            switch n % 10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(n)\(suffix)"
    }

    /// Scales by 조, 억 or 만 with two decimals at most: `58.1조원`, `1.52조원`, `1,500억원`, `90.3만 개`.
    private static func largeKorean(_ v: Double, spaced: Bool, unitSymbol: String) -> String {
        let scales: [(Double, String)] = [(1e12, "조"), (1e8, "억"), (1e4, "만")]
        for (scale, word) in scales where v >= scale {
            let scaledValue = v / scale
            let number = grouped(scaledValue, maxDecimals: scaledValue < 100 ? 2 : 0)
            if unitSymbol.isEmpty { return number + word }
            return number + word + (spaced ? " " : "") + unitSymbol
        }
        return grouped(v, maxDecimals: 2) + unitSymbol
    }
}
