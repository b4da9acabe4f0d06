import PlanCore

/// One cell to write, typed so that Excel shows it as a Korean reader expects: numbers as
/// numbers (`#,##0`, `0.0%`), days as dates, everything else as text.
public enum XLSXValue: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double, XLSXNumberStyle)
    case day(CalendarDay)

    public static func integer(_ i: Int64?) -> XLSXValue { i.map { .number(Double($0), .grouped) } ?? .empty }
}

/// How a number is shown.
public enum XLSXNumberStyle: Sendable, Hashable {
    /// As typed: ids, years, decimals.
    case general
    /// `#,##0`: counts and amounts in won.
    case grouped
    /// `0.0%`: a share stored as a fraction (0.794 shows as 79.4%).
    case percent
}

/// A column of a sheet to write: its header and the style of cells typed into it later (a
/// template's blank cells), so that what an officer types is kept as typed.
public struct XLSXColumn: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case general
        /// Kept as text even when it looks like a number or a date (`@`): ids and periods, so
        /// `2021-06` typed into a template stays a month and `1-1` stays a project.
        case text
        case grouped
        case percent
        case date
    }

    public var header: String
    public var style: Style

    public init(_ header: String, style: Style = .general) {
        self.header = header
        self.style = style
    }
}
