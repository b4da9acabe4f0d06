/// What a workbook may hold before it is refused as broken or hostile, chosen well past any
/// report an office sends (a template has a dozen columns, a few merged header cells and a
/// string per cell) and low enough that a small file cannot make the reader's memory or time
/// grow out of proportion to it (docs/import-formats.md).
public struct XLSXLimits: Sendable {
    /// A small part (relationships, workbook.xml, styles.xml), counted as it inflates: what the
    /// ZIP headers say is never trusted.
    public var smallPartBytes = 8 << 20
    /// A cell's text, in UTF-8: the same 64 KB as a CSV field.
    public var cellBytes = 64 << 10
    /// Columns in a row: the same 64 as a CSV row.
    public var rowWidth = 64
    /// Merged ranges in a sheet.
    public var merges = 10_000
    /// Strings in the shared string table.
    public var sharedStrings = 2_000_000
    /// The shared strings' text together, in UTF-8: 32 times the file's size, at least 16 MB,
    /// at most 256 MB.
    public func sharedStringBytes(fileSize: Int) -> Int { min(256 << 20, max(16 << 20, fileSize * 32)) }

    public init() {}
}

extension Int {
    /// `10,000`: a limit as a message states it.
    var grouped: String {
        let digits = Array(String(magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (self < 0 ? "-" : "") + out
    }
}
