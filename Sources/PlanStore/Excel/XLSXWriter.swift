import Foundation
import PlanCore
import ZIPFoundation

/// Writes an `.xlsx` workbook a row at a time, so a national table never sits whole in memory.
///
/// Each sheet's rows are written as XML to an unlinked temporary file in batches; `finish()`
/// puts the workbook's parts into a ZIP archive (ZIPFoundation), deflating each sheet from its
/// file behind a prologue made last: the column widths (fitted to the content, Hangul counted
/// as two) must come before the rows in SpreadsheetML, and are known only once all rows are.
/// Every sheet has a bold header row, frozen; strings are written inline, so no table of
/// shared strings has to be kept. The file appears under its name only when complete.
public final class XLSXWriter {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private struct Sheet {
        var name: String
        var columns: [XLSXColumn]
        var file: FileHandle
        var rows = 0
        var widths: [Int]
        var bytes = 0
    }

    private let path: String
    private var sheets: [Sheet] = []
    private var open: Sheet?
    private var pending = ""
    private var letters: [String] = []
    private var finished = false

    public init(path: String) {
        self.path = path
    }

    /// Starts a sheet (ending the one before) and writes its header row. The name is made
    /// one Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
    public func startSheet(_ name: String, columns: [XLSXColumn]) throws(Failure) {
        try endSheet()
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-sheet-\(UUID().uuidString).xml").path
        guard FileManager.default.createFile(atPath: tmp, contents: nil), let file = FileHandle(forUpdatingAtPath: tmp) else {
            throw Failure(message: "cannot create a temporary file in \(FileManager.default.temporaryDirectory.path)")
        }
        unlink(tmp)
        while letters.count < columns.count { letters.append(CellReference.letters(letters.count + 1)) }
        open = Sheet(name: uniqueName(name), columns: columns, file: file, widths: columns.map { Self.displayWidth($0.header) })
        pending = "<row r=\"1\">"
        for (i, c) in columns.enumerated() {
            pending += "<c r=\"\(letters[i])1\" s=\"\(Self.headerStyle)\" t=\"inlineStr\"><is>\(Self.textElement(c.header))</is></c>"
        }
        pending += "</row>"
        open?.rows = 1
    }

    /// Appends a row to the current sheet; cells past the columns are dropped.
    public func append(_ row: [XLSXValue]) throws(Failure) {
        guard var sheet = open else { throw Failure(message: "no sheet is started") }
        sheet.rows += 1
        let r = String(sheet.rows)
        pending += "<row r=\"\(r)\">"
        for (i, value) in row.prefix(sheet.columns.count).enumerated() {
            let ref = letters[i] + r
            switch value {
            case .empty:
                if sheet.columns[i].style != .general { pending += "<c r=\"\(ref)\" s=\"\(Self.style(sheet.columns[i].style))\"/>" }
            case .text(let s):
                let style = sheet.columns[i].style == .text ? " s=\"\(Self.textStyle)\"" : ""
                pending += "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is>\(Self.textElement(s))</is></c>"
                sheet.widths[i] = max(sheet.widths[i], Self.displayWidth(s))
            case .number(let d, let style):
                guard d.isFinite else { continue }
                let shown = Self.style(style)
                pending += "<c r=\"\(ref)\"\(shown == 0 ? "" : " s=\"\(shown)\"")><v>\(XLSXCellText.number(d))</v></c>"
                sheet.widths[i] = max(sheet.widths[i], Self.numberWidth(d, style))
            case .day(let day):
                pending += "<c r=\"\(ref)\" s=\"\(Self.dateStyle)\"><v>\(XLSXCellText.serial(day))</v></c>"
                sheet.widths[i] = max(sheet.widths[i], 10)
            }
        }
        pending += "</row>"
        open = sheet
        if pending.utf8.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(Failure) {
        guard let sheet = open, !pending.isEmpty else { return }
        let data = Data(pending.utf8)
        do { try sheet.file.write(contentsOf: data) } catch { throw Failure(message: "cannot write a temporary file: \(error)") }
        open?.bytes += data.count
        pending = ""
    }

    private func endSheet() throws(Failure) {
        try flush()
        if let sheet = open { sheets.append(sheet) }
        open = nil
    }

