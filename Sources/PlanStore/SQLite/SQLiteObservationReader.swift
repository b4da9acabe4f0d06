import GRDB
import GRDBSQLite
import PlanCore

/// Reads approved observations straight from SQLite's row buffers into an `ObservationLog`:
/// strings are interned from their bytes and periods parsed once per distinct text, so loading
/// ten million facts at start makes no `String`, `Row` or `Observation` per row.
struct SQLiteObservationReader {
    static let columns = "id, indicator_id, period, value, text, value_status, source, note, recorded_at, recorded_by, decided_at, supersedes, "
        + "source_title, source_url, source_date, source_quote, definition_note, basis"

    private var log = ObservationLog()
    /// Period texts seen so far, by their reference in `periodTexts`, with the log's reference.
    private var periodTexts = StringPool()
    private var periodRefs: [Int32] = []

    /// Every row `sql` selects (`columns`, approved rows only), appended in order. Room for
    /// `expected` facts is made at once: columns left to double as they grow would hold, at ten
    /// million facts, hundreds of megabytes they never use.
    static func read(_ db: Database, sql: String, arguments: StatementArguments = [], expected: Int = 0) throws -> ObservationLog {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        var reader = SQLiteObservationReader()
        reader.log.reserve(expected)
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try reader.appendRow(s)
        }
        return reader.log
    }

    private mutating func appendRow(_ s: SQLiteStatement) throws {
        func isNull(_ i: Int32) -> Bool { sqlite3_column_type(s, i) == SQLITE_NULL }
        func bytes(_ i: Int32) -> UnsafeRawBufferPointer {
            let p = sqlite3_column_text(s, i)
            return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i)))
        }
        func string(_ i: Int32) -> Int32 {
            guard let p = sqlite3_column_text(s, i) else { return -1 }
            return log.intern(bytes: UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, i))))
        }
        let periodText = periodTexts.intern(bytes: bytes(2))
        if Int(periodText) == periodRefs.count {
            let text = periodTexts[periodText]
            guard let period = try? PeriodParser.period(text) else { throw StoreError.invalid("stored period '\(text)' is unreadable") }
            periodRefs.append(log.intern(period))
        }
        let status = bytes(5)
        log.appendEntry(indicator: string(1), period: periodRefs[Int(periodText)], value: isNull(3) ? nil : sqlite3_column_double(s, 3),
                        text: string(4), provisional: status.elementsEqual("provisional".utf8), id: sqlite3_column_int64(s, 0),
                        recordedAt: sqlite3_column_int64(s, 8), recordedBy: string(9), approvedAt: sqlite3_column_int64(s, 10),
                        supersedes: isNull(11) ? nil : sqlite3_column_int64(s, 11), source: string(6), note: string(7),
                        provenance: provenance(s), basis: string(17))
    }

    /// The row's provenance as one interned string, or -1: national-scale rows carry none, and
    /// cost five NULL checks.
    private mutating func provenance(_ s: SQLiteStatement) -> Int32 {
        guard (12...16).contains(where: { sqlite3_column_type(s, $0) != SQLITE_NULL }) else { return -1 }
        let parts = (Int32(12)...16).map { i in sqlite3_column_text(s, i).map { String(cString: $0) } }
        return Provenance(columnValues: parts).map { log.intern($0.packed) } ?? -1
    }
}
