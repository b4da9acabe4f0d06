/// A table written as CSV the way Korean Excel opens it correctly: UTF-8 with a byte-order
/// mark, CRLF line ends, RFC 4180 quoting.
///
/// Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the
/// start) get a leading `'`, so a hostile note cannot become `=HYPERLINK(…)` in an analyst's Excel.
public struct CSVTable: Sendable {
    public enum Cell: Sendable, Hashable {
        case text(String?)
        case number(Double?)
        case integer(Int64?)
    }

    public var fileName: String
    public var header: [String]
    public var rows: [[Cell]]

    public init(fileName: String, header: [String], rows: [[Cell]] = []) {
        self.fileName = fileName
        self.header = header
        self.rows = rows
    }

    public static let byteOrderMark = "\u{FEFF}"

    public var csv: String {
        var out = Self.byteOrderMark + headerLine
        for row in rows { out += Self.line(row) }
        return out
    }

    /// The header as a CSV line (without the byte-order mark).
    public var headerLine: String { header.map(Self.quote).joined(separator: ",") + "\r\n" }

    /// One row as a CSV line: for writing a table too large to hold a row at a time.
    public static func line(_ row: [Cell]) -> String { row.map(render).joined(separator: ",") + "\r\n" }

    public static func render(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return quote(neutralize(s ?? ""))
        case .number(let d): return d.map { JSONValue.format($0) } ?? ""
        case .integer(let i): return i.map { String($0) } ?? ""
        }
    }

    /// Prefixes text a spreadsheet would evaluate as a formula.
    public static func neutralize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + s : s
    }

    public static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
