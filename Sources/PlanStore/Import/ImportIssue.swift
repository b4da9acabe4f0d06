import PlanCore

/// One problem with an import file, as data: the command line prints its English sentence, and
/// the upload page says it in the reader's language from the same case and values.
public enum ImportIssue: Hashable, Sendable {
    /// The bytes or the CSV structure cannot be read (encoding, an open quote); the detail is English.
    case unreadable(String)
    case emptyFile(columns: [String])
    case unknownColumn(String, columns: [String])
    case duplicateColumn(String)
    case missingColumn(String)
    case fieldCount(found: Int, expected: Int)
    case status(String)
    case duplicateRow(firstLine: Int, what: String)
    case periodNotStarted(String, today: String)
    case period(String, detail: String)
    case year(String)
    case yearNotStarted(Int)
    case amountUnit(String, unit: String, column: String, money: Bool)
    case amountNotWhole(String, column: String)
    case amountNotNumber(String, column: String, money: Bool, detail: String)
    case unknownIndicator(String, hint: String?)
    case value(ValueError)
    case unknownTask(String, hint: String?)
    case progress(String)
    case evidenceMissing
    case unknownProject(String, first: String, last: String)
    case sourceURL(String)
    case sourceDate(String)
    case sourceDateInFuture(String, today: String)
    case sourceDateBeforePeriodEnd(String, periodEnd: String)
    case sourceDetailsWithoutSource
    case controlCharacter(column: String)
    /// Longer than `TextLimits` allows for the column.
    case tooLong(column: String, limit: Int)
    /// A character XML cannot carry (U+FFFE, U+FFFF, a control character): the value could never be published.
    case characterXMLCannotCarry(column: String)
    /// The row says something (a label, a note) but reports nothing, and is not a template row left unfilled.
    case nothingReported
    /// The file took longer than an upload may (`ImportBudget`).
    case timeUp(seconds: Int)
    /// `corrects` names no day, the row has no day of its own, the day is not earlier, or no such row came before.
    case correctsNotADay(String)
    case correctsWithoutSourceDate
    case correctsNotEarlier(String, published: String)
    case correctsNoRow(String)

    /// The English sentence `planwatch import` prints.
    public var message: String {
        switch self {
        case .unreadable(let detail): return detail
        case .emptyFile(let columns): return "the file is empty; it needs a header row: \(columns.joined(separator: ","))"
        case .unknownColumn(let cell, let columns): return "unknown column '\(cell)' (this file takes: \(columns.joined(separator: ", ")))"
        case .duplicateColumn(let name): return "column '\(name)' appears twice"
        case .missingColumn(let name): return "missing column '\(name)'"
        case .fieldCount(let found, let expected):
            return "this row \(found < expected ? "is missing fields (truncated?)" : "has extra fields"): \(found) fields, the header has \(expected)"
        case .status(let s): return "status '\(s)' is not provisional or final (잠정 or 확정)"
        case .duplicateRow(let first, let what):
            return "duplicate row: the same \(what) as line \(first); the rows of one file are recorded at the same time, so which one "
                + "counts would depend on their order: keep one row, and send a correction in a later file"
        case .periodNotStarted(let p, let today): return "period \(p) has not started yet (today is \(today))"
        case .period(_, let detail): return detail
        case .year(let s): return "'\(s)' is not a year (e.g. 2021)"
        case .yearNotStarted(let y): return "year \(y) has not started yet"
        case .amountUnit(let s, let unit, let column, let money): return "'\(s)' is in '\(unit)' but \(column) is \(money ? "money (원)" : "a count")"
        case .amountNotWhole(let s, let column): return "\(column) must be a whole number of zero or more, not '\(s)'"
        case .amountNotNumber(_, let column, _, let detail): return "\(detail) — \(column) takes a number"
        case .unknownIndicator(let id, let hint): return "unknown indicator '\(id)'" + (hint.map { "; did you mean '\($0)'?" } ?? "")
        case .value(let error): return error.message
        case .unknownTask(let id, let hint): return "unknown task '\(id)'" + (hint.map { "; did you mean '\($0)'?" } ?? "")
        case .progress(let s): return "progress '\(s)' is not notStarted, inProgress or done (미착수, 추진 중, 완료)"
        case .evidenceMissing: return "evidence is required: a sentence or a link that shows the status"
        case .unknownProject(let id, let first, let last): return "unknown project '\(id)' (projects are \(first)…\(last))"
        case .sourceURL(let s): return "source_url '\(s)' is not a web address (http:// or https:// and a host, no spaces)"
        case .sourceDate(let s): return "source_date '\(s)' is not a day (2022-04-18)"
        case .sourceDateInFuture(let s, let today): return "source_date \(s) is after today (\(today))"
        case .sourceDateBeforePeriodEnd(let s, let end): return "source_date \(s) is before the period it reports ended (\(end)): a figure published before then is a forecast, not an outcome"
        case .sourceDetailsWithoutSource: return "source_title, source_url, source_date, source_quote or definition_note is given but source (the publisher) is empty"
        case .controlCharacter(let column): return "\(column) holds a control character; remove it"
        case .correctsNotADay(let s): return "corrects '\(s)' is not a day (2021-03-19): it names the source_date of the row this one corrects"
        case .correctsWithoutSourceDate: return "a row that corrects another needs its own source_date"
        case .correctsNotEarlier(let s, let published): return "corrects \(s), which is not before this row's source_date \(published)"
        case .correctsNoRow(let s): return "corrects \(s), but no earlier row of this file for the same indicator, period and basis has that source_date"
        case .tooLong(let column, let limit): return "\(column) is longer than \(limit.grouped) characters"
        case .characterXMLCannotCarry(let column): return "\(column) holds a character that cannot be published (such as U+FFFF or a control character); remove it"
        case .nothingReported: return "this row has content but reports nothing: fill in its value or delete the row"
        case .timeUp(let seconds): return ImportBudget.message(.timeUp(seconds: seconds))
        }
    }

