/// Reads the period shorthand of Korean plan documents and the ISO-like forms of data files.
///
/// Accepted, with or without parentheses and spaces:
/// - years: `'20`, `’20`, `` `20 ``, `20년`, `'20년`, `2020`, `2020년`
/// - halves: `'20.上`, `'20.下`, `'20 상반기`, `2020-H2`
/// - quarters: `'20.3분기`, `2020-Q3`
/// - months: `'20.6`, `'20.6월`, `19.11월`, `2020-06`, `2020년 6월`
/// - days: `'20.6.30`, `2020-06-30`, `2020년 6월 30일`
/// - year end: `'20.말` (the year 2020, due at its end)
/// - phrases: `~'22`, `'22년까지`, `~'21完`, `'21.3월~`, `'21이후`, `'19~'24`, `'30 → '25`
public enum PeriodParser {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case unreadable(String)
        case impossible(String)

        public var description: String {
            switch self {
            case .empty: return "empty period"
            case .unreadable(let s): return "cannot read '\(s)' as a period (expected e.g. 2020, 2020-H2, 2020-Q3, 2020-06, 2020-06-30, '20.下, ~'22)"
            case .impossible(let s): return "'\(s)' is not a real date"
            }
        }
    }

    /// Parses a single period; phrases with `~` or `→` are rejected.
    public static func period(_ text: String) throws(Failure) -> Period {
        let expression = try self.expression(text)
        guard case .within(let p) = expression else { throw .unreadable(text) }
        return p
    }

    /// Parses a period or a time phrase.
    public static func expression(_ text: String) throws(Failure) -> PeriodExpression {
        if let p = try fastISO(text) { return .within(p) }
        var s = Substring(text.trimmingSpaces)
        guard !s.isEmpty else { throw .empty }
        while s.first == "(" && s.last == ")" { s = s.dropFirst().dropLast().trimmingSpacesSub }
        if s.hasPrefix("(") { s = s.dropFirst().trimmingSpacesSub }
        if s.hasSuffix(")") { s = s.dropLast().trimmingSpacesSub }
        for arrow in ["→", "->", "⇒"] {
            if let r = s.range(of: arrow) {
                let a = try single(s[s.startIndex..<r.lowerBound], whole: text)
                let b = try single(s[r.upperBound...], whole: text)
                return .moved(from: a, to: b)
            }
        }
        var byEnd = false
        for suffix in ["完", "까지", "완료"] where s.hasSuffix(suffix) {
            s = s.dropLast(suffix.count).trimmingSpacesSub
            byEnd = true
        }
        var fromStart = false
        for suffix in ["이후", "부터", "시행", "~"] where s.hasSuffix(suffix) {
            s = s.dropLast(suffix.count).trimmingSpacesSub
            fromStart = true
        }
        if let tilde = s.firstIndex(where: { $0 == "~" || $0 == "∼" || $0 == "～" }) {
            let left = s[s.startIndex..<tilde].trimmingSpacesSub
            let right = s[s.index(after: tilde)...].trimmingSpacesSub
            if left.isEmpty {
                guard !right.isEmpty else { throw .unreadable(text) }
                return .by(try single(right, whole: text))
            }
            let a = try single(left, whole: text)
            if right.isEmpty { return .from(a) }
            let b = try single(right, whole: text)
            guard a.start <= b.end else { throw .impossible(text) }
            return .between(a, b)
        }
        let p = try single(s, whole: text)
        if fromStart { return .from(p) }
        return byEnd ? .by(p) : .within(p)
    }

    // MARK: - A single period

    private static func single(_ raw: Substring, whole: String) throws(Failure) -> Period {
        var s = raw.trimmingSpacesSub
        while s.first == "(" { s = s.dropFirst() }
        while s.last == ")" { s = s.dropLast() }
        s = s.trimmingSpacesSub
        guard !s.isEmpty else { throw .unreadable(whole) }
        if let iso = try iso(s, whole: whole) { return iso }

        var scalars = Array(s.unicodeScalars)
        var short = false
        if let f = scalars.first, "'’‘`´".unicodeScalars.contains(f) {
            scalars.removeFirst()
            short = true
        }
        var i = 0
        func digits() -> Int? {
            var n = 0, count = 0
            while i < scalars.count, count < 5, (48...57).contains(scalars[i].value) {
                n = n * 10 + Int(scalars[i].value - 48)
                count += 1
                i += 1
            }
            return count == 0 ? nil : n
        }
        func skip(_ chars: String) {
            while i < scalars.count, chars.unicodeScalars.contains(scalars[i]) { i += 1 }
        }
        func rest() -> String { String(String.UnicodeScalarView(scalars[i...])).trimmingSpaces }

        guard let first = digits() else { throw .unreadable(whole) }
        let year: Int
        switch i {
        case 2: year = 2000 + first
        case 4 where !short: year = first
        default: throw .unreadable(whole)
        }
        // Year 0 is no year (found by fuzzing: "0000上" trapped on the unwraps below).
        guard Period.year(year) != nil else { throw .unreadable(whole) }
        skip(" ")
        if i < scalars.count && scalars[i] == "년" { i += 1 }
        skip(" .")
        if i == scalars.count {
            return Period.year(year)!
        }
        let tail = rest()
        switch tail {
        case "上", "상", "상반기", "上半期", "전반기", "1H", "H1": return Period.half(year, 1)!
        case "下", "하", "하반기", "下半期", "후반기", "2H", "H2": return Period.half(year, 2)!
        case "말", "末", "연말", "년말": return Period.year(year)!
        default: break
        }
        guard let a = digits() else { throw .unreadable(whole) }
        skip(" ")
        if tail.hasSuffix("분기") {
            guard rest() == "분기" else { throw .unreadable(whole) }
            guard let q = Period.quarter(year, a) else { throw .impossible(whole) }
            return q
        }
        if i < scalars.count && scalars[i] == "월" { i += 1 }
        skip(" .")
        if i == scalars.count {
            guard let m = Period.month(year, a) else { throw .impossible(whole) }
            return m
        }
        if rest() == "말" || rest() == "末" {
            guard let m = Period.month(year, a) else { throw .impossible(whole) }
            return m
        }
        guard let d = digits() else { throw .unreadable(whole) }
        skip(" ")
        if i < scalars.count && scalars[i] == "일" { i += 1 }
        skip(" .")
        guard i == scalars.count else { throw .unreadable(whole) }
        guard let day = Period.day(year, a, d) else { throw .impossible(whole) }
        return day
    }

    /// The ISO-like forms read straight from the bytes, for imports of millions of rows;
    /// nil when the text is anything else (including surrounding spaces).
    static func fastISO(_ text: String) throws(Failure) -> Period? {
        let result = text.utf8.withContiguousStorageIfAvailable { b -> Result<Period?, Failure> in
            func digit(_ i: Int) -> Int? { b[i] >= 48 && b[i] <= 57 ? Int(b[i] - 48) : nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var n = 0
                for i in from..<(from + count) {
                    guard let d = digit(i) else { return nil }
                    n = n * 10 + d
                }
                return n
            }
            func checked(_ p: Period?) -> Result<Period?, Failure> { p.map { .success($0) } ?? .failure(.impossible(text)) }
            guard b.count >= 4, let year = number(0, 4) else { return .success(nil) }
            switch b.count {
            case 4:
                return checked(Period.year(year))
            case 7 where b[4] == 45:
                if b[5] == 72 || b[5] == 81, let n = digit(6) {
                    return checked(b[5] == 72 ? Period.half(year, n) : Period.quarter(year, n))
                }
                guard let m = number(5, 2) else { return .success(nil) }
                return checked(Period.month(year, m))
            case 10 where b[4] == 45 && b[7] == 45:
                guard let m = number(5, 2), let d = number(8, 2) else { return .success(nil) }
                return checked(Period.day(year, m, d))
            default:
                return .success(nil)
            }
        }
        return try result?.get() ?? nil
    }

    /// `2020`, `2020-H2`, `2020-Q3`, `2020-06`, `2020-06-30`; nil when the text is not ISO-shaped.
    private static func iso(_ s: Substring, whole: String) throws(Failure) -> Period? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let y = parts.first, y.count == 4, y.allSatisfy(\.isASCIIDigit), let year = Int(y) else { return nil }
        switch parts.count {
        case 1:
            guard let p = Period.year(year) else { throw .impossible(whole) }
            return p
        case 2:
            let b = parts[1]
            if b.count == 2, let kind = b.first, kind == "H" || kind == "Q", let n = Int(b.dropFirst()) {
                let p = kind == "H" ? Period.half(year, n) : Period.quarter(year, n)
                guard let p else { throw .impossible(whole) }
                return p
            }
            guard b.count == 2, b.allSatisfy(\.isASCIIDigit), let m = Int(b) else { throw .unreadable(whole) }
            guard let p = Period.month(year, m) else { throw .impossible(whole) }
            return p
        case 3:
            guard parts[1].count == 2, parts[2].count == 2,
                  let m = Int(parts[1]), let d = Int(parts[2]) else { throw .unreadable(whole) }
            guard let p = Period.day(year, m, d) else { throw .impossible(whole) }
            return p
        default:
            throw .unreadable(whole)
        }
    }
}

extension Character {
    public var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Trims spaces, tabs and line breaks, including the no-break and ideographic spaces OCR leaves behind.
    public var trimmingSpaces: String {
        String(trimmingSpacesSub)
    }

    public var trimmingSpacesSub: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        var s = Substring(self)
        while let f = s.first, isSpace(f) { s = s.dropFirst() }
        while let l = s.last, isSpace(l) { s = s.dropLast() }
        return s
    }
}
