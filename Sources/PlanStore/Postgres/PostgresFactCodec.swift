import NIOCore
import PlanCore
import PostgresNIO

/// Reads and writes fact rows of each kind for `PostgresStore`, including COPY text lines.
enum PostgresFactCodec {
    static func ownColumns(_ kind: FactKind) -> [String] {
        switch kind {
        case .observation: return ["indicator_id", "period", "period_end", "value", "text"]
        case .budget: return ["project_id", "fiscal_year", "allocated", "executed"]
        case .jobs: return ["project_id", "year", "jobs"]
        case .taskStatus: return ["task_id", "as_of_day", "progress", "evidence"]
        }
    }

    static let tailColumns = ["supersedes", "value_status", "source", "note", "recorded_at", "recorded_by", "plan_version",
                              "import_id", "state", "submitted_at", "decided_at", "decided_by"] + FactKind.provenanceColumns

    static func copyColumns(_ kind: FactKind) -> [String] { ["id"] + ownColumns(kind) + tailColumns + kind.laterColumns }

    static func values(_ f: StoredFact) -> [(any PostgresDynamicTypeEncodable)?] {
        var values: [(any PostgresDynamicTypeEncodable)?] = [f.id]
        switch f.entry.draft {
        case let .observation(indicatorId, period, value, text, _):
            values += [indicatorId, period.iso, Int32(period.end.ordinal), value, text]
        case let .budget(projectId, fiscalYear, allocated, executed):
            values += [projectId, Int32(fiscalYear), allocated, executed]
        case let .jobs(projectId, year, jobs):
            values += [projectId, Int32(year), jobs]
        case let .taskStatus(taskId, day, progress, evidence):
            values += [taskId, day.iso, progress.rawValue, evidence]
        }
        values += [f.entry.supersedes, f.entry.valueStatus.rawValue, f.entry.source, f.entry.note, f.recordedAt.seconds, f.recordedBy,
                   f.planVersion, f.importId, f.state.rawValue, f.submittedAt?.seconds, f.decidedAt?.seconds, f.decidedBy]
        values += (f.entry.provenance?.columnValues ?? [nil, nil, nil, nil, nil]).map { $0 }
        if case let .observation(_, _, _, _, basis) = f.entry.draft { values.append(basis) }
        return values
    }

    static func insert(_ f: StoredFact) -> (String, [(any PostgresDynamicTypeEncodable)?]) {
        let columns = copyColumns(f.kind)
        let sql = "INSERT INTO \(f.kind.table) (\(columns.joined(separator: ", "))) VALUES (\((1...columns.count).map { "$\($0)" }.joined(separator: ", ")))"
        return (sql, values(f))
    }