    private func uniqueName(_ name: String) -> String {
        var base = String(name.map { "[]:*?/\\".contains($0) ? " " : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: " '"))
        if base.isEmpty { base = "Sheet\(sheets.count + 1)" }
        base = String(base.prefix(31))
        var candidate = base, n = 2
        while sheets.contains(where: { $0.name.lowercased() == candidate.lowercased() }) {
            let suffix = " (\(n))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }

    /// Writes the workbook to its path (through `PATH.partial`, renamed when complete).
    public func finish() throws(Failure) {
        guard !finished else { return }
        finished = true
        try endSheet()
        if sheets.isEmpty { sheets.append(Sheet(name: "Sheet1", columns: [], file: FileHandle.nullDevice, widths: [])) }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: partial), accessMode: .create)
            func add(_ name: String, _ text: String) throws {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
            try add("[Content_Types].xml", XLSXPackageParts.contentTypes(sheets: sheets.count))
            try add("_rels/.rels", XLSXPackageParts.rootRelationships)
            try add("xl/workbook.xml", XLSXPackageParts.workbook(sheetNames: sheets.map(\.name)))
            try add("xl/_rels/workbook.xml.rels", XLSXPackageParts.workbookRelationships(sheets: sheets.count))
            try add("xl/styles.xml", XLSXPackageParts.styles)
            for (i, sheet) in sheets.enumerated() {
                let head = Data(prologue(sheet).utf8), tail = Data("</sheetData></worksheet>".utf8)
                let total = head.count + sheet.bytes + tail.count
                try sheet.file.seek(toOffset: 0)
                try archive.addEntry(with: "xl/worksheets/sheet\(i + 1).xml", type: .file, uncompressedSize: Int64(total),
                                     compressionMethod: .deflate) { position, size in
                    try Self.read(position: Int(position), size: size, head: head, file: sheet.file, fileBytes: sheet.bytes, tail: tail)
                }
                try? sheet.file.close()
            }
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw Failure(message: "cannot write \(path): \(error)")
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw Failure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The bytes from `position` of prologue + rows file + epilogue, read in order.
    private static func read(position: Int, size: Int, head: Data, file: FileHandle, fileBytes: Int, tail: Data) throws -> Data {
        var out = Data()
        var at = position
        let end = position + size
        if at < head.count {
            out.append(head.subdata(in: at..<min(head.count, end)))
            at = min(head.count, end)
        }
        if at < end, at < head.count + fileBytes {
            let want = min(end, head.count + fileBytes) - at
            try file.seek(toOffset: UInt64(at - head.count))
            out.append(try file.read(upToCount: want) ?? Data())
            at += want
        }
        if at < end {
            let from = at - head.count - fileBytes
            out.append(tail.subdata(in: from..<min(tail.count, end - head.count - fileBytes)))
        }
        return out
    }

    private func prologue(_ sheet: Sheet) -> String {
        let lastColumn = CellReference.letters(max(1, sheet.columns.count))
        var out = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(XLSXPackageParts.mainNamespace)" xmlns:r="\(XLSXPackageParts.relationshipNamespace)">\
        <dimension ref="A1:\(lastColumn)\(max(1, sheet.rows))"/>\
        <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
        <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="16.5"/>
        """
        if !sheet.columns.isEmpty {
            out += "<cols>"
            for (i, c) in sheet.columns.enumerated() {
                let width = min(80, max(8, sheet.widths[i] + 2))
                let style = c.style == .general ? "" : " style=\"\(Self.style(c.style))\""
                out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\"\(style) customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        return out + "<sheetData>"
    }

    // The cell styles of `XLSXPackageParts.styles`, by index.
    static let headerStyle = 1
    static let groupedStyle = 2
    static let percentStyle = 3
    static let dateStyle = 4
    static let textStyle = 5

    static func style(_ s: XLSXNumberStyle) -> Int {
        switch s {
        case .general: return 0
        case .grouped: return groupedStyle
        case .percent: return percentStyle
        }
    }

    static func style(_ s: XLSXColumn.Style) -> Int {
        switch s {
        case .general: return 0
        case .text: return textStyle
        case .grouped: return groupedStyle
        case .percent: return percentStyle
        case .date: return dateStyle
        }
    }

    /// `<t>` with the text escaped for XML (and `xml:space` kept when it starts or ends with a space).
    static func textElement(_ s: String) -> String {
        let escaped = escape(XLSXCellText.escape(s))
        let keepSpace = s.first.map(\.isWhitespace) == true || s.last.map(\.isWhitespace) == true
        return keepSpace ? "<t xml:space=\"preserve\">\(escaped)</t>" : "<t>\(escaped)</t>"
    }

    /// Text escaped for XML content and attributes; most cells need nothing, and are not copied.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "'") }) else { return s }
        return HTMLText.escape(s)
    }

    /// Columns a text takes on screen: Hangul and other wide characters count as two.
    static func displayWidth(_ s: String) -> Int {
        var width = 0, line = 0
        for c in s.unicodeScalars {
            if c == "\n" {
                width = max(width, line)
                line = 0
                continue
            }
            let v = c.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            line += wide ? 2 : 1
        }
        return max(width, line)
    }

    static func numberWidth(_ d: Double, _ style: XLSXNumberStyle) -> Int {
        switch style {
        case .general: return XLSXCellText.number(d).count
        case .grouped:
            let digits = String(Int64(abs(d).rounded()).description).count
            return digits + (digits - 1) / 3 + (d < 0 ? 1 : 0)
        case .percent: return XLSXCellText.number((d * 1000).rounded() / 10).count + 2
        }
    }
}

extension XLSXWriter {
    /// A workbook made by `fill` as bytes: for downloads of tables small enough to keep.
    public static func bytes(_ fill: (XLSXWriter) throws -> Void) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = XLSXWriter(path: path)
        try fill(writer)
        try writer.finish()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
