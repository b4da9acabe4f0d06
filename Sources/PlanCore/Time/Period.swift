/// A span of the calendar in which something is due or was measured: a year, a half,
/// a quarter, a month or a day.
///
/// Plans mix these freely ("'20.下", "'21.3월", "~'22"), and facts are reported by them,
/// so a period is a first-class value with exact start and end days. Ordering is by end
/// day, then start day: what matters for "due" and "known as of" is when a period closes.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Granularity: Int, Sendable, Comparable, CaseIterable {
        case year = 0, half, quarter, month, day

        public static func < (a: Granularity, b: Granularity) -> Bool { a.rawValue < b.rawValue }
    }

    public let granularity: Granularity
    public let year: Int
    /// Half (1–2), quarter (1–4) or month (1–12); 0 for a year.
    public let index: Int
    /// Day of the month, for a day; 0 otherwise.
    public let dayOfMonth: Int

    public static func year(_ y: Int) -> Period? {
        (1...9999).contains(y) ? Period(.year, y, 0, 0) : nil
    }

    public static func half(_ y: Int, _ h: Int) -> Period? {
        (1...9999).contains(y) && (1...2).contains(h) ? Period(.half, y, h, 0) : nil
    }

    public static func quarter(_ y: Int, _ q: Int) -> Period? {
        (1...9999).contains(y) && (1...4).contains(q) ? Period(.quarter, y, q, 0) : nil
    }

    public static func month(_ y: Int, _ m: Int) -> Period? {
        (1...9999).contains(y) && (1...12).contains(m) ? Period(.month, y, m, 0) : nil
    }

    public static func day(_ y: Int, _ m: Int, _ d: Int) -> Period? {
        CalendarDay(year: y, month: m, day: d) == nil ? nil : Period(.day, y, m, d)
    }

    public static func day(_ d: CalendarDay) -> Period { Period(.day, d.year, d.month, d.day) }

    private init(_ g: Granularity, _ y: Int, _ i: Int, _ d: Int) {
        granularity = g
        year = y
        index = i
        dayOfMonth = d
    }

    /// The month in which the period starts and the number of months it spans (0 for a day).
    private var monthSpan: (first: Int, count: Int) {
        switch granularity {
        case .year: return (1, 12)
        case .half: return (index * 6 - 5, 6)
        case .quarter: return (index * 3 - 2, 3)
        case .month: return (index, 1)
        case .day: return (index, 0)
        }
    }

    public var start: CalendarDay {
        if granularity == .day { return CalendarDay(year: year, month: index, day: dayOfMonth)! }
        return CalendarDay(year: year, month: monthSpan.first, day: 1)!
    }

    public var end: CalendarDay {
        if granularity == .day { return start }
        let last = monthSpan.first + monthSpan.count - 1
        return CalendarDay(year: year, month: last, day: CalendarDay.daysIn(month: last, year: year))!
    }

    public func contains(_ day: CalendarDay) -> Bool { start <= day && day <= end }

    public static func < (a: Period, b: Period) -> Bool {
        let (ae, be) = (a.end, b.end)
        if ae != be { return ae < be }
        let (as_, bs) = (a.start, b.start)
        if as_ != bs { return bs < as_ }
        return a.granularity < b.granularity
    }

    // MARK: Printing

    /// The ISO-like form used in JSON, CSV and the API: `2020`, `2020-H2`, `2020-Q3`, `2020-06`, `2020-06-30`.
    public var iso: String {
        let y = String(year)
        switch granularity {
        case .year: return y
        case .half: return "\(y)-H\(index)"
        case .quarter: return "\(y)-Q\(index)"
        case .month: return "\(y)-\(Self.two(index))"
        case .day: return "\(y)-\(Self.two(index))-\(Self.two(dayOfMonth))"
        }
    }

    public var description: String { iso }

    /// Natural Korean: `2020년`, `2020년 하반기`, `2020년 3분기`, `2020년 6월`, `2020년 6월 30일`.
    public var korean: String {
        switch granularity {
        case .year: return "\(year)년"
        case .half: return "\(year)년 \(index == 1 ? "상반기" : "하반기")"
        case .quarter: return "\(year)년 \(index)분기"
        case .month: return "\(year)년 \(index)월"
        case .day: return "\(year)년 \(index)월 \(dayOfMonth)일"
        }
    }

    /// Natural English: `2020`, `H2 2020`, `Q3 2020`, `Jun 2020`, `30 Jun 2020`.
    public var english: String {
        switch granularity {
        case .year: return String(year)
        case .half: return "H\(index) \(year)"
        case .quarter: return "Q\(index) \(year)"
        case .month: return "\(Self.monthNames[index - 1]) \(year)"
        case .day: return "\(dayOfMonth) \(Self.monthNames[index - 1]) \(year)"
        }
    }

    /// The plan documents' own shorthand: `'20`, `'20.下`, `'20.3분기`, `'20.6`, `'20.6.30`.
    public var shorthand: String {
        let y = "'" + Self.two(year % 100)
        switch granularity {
        case .year: return y
        case .half: return "\(y).\(index == 1 ? "上" : "下")"
        case .quarter: return "\(y).\(index)분기"
        case .month: return "\(y).\(index)"
        case .day: return "\(y).\(index).\(dayOfMonth)"
        }
    }

    public func text(_ language: Language) -> String { language == .ko ? korean : english }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
