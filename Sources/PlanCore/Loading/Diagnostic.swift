/// One problem found in an input file, pinned to its place so an officer can find and fix it.
///
/// Printed as `FILE:LINE:COLUMN: error: message`, the form editors and CI logs link to; a
/// problem in a worksheet as `FILE:Sheet1!C7: error: message`, the cell as Excel names it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// The worksheet, when the file is a workbook: `line` is then the row and `column` the
    /// column number (3 is C).
    public var sheet: String?

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.sheet = sheet
    }

    /// `line:column`, or `Sheet1!C7` in a worksheet (just the sheet when the problem has no
    /// cell); nil when the problem is with the file as a whole (line 0).
    public var place: String? {
        guard let sheet else { return line > 0 ? "\(line):\(column)" : nil }
        guard line > 0, column > 0 else { return CellReference.quotedSheet(sheet) }
        return CellReference(row: line, column: column).placed(in: sheet)
    }

    public var description: String { "\(file):" + (place.map { "\($0): " } ?? " ") + "\(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

/// The diagnostics of a failed load, thrown so callers can print every one.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
