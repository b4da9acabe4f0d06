import Foundation
import PlanCore
import ZIPFoundation

/// An `.xlsx` file opened for reading: its worksheets by name, its date system, its shared
/// strings and number formats. The ZIP container is ZIPFoundation's; a worksheet is inflated
/// to an unlinked temporary file and scanned from there, so a sheet of any size is read in
/// constant memory.
public final class XLSXWorkbook: @unchecked Sendable {
    /// Why a file is not a workbook Planwatch can read: one sentence, no position.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A worksheet's name and the part that holds it.
    public struct Sheet: Sendable, Hashable {
        public var name: String
        public var part: String
    }

    public let sheets: [Sheet]
    /// The 1904 date system (`<workbookPr date1904="1"/>`).
    public let date1904: Bool
    /// The file's size in bytes, for progress.
    public let fileSize: Int
    private let archive: Archive
    /// Inflated parts are refused past this size, or past 200 times the file's size (spreadsheet
    /// XML deflates about tenfold): a small file that inflates to gigabytes is a ZIP bomb, not a report.
    static let maxPartBytes: Int64 = 4 << 30
    var partLimit: Int64 { min(Self.maxPartBytes, max(64 << 20, Int64(fileSize) * 200)) }

    /// The first bytes of every ZIP file, and so of every `.xlsx`.
    public static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The first bytes of an Excel 97–2003 `.xls` (an OLE compound file).
    static let legacySignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]

    /// Whether `bytes` (the start of a file) or `fileName` say the file is a workbook.
    public static func looksLikeWorkbook(_ bytes: some Collection<UInt8>, fileName: String) -> Bool {
        bytes.starts(with: signature) || bytes.starts(with: legacySignature)
            || [".xlsx", ".xlsm", ".xls"].contains { fileName.lowercased().hasSuffix($0) }
    }

    /// Whether the file at `path` is a workbook, by its first bytes or its name.
    public static func looksLikeWorkbook(path: String, fileName: String) -> Bool {
        let head = FileHandle(forReadingAtPath: path).flatMap { h in defer { try? h.close() }; return try? h.read(upToCount: 4) } ?? Data()
        return looksLikeWorkbook([UInt8](head), fileName: fileName)
    }

    public convenience init(path: String) throws(Failure) {
        let head = FileHandle(forReadingAtPath: path).flatMap { h in defer { try? h.close() }; return try? h.read(upToCount: 4) }
        guard let head else {
            throw Failure(message: FileManager.default.fileExists(atPath: path) ? "cannot read \(path)" : "no such file: \(path)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try Self.checkSignature([UInt8](head))
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw Self.notAWorkbook("it is not a readable ZIP archive")
        }
        try self.init(archive: archive, fileSize: size)
    }

    /// Opens a workbook already in memory (an upload).
    public convenience init(bytes: [UInt8]) throws(Failure) {
        try Self.checkSignature(bytes.prefix(4))
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw Self.notAWorkbook("it is not a readable ZIP archive")
        }
        try self.init(archive: archive, fileSize: bytes.count)
    }

    private static func checkSignature(_ head: some Collection<UInt8>) throws(Failure) {
        if head.starts(with: legacySignature) {
            throw Failure(message: "this is an Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx) or as CSV")
        }
        guard head.starts(with: signature) else { throw notAWorkbook("it does not start as a ZIP archive does") }
    }

    static func notAWorkbook(_ why: String) -> Failure {
        Failure(message: "not an Excel workbook (.xlsx): \(why); save it from Excel or LibreOffice as .xlsx, or as CSV")
    }

    private init(archive: Archive, fileSize: Int) throws(Failure) {
        self.archive = archive
        self.fileSize = fileSize
        let rootRels = try? Self.decodePart(archive, "_rels/.rels", XLSXParts.Relationships.self)
        let workbookPath = rootRels?.relationship.first { $0.type.hasSuffix("/officeDocument") }.map { Self.resolve($0.target, from: "") }
            ?? "xl/workbook.xml"
        guard archive[workbookPath] != nil else { throw Self.notAWorkbook("it has no \(workbookPath)") }
        let workbook: XLSXParts.Workbook
        do { workbook = try Self.decodePart(archive, workbookPath, XLSXParts.Workbook.self) } catch {
            throw Self.notAWorkbook("\(workbookPath) cannot be read (\(error.message))")
        }
        let folder = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        let rels = (try? Self.decodePart(archive, relsPath, XLSXParts.Relationships.self))?.relationship ?? []
        var targets: [String: XLSXParts.Relationships.Relationship] = [:]
        for r in rels { targets[r.id] = r }
        sheets = workbook.sheets.sheet.compactMap { s in
            guard let r = targets[s.relationship], r.type.hasSuffix("/worksheet") else { return nil }
            return Sheet(name: s.name, part: Self.resolve(r.target, from: folder))
        }
        date1904 = workbook.date1904
        sharedStringsPart = rels.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.resolve($0.target, from: folder) }
        stylesPart = rels.first { $0.type.hasSuffix("/styles") }.map { Self.resolve($0.target, from: folder) }
    }

    private let sharedStringsPart: String?
    private let stylesPart: String?

    /// A relationship's target as a path in the archive: absolute (`/xl/…`) or relative to `folder`.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// The worksheet to import: the one named like what is imported (`names`, compared without
    /// case and spaces), else the first.
    public func sheet(namedLike names: [String]) -> Sheet? {
        let key = { (s: String) in s.lowercased().replacingOccurrences(of: " ", with: "") }
        return sheets.first { s in names.contains { key(s.name).contains(key($0)) } } ?? sheets.first
    }

    /// Reads a worksheet's rows. Shared strings and number formats are loaded first.
    public func reader(for sheet: Sheet) throws(Failure) -> XLSXSheetReader {
        guard let entry = archive[sheet.part] else {
            throw Failure(message: "the workbook lists sheet '\(sheet.name)' but its part \(sheet.part) is missing")
        }
        let strings = try sharedStrings()
        let formats = try cellFormats()
        let handle = try inflate(entry)
        let merges = Self.mergedRanges(handle)
        return XLSXSheetReader(name: sheet.name, handle: handle, strings: strings, formats: formats, date1904: date1904, merges: merges,
                               bytesPerXMLByte: entry.uncompressedSize > 0 ? Double(fileSize) / Double(entry.uncompressedSize) : 0)
    }

    /// The shared string table: each `<si>` as plain text (rich-text runs joined, phonetic
    /// guides left out).
    func sharedStrings() throws(Failure) -> [String] {
        guard let part = sharedStringsPart, let entry = archive[part] else { return [] }
        let handle = try inflate(entry)
        defer { try? handle.close() }
        var scanner = XMLPullScanner(handle: handle)
        var strings: [String] = []
        var text = XLSXRichText()
        do {
            while let token = try scanner.next() {
                switch token {
                case .open(let name, _, let selfClosing):
                    if name == "si" {
                        text = XLSXRichText()
                        if selfClosing { strings.append("") }
                    } else {
                        text.open(name, selfClosing: selfClosing)
                    }
                case .text(let s): text.append(s)
                case .close(let name):
                    if name == "si" { strings.append(text.value) } else { text.close(name) }
                }
            }
        } catch {
            throw Failure(message: "the shared strings (\(part)) cannot be read: \(error.message)")
        }
        return strings
    }

    func cellFormats() throws(Failure) -> [XLSXCellFormat] {
        guard let part = stylesPart, archive[part] != nil else { return [] }
        do { return try Self.decodePart(archive, part, XLSXParts.Styles.self).cellFormats } catch {
            throw Failure(message: "the styles (\(part)) cannot be read: \(error.message)")
        }
    }

    private static func decodePart<T: Decodable>(_ archive: Archive, _ path: String, _ type: T.Type) throws(Failure) -> T {
        guard let entry = archive[path] else { throw Failure(message: "missing \(path)") }
        guard entry.uncompressedSize < 256 << 20 else { throw Failure(message: "\(path) is too large") }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            return try XLSXParts.decode(type, from: data)
        } catch {
            throw Failure(message: "\(error)")
        }
    }

    /// Inflates an entry to a temporary file, unlinked at once (it lives while the handle is
    /// open, and nothing is left behind even on a crash), positioned at its start.
    private func inflate(_ entry: Entry) throws(Failure) -> FileHandle {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-xlsx-\(UUID().uuidString).xml").path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let writer = FileHandle(forWritingAtPath: path), let reader = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: "cannot create a temporary file in \(FileManager.default.temporaryDirectory.path)")
        }
        unlink(path)
        defer { try? writer.close() }
        var total: Int64 = 0
        let limit = partLimit
        do {
            _ = try archive.extract(entry) { data in
                total += Int64(data.count)
                if total > limit { throw Self.notAWorkbook("\(entry.path) inflates past \(limit >> 20) MB, which no report needs") }
                try writer.write(contentsOf: data)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Self.notAWorkbook("\(entry.path) cannot be inflated (\(error))")
        }
        return reader
    }

    /// The merged ranges of a worksheet, read from the end of its XML (`<mergeCells>` follows
    /// the rows), so the header row can be completed before the rows are streamed.
    static func mergedRanges(_ handle: FileHandle) -> [(first: CellReference, last: CellReference)] {
        defer { try? handle.seek(toOffset: 0) }
        guard let size = try? handle.seekToEnd(), size > 0 else { return [] }
        var window: UInt64 = 1 << 20
        while true {
            let start = size > window ? size - window : 0
            guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return [] }
            let tail = String(decoding: data, as: UTF8.self)
            if let end = tail.range(of: "sheetData>", options: .backwards) ?? (start == 0 ? tail.startIndex..<tail.startIndex : nil) {
                guard let open = tail.range(of: "mergeCells", range: end.upperBound..<tail.endIndex),
                      let lt = tail[..<open.lowerBound].lastIndex(of: "<"),
                      let close = tail.range(of: "mergeCells>", options: .backwards, range: open.upperBound..<tail.endIndex) else { return [] }
                let fragment = Data(tail[lt..<close.upperBound].utf8)
                let cells = (try? XLSXParts.decode(XLSXParts.MergeCells.self, from: fragment))?.mergeCell ?? []
                return cells.compactMap { c in
                    let ends = c.ref.split(separator: ":")
                    guard ends.count == 2, let a = CellReference(ends[0]), let b = CellReference(ends[1]) else { return nil }
                    return (a, b)
                }
            }
            if start == 0 { return [] }
            window *= 4
        }
    }
}

extension Error {
    fileprivate var message: String { (self as? CustomStringConvertible)?.description ?? "\(self)" }
}
