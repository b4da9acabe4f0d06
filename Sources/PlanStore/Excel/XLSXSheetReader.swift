import Foundation
import PlanCore

/// The rows of one worksheet as records with places (`TableRecordReader`), each cell converted
/// to the text an officer would have typed into a CSV file (`XLSXCellText`), so the import
/// validates them exactly as CSV rows. Row and column are Excel's (`C7` is row 7, column 3).
///
/// Rows are read one at a time from the inflated sheet. A row is as wide as the header row,
/// or wider when it has values past it; rows with no value at all are skipped, as blank lines
/// are in CSV. A header cell merged across columns gives its value to every column it covers.
/// Whatever the file says is checked before it is used (a style index, a row number, a cell's
/// column and length), and a cell or row past `XLSXLimits` is refused with its place.
public struct XLSXSheetReader: TableRecordReader {
    public let sheetName: String?
    private let handle: FileHandle
    private var scanner: XMLPullScanner
    private let strings: [String]
    private let formats: [XLSXCellFormat]
    private let date1904: Bool
    private let merges: [(first: CellReference, last: CellReference)]
    private let bytesPerXMLByte: Double
    private let limits: XLSXLimits
    private let budget: ImportBudget
    private var headerWidth: Int?
    private var inSheetData = false
    private var finished = false
    private var lastRow = 0

    public var bytesRead: Int { Int(Double(scanner.consumed) * bytesPerXMLByte) }

    init(name: String, handle: FileHandle, strings: [String], formats: [XLSXCellFormat], date1904: Bool,
         merges: [(first: CellReference, last: CellReference)], bytesPerXMLByte: Double, limits: XLSXLimits = XLSXLimits(),
         budget: ImportBudget = .unlimited) {
        self.sheetName = name
        self.handle = handle
        self.scanner = XMLPullScanner(handle: handle)
        self.strings = strings
        self.formats = formats
        self.date1904 = date1904
        self.merges = merges
        self.bytesPerXMLByte = bytesPerXMLByte
        self.limits = limits
        self.budget = budget
    }

    /// The cell being read. Its text grows in place, piece by piece (`<v>` split by comments,
    /// rich-text runs), never copied per piece.
    private struct Cell {
        var column: Int
        var style: Int
        var type: String
        var value = ""
        var hasValue = false
        var inline: XLSXRichText?
        var inValue = false
        var bytes: Int { value.utf8.count + (inline?.bytes ?? 0) }
    }

    public mutating func nextRecord() throws(TableReadFailure) -> TableRecord? {
        guard !finished else { return nil }
        var row = 0, nextColumn = 1
        var cells: [(column: Int, text: String)] = []
        var cell: Cell?
        do {
            while let token = try scanner.next() {
                switch token {
                case .open(let name, let attributes, let selfClosing):
                    if !inSheetData {
                        if name == "sheetData" {
                            if selfClosing { return finish() }
                            inSheetData = true
                        }
                        continue
                    }
                    switch name {
                    case "row":
                        if let stop = budget.stop() { throw TableReadFailure(line: lastRow + 1, column: 0, message: ImportBudget.message(stop)) }
                        row = try rowNumber(attributes)
                        lastRow = row
                        nextColumn = 1
                        cells.removeAll(keepingCapacity: true)
                    case "c":
                        let c = try open(attributes, row: row, nextColumn: nextColumn)
                        nextColumn = c.column + 1
                        cell = selfClosing ? nil : c
                    case "v":
                        if !selfClosing { cell?.inValue = true }
                    case "is":
                        if !selfClosing { cell?.inline = XLSXRichText() }
                    default:
                        cell?.inline?.open(name, selfClosing: selfClosing)
                    }
                case .text(let text):
                    guard cell != nil else { continue }
                    if cell!.inValue {
                        cell!.value += text
                        cell!.hasValue = true
                    } else {
                        cell!.inline?.append(text)
                    }
                    if cell!.bytes > limits.cellBytes {
                        throw TableReadFailure(line: row, column: cell!.column,
                                               message: "the cell holds more than \(limits.cellBytes >> 10) KB of text, the most a cell may hold")
                    }
                case .close(let name):
                    switch name {
                    case "v": cell?.inValue = false
                    case "c":
                        if let c = cell {
                            let text = try self.text(of: c, row: row)
                            if !text.isEmpty {
                                guard c.column <= limits.rowWidth else {
                                    throw TableReadFailure(line: row, column: c.column,
                                                           message: "a row may have at most \(limits.rowWidth) columns, as in CSV; this cell is in column \(CellReference.letters(c.column))")
                                }
                                cells.append((c.column, text))
                            }
                        }
                        cell = nil
                    case "row":
                        if !cells.isEmpty { return try record(row: row, cells: cells) }
                    case "sheetData":
                        return finish()
                    default:
                        cell?.inline?.close(name)
                    }
                }
            }
        } catch let failure as TableReadFailure {
            throw failure
        } catch {
            throw TableReadFailure(line: max(row, lastRow), column: 0, message: "the worksheet's XML cannot be read: \(error)")
        }
        return finish()
    }

