import GRDB
import PlanCore

/// Reads and writes fact rows of each kind for `SQLiteStore`.
enum SQLiteFactCodec {
    static func insertSQL(_ kind: FactKind, withId: Bool = false) -> String {
        let own: [String]
        switch kind {
        case .observation: own = ["indicator_id", "period", "period_end", "value", "text"]
        case .budget: own = ["project_id", "fiscal_year", "allocated", "executed"]
        case .jobs: own = ["project_id", "year", "jobs"]
        case .taskStatus: own = ["task_id", "as_of_day", "progress", "evidence"]
        }
        let columns = (withId ? ["id"] : []) + own + ["supersedes", "value_status", "source", "note", "recorded_at", "recorded_by", "plan_version",
                             "import_id", "state", "submitted_at", "decided_at", "decided_by"] + FactKind.provenanceColumns + kind.laterColumns
        return "INSERT INTO \(kind.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    static func arguments(_ f: StoredFact) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?]
        switch f.entry.draft {
        case let .observation(indicatorId, period, value, text, _):
            values = [indicatorId, period.iso, period.end.ordinal, value, text]
        case let .budget(projectId, fiscalYear, allocated, executed):
            values = [projectId, fiscalYear, allocated, executed]
        case let .jobs(projectId, year, jobs):
            values = [projectId, year, jobs]
        case let .taskStatus(taskId, day, progress, evidence):
            values = [taskId, day.iso, progress.rawValue, evidence]
        }
        values += [f.entry.supersedes, f.entry.valueStatus.rawValue, f.entry.source, f.entry.note, f.recordedAt.seconds,
                   f.recordedBy, f.planVersion, f.importId, f.state.rawValue, f.submittedAt?.seconds, f.decidedAt?.seconds, f.decidedBy]
        values += f.entry.provenance?.columnValues ?? [nil, nil, nil, nil, nil]
        if case let .observation(_, _, _, _, basis) = f.entry.draft { values.append(basis) }
        return StatementArguments(values)
    }

    static func decode(_ row: Row, _ kind: FactKind) throws -> StoredFact {
        let draft: FactDraft
        switch kind {
        case .observation:
            let periodText: String = row["period"]
            guard let period = try? PeriodParser.period(periodText) else { throw StoreError.invalid("stored period '\(periodText)' is unreadable") }
            draft = .observation(indicatorId: row["indicator_id"], period: period, value: row["value"], text: row["text"], basis: row["basis"])
        case .budget:
            draft = .budget(projectId: row["project_id"], fiscalYear: row["fiscal_year"], allocated: row["allocated"], executed: row["executed"])
        case .jobs:
            draft = .jobs(projectId: row["project_id"], year: row["year"], jobs: row["jobs"])
        case .taskStatus:
            let dayText: String = row["as_of_day"]
            let progressText: String = row["progress"]
            guard let day = CalendarDay(iso: dayText), let progress = TaskStatusReport.Progress(rawValue: progressText) else {
                throw StoreError.invalid("stored task status row \(row["id"] as Int64) is unreadable")
            }
            draft = .taskStatus(taskId: row["task_id"], day: day, progress: progress, evidence: row["evidence"])
        }
        let stateText: String = row["state"]
        let statusText: String = row["value_status"]
        return StoredFact(
            id: row["id"],
            entry: FactEntry(draft, valueStatus: ValueStatus(rawValue: statusText) ?? .final, source: row["source"], note: row["note"],
                             supersedes: row["supersedes"], provenance: provenance(row)),
            recordedAt: Timestamp(seconds: row["recorded_at"]), recordedBy: row["recorded_by"], planVersion: row["plan_version"],
            importId: row["import_id"], state: ApprovalState(rawValue: stateText) ?? .draft,
            submittedAt: (row["submitted_at"] as Int64?).map(Timestamp.init), decidedAt: (row["decided_at"] as Int64?).map(Timestamp.init),
            decidedBy: row["decided_by"], returnReason: row["return_reason"], submittedBy: row["submitted_by"])
    }

    /// The provenance of a stored row, or nil when it has none.
    static func provenance(_ row: Row) -> Provenance? {
        Provenance(columnValues: FactKind.provenanceColumns.map { row[$0] as String? })
    }

    /// The immutable columns of a stored row, typed as the digest renders them.
    static func digestRow(_ row: Row, _ kind: FactKind) -> [DigestValue] {
        var out: [DigestValue] = []
        out.reserveCapacity(kind.immutableColumns.count + FactKind.provenanceColumns.count)
        for (column, type) in zip(kind.immutableColumns, kind.immutableColumnTypes) {
            switch type {
            case .int:
                let v: Int64? = row[column]
                out.append(v.map(DigestValue.int) ?? .null)
            case .real:
                let v: Double? = row[column]
                out.append(v.map(DigestValue.real) ?? .null)
            case .text:
                let v: String? = row[column]
                out.append(v.map(DigestValue.text) ?? .null)
            }
        }
        return out + DigestValue.provenance(FactKind.provenanceColumns.map { row[$0] as String? })
            + DigestValue.later(kind.laterColumns.map { row[$0] as String? })
    }
}
