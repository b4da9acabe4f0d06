import PlanCore
import PlanStore

/// What each organization owes, following Open SDG's reporting status and Kausal Watch's
/// monitoring quality: every indicator value, budget execution and jobs figure of every ended
/// year of the plan, its stage in the workflow, its due day, and whether it is overdue.
struct ReportingStatus {
    struct Item {
        var key: FactKey
        var projectId: String
        var year: Int
        var stage: KeyState.Stage
        var due: CalendarDay
        var overdue: Bool
        /// The organizations that report on the project; empty when none is assigned.
        var organizations: [String]
    }

    let items: [Item]

    /// The plan's years, the periods the status counts.
    static func years(of index: PlanIndex) -> ClosedRange<Int> {
        let first = index.plan.start.start.year
        return first...max(first, index.plan.end.end.year)
    }

    init(index: PlanIndex, ledger: [FactKey: KeyState], policy: AccessPolicy, dueAfterDays: Int, today: CalendarDay) {
        var orgsOfProject: [String: [String]] = [:]
        for (org, projects) in policy.projectsByOrganization {
            for p in projects { orgsOfProject[p, default: []].append(org) }
        }
        orgsOfProject = orgsOfProject.mapValues { $0.sorted() }
        var items: [Item] = []
        for year in Self.years(of: index) {
            let end = CalendarDay(year: year, month: 12, day: 31)!
            guard end < today else { break }
            let due = end.adding(days: dueAfterDays)
            func add(_ key: FactKey, _ project: String) {
                let stage = ledger[key]?.stage ?? .missing
                let owed = stage == .missing || stage == .draft || stage == .returned
                items.append(Item(key: key, projectId: project, year: year, stage: stage, due: due, overdue: owed && due < today,
                                  organizations: orgsOfProject[project] ?? []))
            }
            for (i, indicator) in index.indicators.enumerated() {
                add(FactKey(kind: .observation, subject: indicator.id, period: "\(year)"), index.projects[index.projectOfIndicator[i]].id)
            }
            for project in index.projects where !project.budget.isEmpty {
                add(FactKey(kind: .budget, subject: project.id, period: "\(year)"), project.id)
            }
            for project in index.projects where !project.jobs.isEmpty {
                add(FactKey(kind: .jobs, subject: project.id, period: "\(year)"), project.id)
            }
        }
        self.items = items
    }

    /// Counts by stage for a set of items, with how many are overdue.
    struct Counts {
        var due = 0, approved = 0, submitted = 0, returned = 0, draft = 0, missing = 0, overdue = 0

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
    }
}
