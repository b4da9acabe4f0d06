import PlanCore

/// The open-data tables (`CSVTable`) as worksheets: the same header and rows as the CSV file,
/// with amounts as `#,##0`, shares as `0.0%` and days as dates, so a table opens in Excel ready
/// to sum and sort. Text is written as it is: in a workbook a string never runs as a formula,
/// so the `'` that neutralises one in CSV is not needed.
public enum XLSXTables {
    /// The columns of `table`, each styled by what its name says it holds.
    public static func columns(_ table: CSVTable) -> [XLSXColumn] {
        table.header.map { XLSXColumn($0, style: style(column: $0)) }
    }

    static func style(column name: String) -> XLSXColumn.Style {
        switch name {
        // p and s of the assessment: the share of the planned change achieved, of the time elapsed.
        case "p", "s": return .percent
        case "source_date", "date": return .date
        case "jobs", "allocated", "executed": return .grouped
        default: return name.hasSuffix("_won") ? .grouped : .general
        }
    }

    /// A CSV cell as a worksheet cell of `column`.
    public static func value(_ cell: CSVTable.Cell, _ column: XLSXColumn) -> XLSXValue {
        switch cell {
        case .text(let s):
            guard let s, !s.isEmpty else { return .empty }
            if column.style == .date, let day = CalendarDay(iso: s), day.iso == s { return .day(day) }
            return .text(s)
        case .number(let d): return d.map { .number($0, numberStyle(column)) } ?? .empty
        case .integer(let i): return i.map { .number(Double($0), numberStyle(column)) } ?? .empty
        }
    }

    private static func numberStyle(_ column: XLSXColumn) -> XLSXNumberStyle {
        switch column.style {
        case .grouped: return .grouped
        case .percent: return .percent
        default: return .general
        }
    }

    /// Writes `table` as a sheet named after its file (`observations.csv` → `observations`).
    public static func add(_ table: CSVTable, to writer: XLSXWriter) throws(XLSXWriter.Failure) {
        let columns = columns(table)
        try writer.startSheet(sheetName(table.fileName), columns: columns)
        for row in table.rows { try writer.append(zip(row, columns).map(value)) }
    }

    /// `observations.csv` → `observations`.
    public static func sheetName(_ fileName: String) -> String {
        fileName.hasSuffix(".csv") ? String(fileName.dropLast(4)) : fileName
    }

    /// A table as the bytes of a one-sheet workbook: the downloads small enough to keep.
    public static func bytes(_ table: CSVTable) throws -> [UInt8] {
        try XLSXWriter.bytes { writer in try add(table, to: writer) }
    }
}

extension XLSXTables {
    /// `observations.xlsx`, written a row at a time from `observations` (in id order), so a
    /// national table of ten million rows never sits whole in memory: by the site and by
    /// `planwatch export`.
    public static func writeObservations<S: Sequence>(_ observations: S, to path: String) throws(XLSXWriter.Failure) where S.Element == Observation {
        let columns = columns(OpenDataExport.observationsTable([Observation]()))
        let writer = XLSXWriter(path: path)
        try writer.startSheet("observations", columns: columns)
        for o in observations { try writer.append(zip(OpenDataExport.observationRow(o), columns).map(value)) }
        try writer.finish()
    }
}
