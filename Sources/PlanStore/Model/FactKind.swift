import PlanCore

/// The four kinds of reported facts, each in its own append-only table.
public enum FactKind: String, Sendable, Hashable, Codable, CaseIterable {
    case observation, budget, jobs, taskStatus

    public var table: String {
        switch self {
        case .observation: return "observations"
        case .budget: return "budget_executions"
        case .jobs: return "jobs_reports"
        case .taskStatus: return "task_status_reports"
        }
    }

    /// The columns that never change once written, in the order the audit digest hashes them.
    public var immutableColumns: [String] {
        let common = ["id", "value_status", "source", "note", "recorded_at", "recorded_by", "supersedes", "plan_version", "import_id"]
        switch self {
        case .observation: return ["indicator_id", "period", "value", "text"] + common
        case .budget: return ["project_id", "fiscal_year", "allocated", "executed"] + common
        case .jobs: return ["project_id", "year", "jobs"] + common
        case .taskStatus: return ["task_id", "as_of_day", "progress", "evidence"] + common
        }
    }

    /// The columns of a fact's `Provenance` (migration 6), also never changed once written. Kept
    /// apart from `immutableColumns`, which the first migration's triggers were written from.
    public static let provenanceColumns = Provenance.columns

    /// Columns added after provenance (migration 9 and later), also never changed once written:
    /// the basis an observation was counted on. They follow every other column in writes and in
    /// the audit digest, which commits to them only when set, so older events verify as before.
    public var laterColumns: [String] { self == .observation ? ["basis"] : [] }

    /// The column naming what a fact is about (its key's subject), indexed for keyed lookups.
    public var subjectColumn: String {
        switch self {
        case .observation: return "indicator_id"
        case .budget, .jobs: return "project_id"
        case .taskStatus: return "task_id"
        }
    }

    /// The command-line and CSV name: `observations`, `budget`, `jobs`, `tasks`.
    public var importName: String {
        switch self {
        case .observation: return "observations"
        case .budget: return "budget"
        case .jobs: return "jobs"
        case .taskStatus: return "tasks"
        }
    }
}
