import Foundation
import PlanCore

/// The rows of one worksheet as records with places (`TableRecordReader`), each cell converted
/// to the text an officer would have typed into a CSV file (`XLSXCellText`), so the import
/// validates them exactly as CSV rows. Row and column are Excel's (`C7` is row 7, column 3).
///
/// Rows are read one at a time from the inflated sheet. A row is as wide as the header row,
/// or wider when it has values past it; rows with no value at all are skipped, as blank lines
/// are in CSV. A header cell merged across columns gives its value to every column it covers.
public struct XLSXSheetReader: TableRecordReader {
    public let sheetName: String?
    private let handle: FileHandle
    private var scanner: XMLPullScanner
    private let strings: [String]
    private let formats: [XLSXCellFormat]
    private let date1904: Bool
    private let merges: [(first: CellReference, last: CellReference)]
    private let bytesPerXMLByte: Double
    private var headerWidth: Int?
    private var inSheetData = false
    private var finished = false
    private var lastRow = 0

    public var bytesRead: Int { Int(Double(scanner.consumed) * bytesPerXMLByte) }

    init(name: String, handle: FileHandle, strings: [String], formats: [XLSXCellFormat], date1904: Bool,
         merges: [(first: CellReference, last: CellReference)], bytesPerXMLByte: Double) {
        self.sheetName = name
        self.handle = handle
        self.scanner = XMLPullScanner(handle: handle)
        self.strings = strings
        self.formats = formats
        self.date1904 = date1904
        self.merges = merges
        self.bytesPerXMLByte = bytesPerXMLByte
    }

    /// The cell being read.
    private struct Cell {
        var column: Int
        var style: Int
        var type: String
        var value: String?
        var inline: XLSXRichText?
        var inValue = false
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
                        row = attributes.first { $0.name == "r" }.flatMap { Int($0.value) } ?? lastRow + 1
                        lastRow = row
                        nextColumn = 1
                        cells.removeAll(keepingCapacity: true)
                    case "c":
                        var c = Cell(column: nextColumn, style: 0, type: "n")
                        for a in attributes {
                            switch a.name {
                            case "r":
                                guard let ref = CellReference(a.value) else { throw TableReadFailure(line: row, column: nextColumn, message: "a cell named '\(a.value)', which is not a cell reference") }
                                c.column = ref.column
                            case "s": c.style = Int(a.value) ?? 0
                            case "t": c.type = a.value
                            default: break
                            }
                        }
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
                    guard var c = cell else { continue }
                    if c.inValue {
                        c.value = (c.value ?? "") + text
                    } else {
                        c.inline?.append(text)
                    }
                    cell = c
                case .close(let name):
                    switch name {
                    case "v": cell?.inValue = false
                    case "c":
                        if let c = cell {
                            let text = try self.text(of: c, row: row)
                            if !text.isEmpty { cells.append((c.column, text)) }
                        }
                        cell = nil
                    case "row":
                        if !cells.isEmpty { return record(row: row, cells: cells) }
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

    private mutating func finish() -> TableRecord? {
        finished = true
        try? handle.close()
        return nil
    }

    /// A row padded to the header's width, with the header completed from merged cells.
    private mutating func record(row: Int, cells: [(column: Int, text: String)]) -> TableRecord {
        var last = cells.map(\.column).max() ?? 0
        if headerWidth == nil {
            let filled = Set(cells.map(\.column))
            for m in merges where m.first.row == row && filled.contains(m.first.column) { last = max(last, min(m.last.column, 16_384)) }
        }
        let width = max(last, headerWidth ?? 0)
        var fields = Array(repeating: "", count: width)
        for c in cells { fields[c.column - 1] = c.text }
        if headerWidth == nil {
            for m in merges where m.first.row == row && m.first.column < min(m.last.column, width) + 1 {
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
            guard let v = c.value, let i = Int(v.trimmingCharacters(in: .whitespaces)), strings.indices.contains(i) else {
                throw TableReadFailure(line: row, column: c.column, message: "the cell refers to shared string \(c.value ?? "?"), which the workbook does not have")
            }
            return strings[i]
        case "inlineStr": return c.inline?.value ?? ""
        case "str", "e": return XLSXCellText.unescape(c.value ?? "")
        case "b": return c.value.map { $0 == "1" || $0.lowercased() == "true" ? "TRUE" : "FALSE" } ?? ""
        case "d": return String((c.value ?? "").prefix(10))
        default:
            guard let v = c.value, !v.isEmpty else { return "" }
            guard let number = Double(v.trimmingCharacters(in: .whitespaces)) else { return v }
            switch c.style < formats.count ? formats[c.style] : .general {
            case .general: return XLSXCellText.number(number)
            case .percent: return XLSXCellText.number(number, shift: 2) + "%"
            case .date: return XLSXCellText.day(serial: number, date1904: date1904) ?? XLSXCellText.number(number)
            }
        }
    }
}
