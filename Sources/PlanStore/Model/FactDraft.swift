import PlanCore

/// A value as a reporter enters it, before the store gives it an id and a time.
public enum FactDraft: Hashable, Sendable {
    /// `basis`: what the figure was counted on when it is not the plan's own (`Observation.basis`).
    case observation(indicatorId: String, period: Period, value: Double?, text: String?, basis: String? = nil)
    case budget(projectId: String, fiscalYear: Int, allocated: Int64, executed: Int64)
    case jobs(projectId: String, year: Int, jobs: Int64)
    case taskStatus(taskId: String, day: CalendarDay, progress: TaskStatusReport.Progress, evidence: String)

    public var kind: FactKind {
        switch self {
        case .observation: return .observation
        case .budget: return .budget
        case .jobs: return .jobs
        case .taskStatus: return .taskStatus
        }
    }
}

/// One value to append, with what the reporter says about it.
public struct FactEntry: Hashable, Sendable {
    public var draft: FactDraft
    public var valueStatus: ValueStatus
    /// Who published the figure, or where it comes from.
    public var source: String?
    public var note: String?
    /// The id of the fact (of the same kind) this one corrects.
    public var supersedes: Int64?
    /// The publication behind the figure, beyond its publisher.
    public var provenance: Provenance?

    public init(_ draft: FactDraft, valueStatus: ValueStatus = .final, source: String? = nil, note: String? = nil, supersedes: Int64? = nil,
                provenance: Provenance? = nil) {
        self.draft = draft
        self.valueStatus = valueStatus
        self.source = source
        self.note = note
        self.supersedes = supersedes
        self.provenance = provenance
    }
}

/// A fact as stored: the entry plus its id, recording and workflow state.
public struct StoredFact: Hashable, Sendable {
    public var id: Int64
    public var entry: FactEntry
    public var recordedAt: Timestamp
    public var recordedBy: String
    public var planVersion: Int64?
    public var importId: Int64?
    public var state: ApprovalState
    public var submittedAt: Timestamp?
    public var decidedAt: Timestamp?
    public var decidedBy: String?
    public var returnReason: String?
    /// Who submitted it, when that was a separate step from recording it.
    public var submittedBy: String? = nil

    public var kind: FactKind { entry.draft.kind }

    /// Who sent it for review: the one who submitted the draft, or its recorder when it was
    /// recorded as submitted (and for facts submitted before `submitted_by` was kept).
    public var submitter: String? { submittedBy ?? (submittedAt != nil ? recordedBy : nil) }

    public var approvedAt: Timestamp? { state == .approved ? decidedAt : nil }

    var record: FactRecord {
        FactRecord(id: id, recordedAt: recordedAt, recordedBy: recordedBy, approvedAt: approvedAt, supersedes: entry.supersedes,
                   source: entry.source, note: entry.note, provenance: entry.provenance)
    }

    /// The fact in the form the assessment reads.
    public func appendTo(_ facts: inout FactSet) {
        switch entry.draft {
        case let .observation(indicatorId, period, value, text, basis):
            facts.observations.append(Observation(record: record, indicatorId: indicatorId, period: period, value: value, text: text,
                                                  status: entry.valueStatus, basis: basis))
        case let .budget(projectId, fiscalYear, allocated, executed):
            facts.budget.append(BudgetExecution(record: record, projectId: projectId, fiscalYear: fiscalYear, allocated: allocated, executed: executed, status: entry.valueStatus))
        case let .jobs(projectId, year, jobs):
            facts.jobs.append(JobsReport(record: record, projectId: projectId, year: year, jobs: jobs, status: entry.valueStatus))
        case let .taskStatus(taskId, day, progress, evidence):
            facts.taskStatuses.append(TaskStatusReport(record: record, taskId: taskId, asOfDay: day, progress: progress, evidence: evidence))
        }
    }
}
