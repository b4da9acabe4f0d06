import PlanCore

/// A call for reports: the coordinating office asks every organization for the items of a
/// period by a due date ("2022년 2분기 실적 점검"), the way DHIS2's data sets have expiry days and
/// Kausal Watch's plans have update rounds. Each ended year of the plan is also a round of its
/// own, due `dueAfterDays` after the year ends, unless the office opened one for that year.
public struct ReportingRound: Sendable, Hashable {
    /// What a round can ask for.
    public enum Item: String, Sendable, CaseIterable, Codable {
        case indicators, budget, jobs, tasks, reforms
    }

    /// `r12` for a round the office opened (id 12), `y2025` for the year 2025's own.
    public var key: String
    /// The stored round's id; nil for a year's own round.
    public var id: Int64?
    public var title: LocalizedText
    public var period: Period
    public var items: [Item]
    public var due: CalendarDay
    public var openedAt: Timestamp
    public var openedBy: String
    public var closedAt: Timestamp?
    public var closedBy: String?

    public init(id: Int64?, key: String, title: LocalizedText, period: Period, items: [Item], due: CalendarDay, openedAt: Timestamp,
                openedBy: String, closedAt: Timestamp? = nil, closedBy: String? = nil) {
        self.id = id
        self.key = key
        self.title = title
        self.period = period
        self.items = ReportingRound.Item.allCases.filter(items.contains)
        self.due = due
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.closedAt = closedAt
        self.closedBy = closedBy
    }

    public var isOpen: Bool { closedAt == nil }
    public var isYearly: Bool { id == nil }

    /// The round every ended year of the plan has without anyone opening it: the year's
    /// indicators, budget execution and jobs, as the reporting status has always counted them.
    public static func yearly(_ year: Int, dueAfterDays: Int) -> ReportingRound {
        let yearEnd = CalendarDay(year: year, month: 12, day: 31)!
        return ReportingRound(id: nil, key: "y\(year)", title: LocalizedText(ko: "\(year)년 실적 보고", en: "\(year) annual report"),
                              period: Period.year(year)!, items: [.indicators, .budget, .jobs], due: yearEnd.adding(days: dueAfterDays),
                              openedAt: Timestamp.startOfDay(yearEnd.adding(days: 1)), openedBy: "system")
    }

    /// The rounds in force for `years`: the office's, and each year's own unless the office
    /// opened a round of that whole year (which then takes its place).
    public static func all(stored: [ReportingRound], years: [Int], dueAfterDays: Int) -> [ReportingRound] {
        let replaced = Set(stored.filter { $0.period.granularity == .year }.map(\.period.start.year))
        return stored + years.filter { !replaced.contains($0) }.map { yearly($0, dueAfterDays: dueAfterDays) }
    }
}

/// What the office fills in to open a round; checked before anything is stored.
public struct RoundDraft: Sendable, Hashable {
    public var title: LocalizedText
    public var period: Period
    public var items: [ReportingRound.Item]
    public var due: CalendarDay

    public init(title: LocalizedText, period: Period, items: [ReportingRound.Item], due: CalendarDay) {
        self.title = title
        self.period = period
        self.items = items
        self.due = due
    }

    /// Longest title, in characters.
    public static let maxTitle = 200

    /// Every problem with the draft, by field (`title_ko`, `title_en`, `items`, `due`), given today in Korea.
    public func problems(today: CalendarDay) -> [(field: String, message: String)] {
        var out: [(String, String)] = []
        func check(_ text: String?, _ field: String, required: Bool) {
            guard let text else { return }
            if required && text.trimmingSpaces.isEmpty { out.append((field, "a round needs a title")) }
            if text.count > Self.maxTitle { out.append((field, "a title has at most \(Self.maxTitle) characters")) }
            if text.unicodeScalars.contains(where: MailHeader.isControl) { out.append((field, "a title is one line, without control characters")) }
        }
        check(title.ko, "title_ko", required: true)
        check(title.en, "title_en", required: false)
        if items.isEmpty { out.append(("items", "a round asks for at least one kind of item")) }
        if due < today { out.append(("due", "the due date \(due.iso) has passed")) }
        if due < period.start { out.append(("due", "the due date comes before the period it asks about begins")) }
        return out
    }
}
