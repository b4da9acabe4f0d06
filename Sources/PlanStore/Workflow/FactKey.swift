import PlanCore

/// What a fact is about, the same across its revisions: an indicator in a period, a project's
/// budget or jobs in a year, a task's status.
public struct FactKey: Hashable, Sendable, Comparable {
    public var kind: FactKind
    /// The indicator, project or task id.
    public var subject: String
    /// The period key (`2024`, `2024-H2`), the year, or empty for a task's status.
    public var period: String
    /// The basis an observation was counted on (`Observation.basis`), empty for the plan's own:
    /// a figure on another basis is another figure, never a revision of this one.
    public var basis: String

    public init(kind: FactKind, subject: String, period: String, basis: String = "") {
        self.kind = kind
        self.subject = subject
        self.period = period
        self.basis = basis
    }

    public static func < (a: FactKey, b: FactKey) -> Bool {
        (a.kind.rawValue, a.subject, a.period, a.basis) < (b.kind.rawValue, b.subject, b.period, b.basis)
    }
}

extension FactDraft {
    public var key: FactKey {
        switch self {
        case .observation(let indicator, let period, _, _, let basis):
            return FactKey(kind: .observation, subject: indicator, period: period.iso, basis: basis ?? "")
        case .budget(let project, let year, _, _): return FactKey(kind: .budget, subject: project, period: String(year))
        case .jobs(let project, let year, _): return FactKey(kind: .jobs, subject: project, period: String(year))
        case .taskStatus(let task, _, _, _): return FactKey(kind: .taskStatus, subject: task, period: "")
        }
    }

    /// The project the fact reports on.
    public func projectId(_ index: PlanIndex) -> String? {
        switch self {
        case .observation(let indicator, _, _, _, _): return index.projectOf(indicator: indicator)?.id
        case .budget(let project, _, _, _), .jobs(let project, _, _): return index.project(project)?.id
        case .taskStatus(let task, _, _, _): return index.taskIndex[task].map { index.projects[index.projectOfTask[$0]].id }
        }
    }

    /// The period a lock applies to: the observation's period, the fiscal year, or the year of
    /// the day a task's status is reported as of (a reform done in 2021 is part of 2021's record).
    public var lockPeriod: Period? {
        switch self {
        case .observation(_, let period, _, _, _): return period
        case .budget(_, let year, _, _), .jobs(_, let year, _): return Period.year(year)
        case .taskStatus(_, let day, _, _): return Period.year(day.year)
        }
    }

    /// The number a reviewer compares (value, executed money, jobs), if any.
    public var number: Double? {
        switch self {
        case .observation(_, _, let value, _, _): return value
        case .budget(_, _, _, let executed): return Double(executed)
        case .jobs(_, _, let jobs): return Double(jobs)
        case .taskStatus: return nil
        }
    }
}

extension StoredFact {
    public var key: FactKey { entry.draft.key }
}
