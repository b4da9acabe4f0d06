import Foundation
import PlanCore

/// Reads an import file row by row, validating each row against the plan, and hands out only
/// valid entries. The file is a CSV file or an Excel workbook (`.xlsx`, told by its first bytes
/// or its name); both give records with places (`TableRecordReader`), so every row is checked
/// by the same code. Every problem is recorded as `FILE:LINE:COLUMN: message`, or
/// `FILE:Sheet1!C7: message` in a workbook (the first `maxErrors` kept, all counted); the store
/// writes nothing if any was found.
///
/// Used by one thread at a time: the store's writer pulls rows inside its transaction.
public final class ImportRowSource: @unchecked Sendable {
    /// Why a file cannot be read at all: its bytes are not text, or it is not a workbook.
    public struct OpenFailure: Error, Sendable, CustomStringConvertible {
        public var message: String
        /// The line of a text file the problem is on; 0 for a workbook.
        public var line: Int
        public var description: String { message }
    }

    public let kind: FactKind
    public let fileName: String
    public let encoding: TextEncoding
    /// The worksheet read, when the file is a workbook.
    public let sheet: String?
    public private(set) var diagnostics: [Diagnostic] = []
    /// The same problems as data, for messages in the reader's language.
    public private(set) var issues: [LocatedImportIssue] = []
    public private(set) var errorCount = 0
    public private(set) var rowsRead = 0
    public let maxErrors: Int

    private let chunks: TextChunks?
    private var reader: any TableRecordReader
    private let index: PlanIndex
    private let format: ImportFormat
    private var at: [String: Int] = [:]
    private var headerCount = 0
    private var done = false
    private var seen: [Int: Int32] = [:]
    /// The position among the entries handed out of each observation row, by its indicator,
    /// period, basis and publication day: what a later row's `corrects` names.
    private var publishedRows: [String: Int] = [:]
    private var handedOut = 0
    /// For the entry `next()` just handed out: the position of the earlier entry of this file it
    /// corrects (its `corrects` column), or nil. The importer turns it into `supersedes`.
    public private(set) var correctedEntry: Int?
    private let today: CalendarDay
    /// Stops the reading when its time is up or its client has gone (an upload).
    private let budget: ImportBudget
    /// "Did you mean" for unknown ids; its work is counted so tests can bound it.
    private(set) var hints = SpellingHint()

    public var bytesRead: Int { chunks?.bytesRead ?? reader.bytesRead }
    /// Called every 50,000 rows with (rows read, bytes read), from the thread doing the import.
    public var onProgress: (@Sendable (Int, Int) -> Void)?
    public var hasErrors: Bool { errorCount > 0 }

    public convenience init(path: String, fileName: String? = nil, kind: FactKind, index: PlanIndex, today: CalendarDay, maxErrors: Int = 100,
                            budget: ImportBudget = .unlimited) throws(OpenFailure) {
        try self.init(Input.path(path), fileName: fileName ?? path, kind: kind, index: index, today: today, maxErrors: maxErrors, budget: budget)
    }

    public convenience init(bytes: [UInt8], fileName: String, kind: FactKind, index: PlanIndex, today: CalendarDay, maxErrors: Int = 100,
                            budget: ImportBudget = .unlimited) throws(OpenFailure) {
        try self.init(Input.bytes(bytes), fileName: fileName, kind: kind, index: index, today: today, maxErrors: maxErrors, budget: budget)
    }

    /// Where the file's bytes are: read from a path as they are needed, or given whole.
    private enum Input {
        case path(String)
        case bytes([UInt8])

        func isWorkbook(named name: String) -> Bool {
            switch self {
            case .path(let path): return XLSXWorkbook.looksLikeWorkbook(path: path, fileName: name)
            case .bytes(let bytes): return XLSXWorkbook.looksLikeWorkbook(bytes.prefix(4), fileName: name)
            }
        }

        func workbook() throws(XLSXWorkbook.Failure) -> XLSXWorkbook {
            switch self {
            case .path(let path): return try XLSXWorkbook(path: path)
            case .bytes(let bytes): return try XLSXWorkbook(bytes: bytes)
            }
        }

