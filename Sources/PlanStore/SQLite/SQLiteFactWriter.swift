import GRDB
import GRDBSQLite
import PlanCore

/// Inserts facts through one prepared statement, binding values with SQLite's C API directly:
/// the import path, where boxing every value into GRDB's `StatementArguments` would cost more
/// than SQLite's own work.
struct SQLiteFactWriter {
    let db: Database
    let statement: Statement
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, kind: FactKind) throws {
        self.db = db
        statement = try db.makeStatement(sql: SQLiteFactCodec.insertSQL(kind, withId: true))
    }

    /// Inserts `fact` with its id.
    func insert(_ f: StoredFact) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        var i: Int32 = 1
        func text(_ v: String?) {
            if var v {
                v.withUTF8 { b in _ = sqlite3_bind_text(s, i, b.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(b.count), Self.transient) }
            } else {
                sqlite3_bind_null(s, i)
            }
            i += 1
        }
        func int(_ v: Int64?) {
            if let v { sqlite3_bind_int64(s, i, v) } else { sqlite3_bind_null(s, i) }
            i += 1
        }
        func real(_ v: Double?) {
            if let v { sqlite3_bind_double(s, i, v) } else { sqlite3_bind_null(s, i) }
            i += 1
        }
        int(f.id)
        switch f.entry.draft {
        case let .observation(indicatorId, period, value, t, _):
            text(indicatorId); text(period.iso); int(Int64(period.end.ordinal)); real(value); text(t)
        case let .budget(projectId, fiscalYear, allocated, executed):
            text(projectId); int(Int64(fiscalYear)); int(allocated); int(executed)
        case let .jobs(projectId, year, jobs):
            text(projectId); int(Int64(year)); int(jobs)
        case let .taskStatus(taskId, day, progress, evidence):
            text(taskId); text(day.iso); text(progress.rawValue); text(evidence)
        }
        int(f.entry.supersedes); text(f.entry.valueStatus.rawValue); text(f.entry.source); text(f.entry.note)
        int(f.recordedAt.seconds); text(f.recordedBy); int(f.planVersion); int(f.importId); text(f.state.rawValue)
        int(f.submittedAt?.seconds); int(f.decidedAt?.seconds); text(f.decidedBy)
        for part in f.entry.provenance?.columnValues ?? [nil, nil, nil, nil, nil] { text(part) }
        if case let .observation(_, _, _, _, basis) = f.entry.draft { text(basis) }
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
