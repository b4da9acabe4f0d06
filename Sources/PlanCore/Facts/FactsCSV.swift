/// The facts file of `planwatch assess --facts` (`docs/facts-csv.md`): approved observations
/// with their revision history, for assessing without a database.
///
/// Columns (any order): `indicator_id, period, value, status, recorded_at, approved_at,
/// supersedes, source, note`. Each row's id is its line number; `supersedes` names the line
/// of the row it corrects, before or after it.
///
/// A line number is only where a row happens to sit, so nothing may depend on it: two values
/// for one indicator and period recorded at the same time, neither correcting the other, are
/// refused with both lines named (which of them counts would otherwise be decided by the
/// order of the rows), and a correction may point at a row below it.
public enum FactsCSV {
    public static let columns = ["indicator_id", "period", "value", "status", "recorded_at", "approved_at", "supersedes", "source", "note"]
    public static let required = ["indicator_id", "period", "value", "recorded_at"]

    /// Reads the file's bytes; on any problem, throws every diagnostic (capped at `maxErrors`).
    public static func read(_ bytes: [UInt8], file: String, index: PlanIndex, maxErrors: Int = 100) throws(DiagnosticsError) -> [Observation] {
        var reader = CSVReader(bytes: bytes)
        var diagnostics: [Diagnostic] = []
        func fail(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
        }
        var observations: [Observation] = []
        do {
            guard let header = try reader.next() else {
                throw DiagnosticsError([Diagnostic(file: file, line: 1, column: 1, message: "the file is empty; it needs a header row: \(columns.joined(separator: ","))")])
            }
            var at: [String: Int] = [:]
            for (i, name) in header.fields.enumerated() {
                let key = name.trimmingSpaces.lowercased()
                if !columns.contains(key) {
                    fail(header.line, header.positions[i].column, "unknown column '\(name)' (expected: \(columns.joined(separator: ", ")))")
                } else if at[key] != nil {
                    fail(header.line, header.positions[i].column, "column '\(key)' appears twice")
                } else {
                    at[key] = i
                }
            }
            for name in required where at[name] == nil {
                fail(header.line, 1, "missing column '\(name)'")
            }
            guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
            var rows: [Int: Row] = [:]
            var references: [Reference] = []
            while let record = try reader.next(), diagnostics.count < maxErrors {
                if record.fields.count != header.fields.count {
                    fail(record.line, record.positions.last!.column, "this row has \(record.fields.count) fields but the header has \(header.fields.count)")
                    continue
                }
                func field(_ name: String) -> (String, Int)? {
                    guard let i = at[name] else { return nil }
                    return (record.fields[i], record.positions[i].column)
                }
                let before = diagnostics.count
                let (idText, idCol) = field("indicator_id")!
                let indicator = index.indicator(idText.trimmingSpaces)
                if indicator == nil { fail(record.line, idCol, "unknown indicator '\(idText)'") }
                let (periodText, periodCol) = field("period")!
                var period: Period?
                do { period = try PeriodParser.period(periodText) } catch { fail(record.line, periodCol, "\(error)") }
                var value: ObservationValue.Read?
                if let indicator, let (valueText, valueCol) = field("value") {
                    switch ObservationValue.read(valueText, for: indicator, period: period) {
                    case .success(let v): value = v
                    case .failure(let e): fail(record.line, valueCol, e.message)
                    }
                }
                var status = ValueStatus.final
                if let (s, col) = field("status"), !s.trimmingSpaces.isEmpty {
                    if let v = ValueStatus(rawValue: s.trimmingSpaces.lowercased()) { status = v } else {
                        fail(record.line, col, "status '\(s)' is not provisional or final")
                    }
                }
                let (recText, recCol) = field("recorded_at")!
                let recorded = Timestamp(iso: recText)
                if recorded == nil { fail(record.line, recCol, "recorded_at '\(recText)' is not a date or time (e.g. 2021-03-15 or 2021-03-15T10:00:00+09:00)") }
                var approved: Timestamp?
                if let (a, col) = field("approved_at"), !a.trimmingSpaces.isEmpty {
                    approved = Timestamp(iso: a)
                    if approved == nil { fail(record.line, col, "approved_at '\(a)' is not a date or time") }
                    if let r = recorded, let ap = approved, ap < r { fail(record.line, col, "approved_at is before recorded_at") }
                }
                var supersedes: Int64?
                if let (s, col) = field("supersedes"), !s.trimmingSpaces.isEmpty {
                    if let n = Int(s.trimmingSpaces), n != record.line {
                        supersedes = Int64(n)
                        references.append(Reference(line: record.line, column: col, target: n))
                    } else {
                        fail(record.line, col, "supersedes '\(s)' is not the line number of another row")
                    }
                }
                rows[record.line] = Row(indicator: idText.trimmingSpaces, period: period, recorded: recorded, supersedes: supersedes.map(Int.init),
                                        recordedText: recText.trimmingSpaces, recordedColumn: recCol, isValid: diagnostics.count == before)
                guard diagnostics.count == before, let indicator, let period, let value, let recorded else { continue }
                let source = field("source").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
                let note = field("note").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
                let fact = FactRecord(id: Int64(record.line), recordedAt: recorded, recordedBy: "csv:\(file)", approvedAt: approved,
                                      supersedes: supersedes, source: source, note: note)
                switch value {
                case .number(let v): observations.append(Observation(record: fact, indicatorId: indicator.id, period: period, value: v, status: status))
                case .text(let t): observations.append(Observation(record: fact, indicatorId: indicator.id, period: period, text: t, status: status))
                }
            }
            if diagnostics.count < maxErrors {
                diagnostics += crossChecks(rows, references, file: file)
            }
        } catch let failure as CSVReader<SingleChunk>.Failure {
            fail(failure.line, failure.column, failure.message)
        } catch let e as DiagnosticsError {
            throw e
        } catch {
            fail(1, 1, "\(error)")
        }
        guard diagnostics.isEmpty else { throw DiagnosticsError(Array(diagnostics.sorted().prefix(maxErrors))) }
        return observations
    }