    /// One line of COPY text format: tab-separated, `\N` for NULL, backslash escapes.
    static func copyLine(_ f: StoredFact, into buffer: inout ByteBuffer) {
        var first = true
        func field(_ s: String?) {
            if !first { buffer.writeInteger(UInt8(0x09)) }
            first = false
            guard let s else {
                buffer.writeStaticString("\\N")
                return
            }
            if !s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.writeString(s)
                return
            }
            for b in s.utf8 {
                switch b {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(b)
                }
            }
        }
        func int(_ i: Int64?) { field(i.map { String($0) }) }
        int(f.id)
        switch f.entry.draft {
        case let .observation(indicatorId, period, value, text, _):
            field(indicatorId); field(period.iso); int(Int64(period.end.ordinal)); field(value.map { "\($0)" }); field(text)
        case let .budget(projectId, fiscalYear, allocated, executed):
            field(projectId); int(Int64(fiscalYear)); int(allocated); int(executed)
        case let .jobs(projectId, year, jobs):
            field(projectId); int(Int64(year)); int(jobs)
        case let .taskStatus(taskId, day, progress, evidence):
            field(taskId); field(day.iso); field(progress.rawValue); field(evidence)
        }
        int(f.entry.supersedes); field(f.entry.valueStatus.rawValue); field(f.entry.source); field(f.entry.note)
        int(f.recordedAt.seconds); field(f.recordedBy); int(f.planVersion); int(f.importId); field(f.state.rawValue)
        int(f.submittedAt?.seconds); int(f.decidedAt?.seconds); field(f.decidedBy)
        for part in f.entry.provenance?.columnValues ?? [nil, nil, nil, nil, nil] { field(part) }
        if case let .observation(_, _, _, _, basis) = f.entry.draft { field(basis) }
        buffer.writeInteger(UInt8(0x0A))
    }

    static func decode(_ r: PostgresRandomAccessRow, _ kind: FactKind) throws -> StoredFact {
        let draft: FactDraft
        switch kind {
        case .observation:
            let periodText = try r["period"].decode(String.self)
            guard let period = try? PeriodParser.period(periodText) else { throw StoreError.invalid("stored period '\(periodText)' is unreadable") }
            draft = .observation(indicatorId: try r["indicator_id"].decode(String.self), period: period,
                                 value: try r["value"].decode(Double?.self), text: try r["text"].decode(String?.self),
                                 basis: try r["basis"].decode(String?.self))
        case .budget:
            draft = .budget(projectId: try r["project_id"].decode(String.self), fiscalYear: Int(try r["fiscal_year"].decode(Int32.self)),
                            allocated: try r["allocated"].decode(Int64.self), executed: try r["executed"].decode(Int64.self))
        case .jobs:
            draft = .jobs(projectId: try r["project_id"].decode(String.self), year: Int(try r["year"].decode(Int32.self)), jobs: try r["jobs"].decode(Int64.self))
        case .taskStatus:
            guard let day = CalendarDay(iso: try r["as_of_day"].decode(String.self)),
                  let progress = TaskStatusReport.Progress(rawValue: try r["progress"].decode(String.self)) else {
                throw StoreError.invalid("stored task status row is unreadable")
            }
            draft = .taskStatus(taskId: try r["task_id"].decode(String.self), day: day, progress: progress, evidence: try r["evidence"].decode(String.self))
        }
        return StoredFact(
            id: try r["id"].decode(Int64.self),
            entry: FactEntry(draft, valueStatus: ValueStatus(rawValue: try r["value_status"].decode(String.self)) ?? .final,
                             source: try r["source"].decode(String?.self), note: try r["note"].decode(String?.self),
                             supersedes: try r["supersedes"].decode(Int64?.self), provenance: try provenance(r)),
            recordedAt: Timestamp(seconds: try r["recorded_at"].decode(Int64.self)), recordedBy: try r["recorded_by"].decode(String.self),
            planVersion: try r["plan_version"].decode(Int64?.self), importId: try r["import_id"].decode(Int64?.self),
            state: ApprovalState(rawValue: try r["state"].decode(String.self)) ?? .draft,
            submittedAt: try r["submitted_at"].decode(Int64?.self).map(Timestamp.init),
            decidedAt: try r["decided_at"].decode(Int64?.self).map(Timestamp.init),
            decidedBy: try r["decided_by"].decode(String?.self), returnReason: try r["return_reason"].decode(String?.self),
            submittedBy: try r["submitted_by"].decode(String?.self))
    }

    /// The provenance of a stored row, or nil when it has none.
    static func provenance(_ r: PostgresRandomAccessRow) throws -> Provenance? {
        Provenance(columnValues: try FactKind.provenanceColumns.map { try r[$0].decode(String?.self) })
    }

    static func digestRow(_ r: PostgresRandomAccessRow, _ kind: FactKind) throws -> [DigestValue] {
        try immutableDigestValues(r, kind) + DigestValue.provenance(FactKind.provenanceColumns.map { try r[$0].decode(String?.self) })
            + DigestValue.later(kind.laterColumns.map { try r[$0].decode(String?.self) })
    }

    private static func immutableDigestValues(_ r: PostgresRandomAccessRow, _ kind: FactKind) throws -> [DigestValue] {
        try zip(kind.immutableColumns, kind.immutableColumnTypes).map { column, type in
            let cell = r[column]
            switch type {
            case .int:
                do {
                    return try cell.decode(Int64?.self).map { DigestValue.int($0) } ?? .null
                } catch {
                    return try cell.decode(Int32?.self).map { DigestValue.int(Int64($0)) } ?? .null
                }
            case .real: return try cell.decode(Double?.self).map { .real($0) } ?? .null
            case .text: return try cell.decode(String?.self).map { .text($0) } ?? .null
            }
        }
    }
}