        func chunks() throws(TextChunks.Failure) -> TextChunks {
            switch self {
            case .path(let path): return try TextChunks(path: path)
            case .bytes(let bytes): return try TextChunks(bytes: bytes)
            }
        }
    }

    /// A workbook (told by its first bytes or its name) or a text file, either way one reader of records.
    private convenience init(_ input: Input, fileName: String, kind: FactKind, index: PlanIndex, today: CalendarDay, maxErrors: Int,
                             budget: ImportBudget) throws(OpenFailure) {
        if input.isWorkbook(named: fileName) {
            do {
                try self.init(workbook: input.workbook(), fileName: fileName, kind: kind, index: index, today: today, maxErrors: maxErrors, budget: budget)
            } catch { throw OpenFailure(message: error.message, line: 0) }
            return
        }
        do {
            try self.init(chunks: input.chunks(), fileName: fileName, kind: kind, index: index, today: today, maxErrors: maxErrors, budget: budget)
        } catch { throw OpenFailure(message: error.message, line: error.line) }
    }

    convenience init(chunks: TextChunks, fileName: String, kind: FactKind, index: PlanIndex, today: CalendarDay, maxErrors: Int, budget: ImportBudget) {
        self.init(reader: CSVReader(chunks, limits: .init(maxFields: 64, maxFieldBytes: 64 * 1024)), chunks: chunks, encoding: chunks.encoding,
                  fileName: fileName, kind: kind, index: index, today: today, maxErrors: maxErrors, budget: budget)
    }

    /// Reads the worksheet named like `kind` (`ImportFormat.sheetNames`), else the first.
    convenience init(workbook: XLSXWorkbook, fileName: String, kind: FactKind, index: PlanIndex, today: CalendarDay, maxErrors: Int,
                     budget: ImportBudget) throws(XLSXWorkbook.Failure) {
        guard let sheet = workbook.sheet(namedLike: ImportFormat.of(kind).sheetNames) else {
            throw XLSXWorkbook.notAWorkbook("it has no worksheet")
        }
        self.init(reader: try workbook.reader(for: sheet, budget: budget), chunks: nil, encoding: .utf8, fileName: fileName, kind: kind, index: index,
                  today: today, maxErrors: maxErrors, budget: budget)
    }

    private init(reader: any TableRecordReader, chunks: TextChunks?, encoding: TextEncoding, fileName: String, kind: FactKind, index: PlanIndex,
                 today: CalendarDay, maxErrors: Int, budget: ImportBudget) {
        self.budget = budget
        self.chunks = chunks
        self.reader = reader
        self.sheet = reader.sheetName
        self.kind = kind
        self.fileName = fileName
        self.encoding = encoding
        self.index = index
        self.format = ImportFormat.of(kind)
        self.today = today
        self.maxErrors = maxErrors
        readHeader()
    }

    /// Counts a problem and keeps the first `maxErrors`. The issue is made only when it is kept:
    /// a "did you mean" hint compares the id with every id of the plan, which a file of a
    /// million unknown ids must not pay a million times.
    private func fail(_ line: Int, _ column: Int, _ issue: @autoclosure () -> ImportIssue) {
        errorCount += 1
        if diagnostics.count < maxErrors {
            let issue = issue().cut
            diagnostics.append(Diagnostic(file: fileName, line: line, column: column, message: issue.message, sheet: sheet))
            issues.append(LocatedImportIssue(line: line, column: column, issue: issue, sheet: sheet))
        }
    }

    private func readHeader() {
        let header: TableRecord?
        do {
            header = try reader.nextRecord()
        } catch {
            fail(error.line, error.column, .unreadable(error.message))
            done = true
            return
        }
        guard let header else {
            if let f = chunks?.failure { fail(1, 1, .unreadable(f.message)) } else {
                fail(1, 1, .emptyFile(columns: format.columns))
            }
            done = true
            return
        }
        headerCount = header.fields.count
        for (i, cell) in header.fields.enumerated() {
            if ImportFormat.labelColumns.contains(cell.trimmingCharacters(in: .whitespaces).lowercased()) { continue }
            guard let name = format.column(for: cell) else {
                fail(header.line, header.positions[i].column, .unknownColumn(cell, columns: format.columns))
                continue
            }
            if at[name] != nil {
                fail(header.line, header.positions[i].column, .duplicateColumn(name))
            } else {
                at[name] = i
            }
        }
        for name in format.required where at[name] == nil {
            fail(header.line, 1, .missingColumn(name))
        }
        if hasErrors { done = true }
    }