    /// What a row needs for the checks across rows.
    struct Row {
        var indicator: String
        var period: Period?
        var recorded: Timestamp?
        var supersedes: Int?
        /// `recorded_at` as written, for messages.
        var recordedText: String
        var recordedColumn: Int
        /// The row has no problem of its own (only such rows are checked for ties).
        var isValid: Bool
    }

    /// A `supersedes` cell: the row it is on and the line it names.
    struct Reference {
        var line: Int
        var column: Int
        var target: Int
    }

    /// The checks that need every row: corrections name a row of the same indicator recorded no
    /// later, without a circle; and no two values for one indicator and period share a recording
    /// time unless one corrects the other.
    static func crossChecks(_ rows: [Int: Row], _ references: [Reference], file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var refused: Set<Int> = []
        func fail(_ line: Int, _ column: Int, _ message: String) {
            out.append(Diagnostic(file: file, line: line, column: column, message: message))
            refused.insert(line)
        }
        for r in references {
            guard let row = rows[r.line] else { continue }
            guard let target = rows[r.target] else {
                fail(r.line, r.column, "supersedes '\(r.target)' is not the line number of another row")
                continue
            }
            if target.indicator != row.indicator {
                fail(r.line, r.column, "supersedes line \(r.target), which is for another indicator (\(target.indicator))")
            } else if let mine = row.recorded, let theirs = target.recorded, theirs > mine {
                fail(r.line, r.column, "supersedes line \(r.target), which was recorded later (\(target.recordedText)): a correction is recorded after what it corrects")
            } else {
                var seen: Set<Int> = [r.line]
                var next = target.supersedes
                while let n = next, seen.insert(n).inserted { next = rows[n]?.supersedes }
                if let n = next, n == r.line {
                    fail(r.line, r.column, "supersedes line \(r.target), which in turn supersedes this row: corrections cannot go round in a circle")
                }
            }
        }
        // Rows for one indicator and period recorded at the same instant, in line order.
        var groups: [String: [Int]] = [:]
        for (line, row) in rows where row.isValid && !refused.contains(line) {
            guard let period = row.period, let recorded = row.recorded else { continue }
            groups["\(row.indicator)\u{1F}\(period.key)\u{1F}\(recorded.seconds)", default: []].append(line)
        }
        for lines in groups.values where lines.count > 1 {
            let sorted = lines.sorted()
            for (k, line) in sorted.enumerated() {
                let row = rows[line]!
                guard let earlier = sorted[..<k].first(where: { other in
                    rows[other]!.supersedes != line && row.supersedes != other
                }) else { continue }
                fail(line, row.recordedColumn, "line \(earlier) holds another value for \(row.indicator) \(row.period!.iso) recorded at the same time "
                     + "(\(row.recordedText)); which one counts cannot depend on the order of the rows: give the one recorded later its own "
                     + "recorded_at, or, if one corrects the other, put the corrected row's line in the correcting row's supersedes column")
            }
        }
        return out
    }
}