    /// The same problem with every value it quotes cut to `EchoedText.limit` characters (and
    /// details to three times that), so a hundred errors about a megabyte cell stay a page.
    public var cut: ImportIssue {
        func c(_ s: String) -> String { EchoedText.cut(s) }
        func d(_ s: String) -> String { EchoedText.cut(s, limit: 3 * EchoedText.limit) }
        switch self {
        case .unreadable(let detail): return .unreadable(d(detail))
        case .unknownColumn(let cell, let columns): return .unknownColumn(c(cell), columns: columns)
        case .status(let s): return .status(c(s))
        case .period(let s, let detail): return .period(c(s), detail: d(detail))
        case .year(let s): return .year(c(s))
        case .amountUnit(let s, let unit, let column, let money): return .amountUnit(c(s), unit: c(unit), column: column, money: money)
        case .amountNotWhole(let s, let column): return .amountNotWhole(c(s), column: column)
        case .amountNotNumber(let s, let column, let money, let detail): return .amountNotNumber(c(s), column: column, money: money, detail: d(detail))
        case .unknownIndicator(let id, let hint): return .unknownIndicator(c(id), hint: hint)
        case .value(let error): return .value(ValueError(d(error.message), reason: error.reason))
        case .unknownTask(let id, let hint): return .unknownTask(c(id), hint: hint)
        case .progress(let s): return .progress(c(s))
        case .unknownProject(let id, let first, let last): return .unknownProject(c(id), first: first, last: last)
        case .sourceURL(let s): return .sourceURL(c(s))
        case .sourceDate(let s): return .sourceDate(c(s))
        case .correctsNotADay(let s): return .correctsNotADay(c(s))
        default: return self
        }
    }
}

/// An import problem and where it is: a line and column, or a cell of `sheet` in a workbook.
public struct LocatedImportIssue: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public var issue: ImportIssue
    public var sheet: String?

    public init(line: Int, column: Int, issue: ImportIssue, sheet: String? = nil) {
        self.line = line
        self.column = column
        self.issue = issue
        self.sheet = sheet
    }

    /// `Sheet1!C7` in a workbook; nil for a text file or a problem with no cell.
    public var cell: String? {
        guard let sheet, line > 0, column > 0 else { return nil }
        return CellReference(row: line, column: column).placed(in: sheet)
    }
}