    /// The next valid row, or nil at the end (or after a file-level error).
    public func next() -> FactEntry? {
        while !done {
            let record: TableRecord?
            do {
                record = try reader.nextRecord()
            } catch {
                fail(error.line, error.column, budget.stopped.map(ImportBudget.issue) ?? .unreadable(error.message))
                done = true
                return nil
            }
            guard let record else {
                if let f = chunks?.failure { fail(0, 0, .unreadable(f.message)) }
                done = true
                return nil
            }
            rowsRead += 1
            if rowsRead % 50_000 == 0 { onProgress?(rowsRead, bytesRead) }
            if let stop = budget.stop() {
                fail(record.line, 0, ImportBudget.issue(stop))
                done = true
                return nil
            }
            if record.fields.count != headerCount {
                fail(record.line, record.positions.last?.column ?? 1, .fieldCount(found: record.fields.count, expected: headerCount))
                continue
            }
            guard fieldsFit(record) else { continue }
            if format.valueColumns.allSatisfy({ (field(record, $0)?.text ?? "").allSatisfy(\.isWhitespace) }) {
                if let place = unreported(record) { fail(record.line, place, .nothingReported) }
                continue
            }
            let before = errorCount
            correctedEntry = nil
            if let entry = validate(record), errorCount == before {
                handedOut += 1
                return entry
            }
        }
        return nil
    }

    /// Whether every field is within its length (`TextLimits`) and holds only characters XML
    /// can carry; each that is not is an error at its cell, and the row is not read further.
    private func fieldsFit(_ r: TableRecord) -> Bool {
        var fits = true
        for (name, i) in at {
            let text = r.fields[i]
            let limit = TextLimits.of(column: name)
            if !TextLimits.fits(text, limit) {
                fail(r.line, r.positions[i].column, .tooLong(column: name, limit: limit))
                fits = false
            } else if !XMLText.canCarry(text) && name != "source_title" && name != "source_url" && name != "source_quote" && name != "definition_note" {
                fail(r.line, r.positions[i].column, .characterXMLCannotCarry(column: name))
                fits = false
            }
        }
        return fits
    }

    /// Where a row with no value says something anyway: the column of its first cell that is
    /// not the template's own (its id naming something of the plan, its period, its label),
    /// or nil for a template row left unfilled, which is skipped as a blank line is.
    private func unreported(_ r: TableRecord) -> Int? {
        let keys: Set<String> = ["indicator_id", "project_id", "task_id", "period", "fiscal_year", "year", "date"]
        let key = ["indicator_id", "project_id", "task_id"].compactMap { field(r, $0) }.first
        let known = key.map { k in
            index.indicatorIndex[k.text] != nil || index.project(k.text) != nil || index.task(k.text) != nil
        } ?? false
        for (i, text) in r.fields.enumerated() where !text.allSatisfy(\.isWhitespace) {
            let name = at.first { $0.value == i }?.key
            if known, name.map(keys.contains) ?? true { continue }
            return r.positions[i].column
        }
        return nil
    }

    private func field(_ r: TableRecord, _ name: String) -> (text: String, column: Int)? {
        guard let i = at[name] else { return nil }
        let raw = r.fields[i]
        let trimmed = raw.utf8.first == 0x20 || raw.utf8.last == 0x20 || raw.utf8.first == 0x09 || raw.utf8.last == 0x09
            ? raw.trimmingCharacters(in: .whitespaces) : raw
        return (trimmed, r.positions[i].column)
    }

    private func optional(_ r: TableRecord, _ name: String) -> String? {
        guard let f = field(r, name), !f.text.isEmpty else { return nil }
        return f.text
    }

    private func valueStatus(_ r: TableRecord) -> ValueStatus {
        guard let (s, col) = field(r, "status"), !s.isEmpty else { return .final }
        switch s.lowercased() {
        case "final", "확정", "확정치": return .final
        case "provisional", "잠정", "잠정치": return .provisional
        default:
            fail(r.line, col, .status(s))
            return .final
        }
    }

