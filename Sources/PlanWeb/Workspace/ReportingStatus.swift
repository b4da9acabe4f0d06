import PlanCore
import PlanStore

/// What each organization owes, following Open SDG's reporting status and Kausal Watch's
/// monitoring quality: every indicator value, budget execution and jobs figure of every ended
/// year of the plan, its stage in the workflow, its due day, and whether it is overdue.
///
/// A national plan owes hundreds of thousands of values, so an item is a few plain numbers
/// (positions in the plan, not ids), and the counts by project and year are made once.
struct ReportingStatus {
    struct Item {
        var kind: FactKind
        /// The indicator's position for an observation, else the project's.
        var subject: Int32
        var project: Int32
        var year: Int16
        var stage: KeyState.Stage
        var overdue: Bool
    }

    let index: PlanIndex
    let items: [Item]
    /// The organizations that report on each project (by position); empty when none is assigned.
    let organizations: [[String]]
    /// The ended years of the plan, oldest first: the years the status counts.
    let years: [Int]
    private let dueAfterDays: Int
    /// Counts by project (by position) and by year (by position in `years`).
    private let byProjectAndYear: [[Counts]]

    /// The plan's years, the periods the status counts.
    static func years(of index: PlanIndex) -> ClosedRange<Int> {
        let first = index.plan.start.start.year
        return first...max(first, index.plan.end.end.year)
    }

    init(index: PlanIndex, ledger: [FactKey: KeyState], policy: AccessPolicy, dueAfterDays: Int, today: CalendarDay) {
        self.index = index
        self.dueAfterDays = dueAfterDays
        var organizations = [[String]](repeating: [], count: index.projects.count)
        for (org, projects) in policy.projectsByOrganization {
            for p in projects { if let i = index.projectIndex[p] { organizations[i].append(org) } }
        }
        self.organizations = organizations.map { $0.sorted() }
        years = Self.years(of: index).filter { CalendarDay(year: $0, month: 12, day: 31)! < today }
        var items: [Item] = []
        var byProjectAndYear = [[Counts]](repeating: [Counts](repeating: Counts(), count: years.count), count: index.projects.count)
        for (y, year) in years.enumerated() {
            let due = Self.due(year, dueAfterDays)
            let period = String(year)
            func add(_ kind: FactKind, subject: Int, id: String, project: Int) {
                let stage = ledger[FactKey(kind: kind, subject: id, period: period)]?.stage ?? .missing
                let owed = stage == .missing || stage == .draft || stage == .returned
                let item = Item(kind: kind, subject: Int32(subject), project: Int32(project), year: Int16(year), stage: stage,
                                overdue: owed && due < today)
                items.append(item)
                byProjectAndYear[project][y].add(item)
            }
            // By position: copying an `Indicator` for each of 100,000 would cost more than the rest.
            for i in index.indicators.indices {
                add(.observation, subject: i, id: index.indicators[i].id, project: index.projectOfIndicator[i])
            }
            for p in index.projects.indices where !index.projects[p].budget.isEmpty {
                add(.budget, subject: p, id: index.projects[p].id, project: p)
            }
            for p in index.projects.indices where !index.projects[p].jobs.isEmpty {
                add(.jobs, subject: p, id: index.projects[p].id, project: p)
            }
        }
        self.items = items
        self.byProjectAndYear = byProjectAndYear
    }

    private static func due(_ year: Int, _ dueAfterDays: Int) -> CalendarDay {
        CalendarDay(year: year, month: 12, day: 31)!.adding(days: dueAfterDays)
    }

    /// The day the values of `year` are due.
    func due(_ year: Int) -> CalendarDay { Self.due(year, dueAfterDays) }

    func projectId(_ item: Item) -> String { index.projects[Int(item.project)].id }

    /// The counts of project `p` (a position) in the year at position `y` of `years`.
    func counts(project p: Int, year y: Int) -> Counts { byProjectAndYear[p][y] }

    var overdueCount: Int { byProjectAndYear.reduce(0) { $0 + $1.reduce(0) { $0 + $1.overdue } } }

    /// The overdue items longest overdue first, then in plan order (a project's budget and jobs
    /// before its indicators), at most `limit`. Items come year by year and a year's items are
    /// due on one day, so only the years needed are sorted.
    func oldestOverdue(_ limit: Int) -> [Item] {
        var out: [Item] = []
        var start = 0
        while start < items.count && out.count < limit {
            let year = items[start].year
            var end = start
            while end < items.count && items[end].year == year { end += 1 }
            let order = { (item: Item) in (item.project, item.kind == .observation ? 2 : item.kind == .budget ? 0 : 1, item.subject) }
            out += items[start..<end].filter(\.overdue).sorted { order($0) < order($1) }.prefix(limit - out.count)
            start = end
        }
        return out
    }

    /// Counts by stage for a set of items, with how many are overdue.
    struct Counts {
        var due = 0, approved = 0, submitted = 0, returned = 0, draft = 0, missing = 0, overdue = 0

        /// Values still owed by the reporters: not entered, kept as drafts, or returned.
        var owed: Int { missing + draft + returned }

        mutating func add(_ item: Item) {
            due += 1
            switch item.stage {
            case .approved: approved += 1
            case .submitted: submitted += 1
            case .returned: returned += 1
            case .draft: draft += 1
            case .missing: missing += 1
            }
            if item.overdue { overdue += 1 }
        }

        mutating func add(_ other: Counts) {
            due += other.due; approved += other.approved; submitted += other.submitted; returned += other.returned
            draft += other.draft; missing += other.missing; overdue += other.overdue
        }
    }
}
