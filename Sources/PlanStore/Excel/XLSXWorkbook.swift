import Foundation
import PlanCore

/// An `.xlsx` file opened for reading: its worksheets by name, its date system, its shared
/// strings and number formats. The ZIP container is read by `ZIPReader`, which never reads past
/// an entry's own bytes; a worksheet is inflated to an unlinked temporary file and scanned from
/// there, so a sheet of any size is read in constant memory.
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
    private let archive: ZIPReader
    private let limits: XLSXLimits
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
        try self.init(archive: Self.open(path), fileSize: size)
    }

    /// Opens a workbook already in memory (an upload). It is read from an unlinked temporary
    /// file, as a workbook on disk is, so an upload of any size is read in constant memory.
    public convenience init(bytes: [UInt8]) throws(Failure) {
        try Self.checkSignature(bytes.prefix(4))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-upload-\(UUID().uuidString).xlsx").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw Failure(message: "cannot create a temporary file in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { unlink(path) }
        try self.init(archive: Self.open(path), fileSize: bytes.count)
    }

    /// The ZIP directory of the file at `path`, or why it is not a ZIP archive.
    private static func open(_ path: String) throws(Failure) -> ZIPReader {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure(message: "cannot read \(path)") }
        do { return try ZIPReader(handle: handle) } catch {
            try? handle.close()
            throw notAWorkbook("it is not a readable ZIP archive (\(error.message))")
        }
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

    private init(archive: ZIPReader, fileSize: Int, limits: XLSXLimits = XLSXLimits()) throws(Failure) {
        self.archive = archive
        self.fileSize = fileSize
        self.limits = limits
        // A part that is there must read; only a missing `_rels/.rels` falls back to the usual place.
        let rootRels = try Self.smallPart(archive, "_rels/.rels", limits: limits).map { bytes throws(Failure) in
            try Self.parse("_rels/.rels", bytes, XLSXParts.relationships)
        } ?? []
        let workbookPath = rootRels.first { $0.type.hasSuffix("/officeDocument") }.map { Self.resolve($0.target, from: "") } ?? "xl/workbook.xml"
        guard let workbookBytes = try Self.smallPart(archive, workbookPath, limits: limits) else { throw Self.notAWorkbook("it has no \(workbookPath)") }
        let workbook = try Self.parse(workbookPath, workbookBytes, XLSXParts.workbook)
        let folder = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        let rels = try Self.smallPart(archive, relsPath, limits: limits).map { bytes throws(Failure) in
            try Self.parse(relsPath, bytes, XLSXParts.relationships)
        } ?? []
        var targets: [String: XLSXParts.Relationship] = [:]
        for r in rels { targets[r.id] = r }
        sheets = workbook.sheets.compactMap { s in
            guard let r = targets[s.relationship], r.type.hasSuffix("/worksheet") else { return nil }
            return Sheet(name: s.name, part: Self.resolve(r.target, from: folder))
        }
        date1904 = workbook.date1904
        sharedStringsPart = rels.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.resolve($0.target, from: folder) }
        stylesPart = rels.first { $0.type.hasSuffix("/styles") }.map { Self.resolve($0.target, from: folder) }
    }

    /// A small part read with `read`, or the reason it cannot be, naming the part.
    private static func parse<T>(_ path: String, _ bytes: [UInt8], _ read: ([UInt8]) throws(XMLPullScanner.Failure) -> T) throws(Failure) -> T {
        do { return try read(bytes) } catch { throw notAWorkbook("\(path) cannot be read (\(error.message))") }
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

    /// Reads a worksheet's rows. Shared strings and number formats are loaded first; `budget`
    /// stops the work when its time is up or its client has gone.
    public func reader(for sheet: Sheet, budget: ImportBudget = .unlimited) throws(Failure) -> XLSXSheetReader {
        guard let entry = archive[sheet.part] else {
            throw Failure(message: "the workbook lists sheet '\(sheet.name)' but its part \(sheet.part) is missing")
        }
        let strings = try sharedStrings(budget: budget)
        let formats = try cellFormats()
        let (handle, size) = try inflate(entry)
        let merges: [(first: CellReference, last: CellReference)]
        do { merges = try Self.mergedRanges(handle, size: size, limit: limits.merges) } catch {
            try? handle.close()
            throw Failure(message: "\(sheet.part): \(error.message)")
        }
        return XLSXSheetReader(name: sheet.name, handle: handle, strings: strings, formats: formats, date1904: date1904, merges: merges,
                               bytesPerXMLByte: size > 0 ? Double(fileSize) / Double(size) : 0, limits: limits, budget: budget)
    }

    /// The shared string table: each `<si>` as plain text (rich-text runs joined, phonetic
    /// guides left out), at most `limits.sharedStrings` strings of `limits.cellBytes` each and
    /// `limits.sharedStringBytes` in all.
    func sharedStrings(budget: ImportBudget = .unlimited) throws(Failure) -> [String] {
        guard let part = sharedStringsPart, let entry = archive[part] else { return [] }
        let (handle, _) = try inflate(entry)
        defer { try? handle.close() }
        var scanner = XMLPullScanner(handle: handle)
        var strings: [String] = []
        var text = XLSXRichText()
        var total = 0
        let maxTotal = limits.sharedStringBytes(fileSize: fileSize)
        func add(_ s: String) throws(Failure) {
            guard strings.count < limits.sharedStrings else {
                throw Failure(message: "the shared strings (\(part)) hold more than \(limits.sharedStrings.grouped) strings, which no report needs")
            }
            total += s.utf8.count
            guard total <= maxTotal else {
                throw Failure(message: "the shared strings (\(part)) hold more than \(maxTotal >> 20) MB of text, which no report of this size needs")
            }
            strings.append(s)
            if strings.count % 4096 == 0, let stop = budget.stop() { throw Failure(message: ImportBudget.message(stop)) }
        }
        do {
            while let token = try scanner.next() {
                switch token {
                case .open(let name, _, let selfClosing):
                    if name == "si" {
                        text = XLSXRichText()
                        if selfClosing { try add("") }
                    } else {
                        text.open(name, selfClosing: selfClosing)
                    }
                case .text(let s):
                    text.append(s)
                    if text.bytes > limits.cellBytes {
                        throw Failure(message: "shared string \(strings.count) (\(part)) is longer than \(limits.cellBytes >> 10) KB, the most a cell may hold")
                    }
                case .close(let name):
                    if name == "si" { try add(text.value) } else { text.close(name) }
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "the shared strings (\(part)) cannot be read: \(error.message)")
        }
        return strings
    }

    func cellFormats() throws(Failure) -> [XLSXCellFormat] {
        guard let part = stylesPart, let bytes = try Self.smallPart(archive, part, limits: limits) else { return [] }
        do { return try XLSXParts.cellFormats(bytes) } catch {
            throw Failure(message: "the styles (\(part)) cannot be read: \(error.message)")
        }
    }

    /// A small part's bytes (nil when the archive has no such part), inflated under
    /// `limits.smallPartBytes` counted as the bytes come, with its checksum verified.
    private static func smallPart(_ archive: ZIPReader, _ path: String, limits: XLSXLimits) throws(Failure) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var bytes: [UInt8] = []
        let cap = limits.smallPartBytes
        do {
            try archive.extract(entry) { data in
                guard bytes.count + data.count <= cap else { throw notAWorkbook("\(path) inflates past \(cap >> 20) MB, which no workbook needs") }
                bytes.append(contentsOf: data)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw notAWorkbook("\(path) cannot be inflated (\(damage(error)))")
        }
        return bytes
    }

    /// What an error of the ZIP reader or the inflater means, in words.
    static func damage(_ error: any Error) -> String {
        if let damage = error as? ZIPReader.Damage { return damage.message }
        return "its compressed data is damaged"
    }

    /// Inflates an entry to a temporary file, unlinked at once (it lives while the handle is
    /// open, and nothing is left behind even on a crash), positioned at its start, with its size
    /// as counted (never as the headers say), under `partLimit` and with its checksum verified.
    private func inflate(_ entry: ZIPReader.Entry) throws(Failure) -> (FileHandle, Int64) {
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
            try archive.extract(entry) { data in
                total += Int64(data.count)
                if total > limit { throw Self.notAWorkbook("\(entry.path) inflates past \(limit >> 20) MB, which no report needs") }
                try writer.write(contentsOf: data)
            }
        } catch let failure as Failure {
            try? reader.close()
            throw failure
        } catch {
            try? reader.close()
            throw Self.notAWorkbook("\(entry.path) cannot be inflated (\(Self.damage(error)))")
        }
        return (reader, total)
    }

    /// How far from a worksheet's end its `<mergeCells>` is looked for: 10,000 ranges take
    /// about 400 KB, and only page settings follow them.
    static let mergeWindow: UInt64 = 4 << 20

    /// The merged ranges of a worksheet, read from the end of its XML (`<mergeCells>` follows
    /// the rows), so the header row can be completed before the rows are streamed. One read of
    /// at most `mergeWindow` bytes and one scan: linear, whatever the sheet holds. More than
    /// `limit` ranges are refused.
    static func mergedRanges(_ handle: FileHandle, size: Int64, limit: Int) throws(XMLPullScanner.Failure) -> [(first: CellReference, last: CellReference)] {
        defer { try? handle.seek(toOffset: 0) }
        guard size > 0 else { return [] }
        let start = UInt64(size) > mergeWindow ? UInt64(size) - mergeWindow : 0
        guard (try? handle.seek(toOffset: start)) != nil, let data = try? handle.readToEnd() else { return [] }
        let tail = [UInt8](data)
        let name = Array("mergeCells".utf8)
        // The last `mergeCells` tag, then the opening one before it (`<mergeCells` or `<x:mergeCells`).
        var open: Int?, sawClose = false, end = tail.count
        while let i = lastIndex(of: name, in: tail, before: end) {
            var j = i - 1
            while j >= 0, tail[j] != UInt8(ascii: "<"), tail[j] != UInt8(ascii: "/"), i - j < 32 { j -= 1 }
            if j >= 0, tail[j] == UInt8(ascii: "<"), j + 1 == i || tail[i - 1] == UInt8(ascii: ":") {
                open = j
                break
            }
            if j >= 1, tail[j] == UInt8(ascii: "/"), tail[j - 1] == UInt8(ascii: "<") { sawClose = true }
            end = i
        }
        guard sawClose || open != nil else { return [] }
        // Only its end in the window: the list is longer than any list under the limit.
        guard let open else { throw XMLPullScanner.Failure(message: "the sheet has more than \(limit.grouped) merged ranges, which no report needs") }
        var scanner = XMLPullScanner(bytes: Array(tail[open...]))
        var out: [(first: CellReference, last: CellReference)] = []
        while let token = try scanner.next() {
            switch token {
            case .open(let name, let attributes, _) where name == "mergeCell":
                guard out.count < limit else { throw XMLPullScanner.Failure(message: "the sheet has more than \(limit.grouped) merged ranges, which no report needs") }
                let ends = (XLSXParts.value("ref", attributes) ?? "").split(separator: ":")
                if ends.count == 2, let a = CellReference(ends[0]), let b = CellReference(ends[1]), a.row <= b.row, a.column <= b.column { out.append((a, b)) }
            case .close(let name) where name == "mergeCells":
                return out
            default: continue
            }
        }
        return out
    }

    /// The last place `needle` starts in `haystack` before `end`, searched once from the end.
    static func lastIndex(of needle: [UInt8], in haystack: [UInt8], before end: Int) -> Int? {
        var i = min(end, haystack.count) - needle.count
        while i >= 0 {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}

extension Error {
    fileprivate var message: String { (self as? CustomStringConvertible)?.description ?? "\(self)" }
}