    private func duplicate(_ r: TableRecord, key: String, _ second: Int64, what: String) {
        var h = Hasher()
        h.combine(key)
        h.combine(second)
        let k = h.finalize()
        if let first = seen[k] {
            fail(r.line, 1, .duplicateRow(firstLine: Int(first), what: what))
        } else {
            seen[k] = Int32(r.line)
        }
    }

    private func period(_ r: TableRecord, _ name: String) -> Period? {
        guard let (s, col) = field(r, name) else { return nil }
        do {
            let p = try PeriodParser.period(s)
            if p.start > today {
                fail(r.line, col, .periodNotStarted(p.iso, today: today.iso))
                return nil
            }
            return p
        } catch {
            fail(r.line, col, .period(s, detail: "\(error)"))
            return nil
        }
    }

    private func year(_ r: TableRecord, _ name: String) -> Int? {
        guard let (s, col) = field(r, name) else { return nil }
        let digits = s.hasSuffix("년") ? String(s.dropLast()) : s
        guard let y = Int(digits), (1900...2100).contains(y) else {
            fail(r.line, col, .year(s))
            return nil
        }
        if y > today.year {
            fail(r.line, col, .yearNotStarted(y))
            return nil
        }
        return y
    }

    private func amount(_ r: TableRecord, _ name: String, unitKind: PlanCore.Unit.Kind) -> Int64? {
        guard let (s, col) = field(r, name) else { return nil }
        do {
            let q = try KoreanNumberParser.parse(s)
            if let u = q.unit, u.kind != unitKind {
                fail(r.line, col, .amountUnit(s, unit: u.symbol, column: name, money: unitKind == .money))
                return nil
            }
            guard q.upper == nil, q.from == nil, q.comparator == nil, q.value >= 0, q.value == q.value.rounded() else {
                fail(r.line, col, .amountNotWhole(s, column: name))
                return nil
            }
            return Int64(q.value)
        } catch {
            fail(r.line, col, .amountNotNumber(s, column: name, money: unitKind == .money, detail: "\(error)"))
            return nil
        }
    }

    /// The publication details of a row, checked by `ProvenanceRules`, each problem placed at its column.
    private func provenance(_ r: TableRecord, source: String?, after periodEnd: CalendarDay?) -> Provenance? {
        var parts: [String: String] = [:]
        for column in Provenance.columns { parts[column] = field(r, column)?.text }
        let (provenance, problems) = ProvenanceRules.check(parts, source: source, periodEnd: periodEnd, today: today)
        for (column, issue) in problems { fail(r.line, field(r, column)?.column ?? 1, issue) }
        return provenance
    }

    /// The position of the earlier entry a row corrects, named by its `corrects` column (the
    /// publication day of a row above it with the same indicator, period and basis), or nil when
    /// the column is blank or wrong (then the problem is recorded).
    private func corrects(_ r: TableRecord, key: String, period: Period, published: CalendarDay?) -> Int? {
        guard let (text, column) = field(r, "corrects"), !text.isEmpty else { return nil }
        guard let day = CalendarDay(iso: text) else {
            fail(r.line, column, .correctsNotADay(text))
            return nil
        }
        guard let published else {
            fail(r.line, column, .correctsWithoutSourceDate)
            return nil
        }
        guard day < published else {
            fail(r.line, column, .correctsNotEarlier(day.iso, published: published.iso))
            return nil
        }
        guard let earlier = publishedRows["\(key)\u{1F}\(period.key)\u{1F}\(day.iso)"] else {
            fail(r.line, column, .correctsNoRow(day.iso))
            return nil
        }
        return earlier
    }

    /// The basis an observation was counted on (`Observation.basis`), or nil for the plan's own:
    /// a few words, no control characters.
    private func basis(_ r: TableRecord) -> String? {
        guard let (text, column) = field(r, "basis"), !text.isEmpty else { return nil }
        if let problem = BasisRule.problem(text) {
            fail(r.line, column, problem)
            return nil
        }
        return text
    }

