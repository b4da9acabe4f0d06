/// Progress of a running total (budget executed, jobs created) against cumulative commitments
/// ("'22년까지 3.2조원", "'25년까지 29.5만개"), by the same path rule as indicators, starting
/// from zero at the plan's start.
public struct CommitmentAssessment: Hashable, Sendable {
    public struct Verdict: Hashable, Sendable {
        public var by: Period
        public var committed: Int64
        public var status: IndicatorStatus
        public var reachedByThen: Int64?
    }

    public var status: IndicatorStatus
    /// The commitment judged now (the first not yet due, or the last).
    public var milestone: Period?
    public var committed: Int64?
    /// The running total through `throughYear`, the last year reported.
    public var toDate: Int64
    public var throughYear: Int?
    public var path: PathRatio?
    public var reason: IndicatorAssessment.Reason?
    public var passed: [Verdict]

    /// - Parameters:
    ///   - yearly: each year's amount (executed won, jobs created), only years that have ended.
    ///   - commitments: cumulative commitments by period, in order.
    static func assess(yearly: [Int: Int64], commitments: [(by: Period, amount: Int64)], planStart: Period,
                       asOf: AsOf) -> CommitmentAssessment {
        let years = yearly.keys.sorted()
        let toDate = yearly.values.reduce(0, +)
        var result = CommitmentAssessment(status: .notYetAssessable, toDate: toDate, throughYear: years.last, passed: [])
        guard !commitments.isEmpty else {
            result.reason = .noData
            return result
        }
        let today = asOf.day.ordinal
        let active = commitments.firstIndex { $0.by.end.ordinal >= today } ?? commitments.count - 1
        func reached(by p: Period) -> Int64? {
            guard yearly[p.end.year] != nil else { return nil }
            return years.filter { $0 <= p.end.year }.reduce(0) { $0 + yearly[$1]! }
        }
        func verdict(_ c: (by: Period, amount: Int64)) -> Verdict {
            let value = reached(by: c.by)
            let status: IndicatorStatus = value.map { $0 >= c.amount ? .achieved : .missed } ?? .notYetAssessable
            return Verdict(by: c.by, committed: c.amount, status: status, reachedByThen: value)
        }
        result.passed = commitments[..<active].map(verdict)
        let c = commitments[active]
        result.milestone = c.by
        result.committed = c.amount
        // Past the due date, or on it once the due year is reported, the total through that year decides.
        if c.by.end.ordinal < today || (c.by.end.ordinal == today && yearly[c.by.end.year] != nil) {
            let v = verdict(c)
            result.status = v.status
            if v.status == .notYetAssessable { result.reason = .noValueForDuePeriod }
            return result
        }
        guard let last = years.last else {
            result.reason = .noData
            return result
        }
        if toDate >= c.amount {
            result.status = .achieved
            return result
        }
        let t0 = planStart.start.ordinal - 1
        guard let path = PathRatio.compute(y0: 0, t0: t0, yi: Double(toDate), ti: Period.year(last)!.end.ordinal,
                                           yT: Double(c.amount), tT: c.by.end.ordinal, method: .linear, bounds: .nonNegative) else {
            result.reason = .noValueAfterBaseline
            return result
        }
        result.path = path
        result.status = path.status
        return result
    }
}

/// A project's budget: each year's execution rate, and the total executed against the commitments.
///
/// Ministries execute national treasury funds (국고), so execution is compared with the treasury
/// commitment; where a commitment gives no treasury figure, with the total cost.
public struct BudgetAssessment: Hashable, Sendable {
    public struct Year: Hashable, Sendable {
        public var fiscalYear: Int
        public var allocated: Int64
        public var executed: Int64
        public var status: ValueStatus
        /// executed / allocated, or nil when nothing was allocated.
        public var rate: Double? { allocated > 0 ? Double(executed) / Double(allocated) : nil }
    }

    /// Which commitment execution is compared with.
    public enum Basis: String, Sendable, Hashable, Codable {
        case treasury, totalCost
    }

    public var projectId: String
    public var years: [Year]
    public var basis: Basis
    public var allocatedToDate: Int64
    public var executedToDate: Int64
    public var progress: CommitmentAssessment

    public var executionRate: Double? { allocatedToDate > 0 ? Double(executedToDate) / Double(allocatedToDate) : nil }

    static func assess(_ project: Project, facts: [BudgetExecution], planStart: Period, asOf: AsOf) -> BudgetAssessment {
        let current = Revisions.current(facts, asOf: asOf, record: \.record, applies: { asOf.hasEnded($0.period) }, key: \.fiscalYear)
            .sorted { $0.fiscalYear < $1.fiscalYear }
        let years = current.map { Year(fiscalYear: $0.fiscalYear, allocated: $0.allocated, executed: $0.executed, status: $0.status) }
        let progress = CommitmentAssessment.assess(
            yearly: Dictionary(current.map { ($0.fiscalYear, $0.executed) }, uniquingKeysWith: +),
            commitments: project.budget.map { ($0.by, $0.committed) }, planStart: planStart, asOf: asOf)
        let basis: Basis = project.budget.allSatisfy { $0.treasury != nil } ? .treasury : .totalCost
        return BudgetAssessment(projectId: project.id, years: years, basis: basis, allocatedToDate: years.reduce(0) { $0 + $1.allocated },
                                executedToDate: years.reduce(0) { $0 + $1.executed }, progress: progress)
    }
}

/// A project's jobs created to date against its jobs commitments.
public struct JobsAssessment: Hashable, Sendable {
    public struct Year: Hashable, Sendable {
        public var year: Int
        public var jobs: Int64
    }

    public var projectId: String
    public var years: [Year]
    public var progress: CommitmentAssessment

    static func assess(_ project: Project, facts: [JobsReport], planStart: Period, asOf: AsOf) -> JobsAssessment {
        let current = Revisions.current(facts, asOf: asOf, record: \.record, applies: { asOf.hasEnded($0.period) }, key: \.year)
            .sorted { $0.year < $1.year }
        let progress = CommitmentAssessment.assess(
            yearly: Dictionary(current.map { ($0.year, $0.jobs) }, uniquingKeysWith: +),
            commitments: project.jobs.map { ($0.by, $0.count) }, planStart: planStart, asOf: asOf)
        return JobsAssessment(projectId: project.id, years: current.map { Year(year: $0.year, jobs: $0.jobs) }, progress: progress)
    }
}