    /// A row's number: `r` when given (1 to 1,048,576, after the rows before it), else the next one.
    private func rowNumber(_ attributes: [(name: String, value: String)]) throws(TableReadFailure) -> Int {
        guard let r = attributes.first(where: { $0.name == "r" })?.value else { return lastRow + 1 }
        guard let n = Int(r), (1...1_048_576).contains(n) else {
            throw TableReadFailure(line: lastRow + 1, column: 0, message: "a row numbered '\(EchoedText.cut(r))', which is not a row (rows are 1 to 1,048,576)")
        }
        return n
    }

    /// A cell's column, style and type from its attributes, each checked.
    private func open(_ attributes: [(name: String, value: String)], row: Int, nextColumn: Int) throws(TableReadFailure) -> Cell {
        var c = Cell(column: nextColumn, style: 0, type: "n")
        for a in attributes {
            switch a.name {
            case "r":
                guard let ref = CellReference(a.value) else {
                    throw TableReadFailure(line: row, column: nextColumn, message: "a cell named '\(EchoedText.cut(a.value))', which is not a cell reference")
                }
                c.column = ref.column
            case "t": c.type = a.value
            default: break
            }
        }
        if let style = attributes.first(where: { $0.name == "s" }) { c.style = try checkStyle(style.value, row: row, column: c.column) }
        return c
    }

    /// A style index the workbook has: 0 (no style) or one of its cell formats.
    @discardableResult
    private func checkStyle(_ text: String, row: Int, column: Int) throws(TableReadFailure) -> Int {
        guard let s = Int(text), s >= 0, s == 0 || s < formats.count else {
            throw TableReadFailure(line: row, column: column,
                                   message: "the cell has style \(EchoedText.cut(text)), which the workbook does not have (it has \(formats.count))")
        }
        return s
    }

    private mutating func finish() -> TableRecord? {
        finished = true
        try? handle.close()
        return nil
    }

    /// A row padded to the header's width, with the header completed from merged cells.
    private mutating func record(row: Int, cells: [(column: Int, text: String)]) throws(TableReadFailure) -> TableRecord {
        var last = cells.map(\.column).max() ?? 0
        if headerWidth == nil {
            let filled = Set(cells.map(\.column))
            for m in merges where m.first.row == row && filled.contains(m.first.column) {
                guard m.last.column <= limits.rowWidth else {
                    throw TableReadFailure(line: row, column: m.first.column,
                                           message: "a header cell is merged to column \(CellReference.letters(m.last.column)); a row may have at most \(limits.rowWidth) columns, as in CSV")
                }
                last = max(last, m.last.column)
            }
        }
        let width = max(last, headerWidth ?? 0)
        var fields = Array(repeating: "", count: width)
        for c in cells { fields[c.column - 1] = c.text }
        if headerWidth == nil {
            for m in merges where m.first.row == row && m.first.column <= width {
                let value = fields[m.first.column - 1]
                for column in m.first.column...min(m.last.column, width) where fields[column - 1].isEmpty { fields[column - 1] = value }
            }
            headerWidth = width
        }
        return TableRecord(fields: fields, positions: (1...max(1, width)).map { (row, $0) })
    }

    /// The text of a cell: strings as written, numbers as `XLSXCellText` writes them by the
    /// cell's number format, booleans as TRUE/FALSE, errors as Excel shows them (`#DIV/0!`);
    /// a formula by its cached value.
    private func text(of c: Cell, row: Int) throws(TableReadFailure) -> String {
        switch c.type {
        case "s":
            guard c.hasValue, let i = Int(c.value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(i) else {
                throw TableReadFailure(line: row, column: c.column,
                                       message: "the cell refers to shared string \(c.hasValue ? EchoedText.cut(c.value) : "?"), which the workbook does not have")
            }
            return strings[i]
        case "inlineStr": return c.inline?.value ?? ""
        case "str", "e": return XLSXCellText.unescape(c.value)
        case "b": return c.hasValue ? (c.value == "1" || c.value.lowercased() == "true" ? "TRUE" : "FALSE") : ""
        case "d": return String(c.value.prefix(10))
        default:
            guard !c.value.isEmpty else { return "" }
            guard let number = Double(c.value.trimmingCharacters(in: .whitespaces)) else { return c.value }
            switch formats.indices.contains(c.style) ? formats[c.style] : .general {
            case .general: return XLSXCellText.number(number)
            case .percent: return XLSXCellText.number(number, shift: 2) + "%"
            case .date: return XLSXCellText.day(serial: number, date1904: date1904) ?? XLSXCellText.number(number)
            }
        }
    }
}