    private func validate(_ r: TableRecord) -> FactEntry? {
        let status = valueStatus(r)
        let source = optional(r, "source"), note = optional(r, "note")
        switch kind {
        case .observation:
            let (id, idCol) = field(r, "indicator_id")!
            // The indicator is used in place (by position), never copied: this runs a million times.
            let position = index.indicatorIndex[id]
            if position == nil {
                fail(r.line, idCol, .unknownIndicator(id, hint: hints.closest(id, in: index.indicators.map(\.id))))
            }
            let p = period(r, "period")
            var value: ObservationValue.Read?
            if let position, let (v, col) = field(r, "value") {
                switch ObservationValue.read(v, for: index.indicators[position], period: p) {
                case .success(let read): value = read
                case .failure(let e): fail(r.line, col, .value(e))
                }
            }
            let details = provenance(r, source: source, after: p?.end)
            let counted = basis(r)
            guard position != nil, let p, let value else { return nil }
            let key = counted.map { id + "\u{1F}" + $0 } ?? id
            if let corrected = corrects(r, key: key, period: p, published: details?.published) {
                correctedEntry = corrected
            } else {
                duplicate(r, key: key, p.key, what: counted == nil ? "indicator and period" : "indicator, period and basis")
            }
            if let day = details?.published { publishedRows["\(key)\u{1F}\(p.key)\u{1F}\(day.iso)"] = handedOut }
            switch value {
            case .number(let n):
                return FactEntry(.observation(indicatorId: id, period: p, value: n, text: nil, basis: counted), valueStatus: status, source: source,
                                 note: note, provenance: details)
            case .text(let t):
                return FactEntry(.observation(indicatorId: id, period: p, value: nil, text: t, basis: counted), valueStatus: status, source: source,
                                 note: note, provenance: details)
            }
        case .budget:
            let project = knownProject(r)
            let y = year(r, "fiscal_year")
            let allocated = amount(r, "allocated", unitKind: .money)
            let executed = amount(r, "executed", unitKind: .money)
            let details = provenance(r, source: source, after: y.flatMap { Period.year($0)?.end })
            guard let project, let y, let allocated, let executed else { return nil }
            duplicate(r, key: project, Int64(y), what: "project and fiscal year")
            return FactEntry(.budget(projectId: project, fiscalYear: y, allocated: allocated, executed: executed), valueStatus: status, source: source,
                             note: note, provenance: details)
        case .jobs:
            let project = knownProject(r)
            let y = year(r, "year")
            let jobs = amount(r, "jobs", unitKind: .count)
            let details = provenance(r, source: source, after: y.flatMap { Period.year($0)?.end })
            guard let project, let y, let jobs else { return nil }
            duplicate(r, key: project, Int64(y), what: "project and year")
            return FactEntry(.jobs(projectId: project, year: y, jobs: jobs), valueStatus: status, source: source, note: note, provenance: details)
        case .taskStatus:
            let (id, idCol) = field(r, "task_id")!
            let task = index.task(id)
            if task == nil {
                fail(r.line, idCol, .unknownTask(id, hint: hints.closest(id, in: index.tasks.map(\.id))))
            }
            let day = period(r, "date").map(\.end)
            var progress: TaskStatusReport.Progress?
            if let (s, col) = field(r, "progress") {
                progress = TaskStatusReport.Progress(reading: s)
                if progress == nil { fail(r.line, col, .progress(s)) }
            }
            let evidence = field(r, "evidence")
            if let e = evidence, e.text.isEmpty { fail(r.line, e.column, .evidenceMissing) }
            // A status report may be published on the day it applies from.
            let details = provenance(r, source: source, after: day.map { $0.adding(days: -1) })
            guard let task, let day, let progress, let evidence, !evidence.text.isEmpty else { return nil }
            duplicate(r, key: task.id, Int64(day.ordinal), what: "task and date")
            return FactEntry(.taskStatus(taskId: task.id, day: day, progress: progress, evidence: evidence.text), valueStatus: status, source: source,
                             note: note, provenance: details)
        }
    }

    private func knownProject(_ r: TableRecord) -> String? {
        let (id, col) = field(r, "project_id")!
        guard index.project(id) != nil else {
            fail(r.line, col, .unknownProject(id, first: index.projects.first?.id ?? "", last: index.projects.last?.id ?? ""))
            return nil
        }
        return id
    }
}
