/// Counts and sums over a group of commitments (a project, a pillar, the plan).
///
/// A roll-up never averages statuses into one number that could hide a red item: it gives
/// the count of each status, the worst one, and the share on track among those assessable.
public struct RollUp: Hashable, Sendable {
    public var indicators: [IndicatorStatus: Int] = [:]
    public var investments: [TaskStatus: Int] = [:]
    public var reforms: [TaskStatus: Int] = [:]
    /// Passed milestones that were missed, even where a later milestone is now on track.
    public var missedMilestones = 0
    public var budgetCommitted: Int64 = 0
    public var budgetAllocatedToDate: Int64 = 0
    public var budgetExecutedToDate: Int64 = 0
    public var jobsCommitted: Int64 = 0
    public var jobsToDate: Int64 = 0
    /// Budget and jobs commitments by status, counted apart from indicators.
    public var budgetStatuses: [IndicatorStatus: Int] = [:]
    public var jobsStatuses: [IndicatorStatus: Int] = [:]

    public init() {}

    public var indicatorCount: Int { indicators.values.reduce(0, +) }
    public var assessable: Int { indicators.filter { $0.key.isAssessable }.reduce(0) { $0 + $1.value } }
    public var onTrack: Int { indicators.filter { $0.key.isOnTrack }.reduce(0) { $0 + $1.value } }
    public var slipping: Int { indicators.filter { $0.key.isSlipping }.reduce(0) { $0 + $1.value } }

    /// (on track + achieved) / assessable, or nil when nothing is assessable yet.
    public var shareOnTrack: Double? { assessable > 0 ? Double(onTrack) / Double(assessable) : nil }

    /// The worst computed status present, so a single red item is always visible.
    public var worst: IndicatorStatus? { indicators.keys.filter(\.isAssessable).min() }

    public var budgetExecutionRate: Double? {
        budgetAllocatedToDate > 0 ? Double(budgetExecutedToDate) / Double(budgetAllocatedToDate) : nil
    }

    /// Tasks past their due date and not reported done: late, or with nothing reported.
    public var lateTasks: Int { Self.overdue(investments) + Self.overdue(reforms) }

    /// How many of `counts` are past their due date and not done.
    public static func overdue(_ counts: [TaskStatus: Int]) -> Int {
        TaskStatus.allCases.filter(\.isOverdue).reduce(0) { $0 + (counts[$1] ?? 0) }
    }

    mutating func add(_ a: IndicatorAssessment) {
        indicators[a.status, default: 0] += 1
        missedMilestones += a.passedMilestones.filter { $0.status == .missed }.count
    }

    mutating func add(_ t: TaskAssessment) {
        if t.kind == .reform { reforms[t.status, default: 0] += 1 } else { investments[t.status, default: 0] += 1 }
    }

    mutating func add(budget b: BudgetAssessment) {
        budgetCommitted += b.progress.committed ?? 0
        budgetAllocatedToDate += b.allocatedToDate
        budgetExecutedToDate += b.executedToDate
        budgetStatuses[b.progress.status, default: 0] += 1
    }

    mutating func add(jobs j: JobsAssessment) {
        jobsCommitted += j.progress.committed ?? 0
        jobsToDate += j.progress.toDate
        jobsStatuses[j.progress.status, default: 0] += 1
    }

    mutating func merge(_ o: RollUp) {
        indicators.merge(o.indicators, uniquingKeysWith: +)
        investments.merge(o.investments, uniquingKeysWith: +)
        reforms.merge(o.reforms, uniquingKeysWith: +)
        missedMilestones += o.missedMilestones
        budgetCommitted += o.budgetCommitted
        budgetAllocatedToDate += o.budgetAllocatedToDate
        budgetExecutedToDate += o.budgetExecutedToDate
        jobsCommitted += o.jobsCommitted
        jobsToDate += o.jobsToDate
        budgetStatuses.merge(o.budgetStatuses, uniquingKeysWith: +)
        jobsStatuses.merge(o.jobsStatuses, uniquingKeysWith: +)
    }
}
