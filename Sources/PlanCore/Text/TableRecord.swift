/// One row of an input table with where each field is, whatever the file: a CSV record
/// (line and character column) or a worksheet row (row number and column number, `C7`).
public struct TableRecord: Sendable {
    public var fields: [String]
    /// Line (or row) and column, from 1, where each field starts.
    public var positions: [(line: Int, column: Int)]
    public var line: Int { positions.first?.line ?? 0 }

    public init(fields: [String], positions: [(line: Int, column: Int)]) {
        self.fields = fields
        self.positions = positions
    }
}

/// Why a table cannot be read further, and where.
public struct TableReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Records with positions, so that one validation path (`ImportRowSource`) reads CSV files
/// and worksheets alike and places every problem where the officer will look for it.
public protocol TableRecordReader {
    /// The worksheet the records come from; nil for a text file, whose places are line:column.
    var sheetName: String? { get }
    /// Bytes of the file consumed so far (an estimate for a compressed workbook), for progress.
    var bytesRead: Int { get }
    /// The next non-blank record, nil at the end.
    mutating func nextRecord() throws(TableReadFailure) -> TableRecord?
}

extension CSVReader: TableRecordReader {
    public var sheetName: String? { nil }
    public mutating func nextRecord() throws(TableReadFailure) -> TableRecord? { try next() }
}
