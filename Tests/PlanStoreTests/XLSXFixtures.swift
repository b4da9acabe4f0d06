import Foundation
import ZIPFoundation

/// Workbooks made by hand for the reader's tests: the XML parts as Excel or LibreOffice write
/// them, zipped by ZIPFoundation, so each rule is checked on exactly the markup it is about.
enum XLSXFixtures {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook with one sheet per `(name, sheet XML body)`, shared strings and styles.
    static func parts(sheets: [(String, String)], strings: [String] = [], numFmts: [(Int, String)] = [], xfs: [Int] = [0],
                      date1904: Bool = false, prefix: String = "") -> [String: String] {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns=\"\(main)\"" : "xmlns:\(prefix)=\"\(main)\""
        var parts: [String: String] = [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rels)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><\(p)workbook \(ns) xmlns:r=\"\(rels)\">"
                + (date1904 ? "<\(p)workbookPr date1904=\"1\"/>" : "<\(p)workbookPr/>") + "<\(p)sheets>"
                + sheets.enumerated().map { i, s in "<\(p)sheet name=\"\(s.0)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }.joined()
                + "</\(p)sheets></\(p)workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rels)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
                + "<Relationship Id=\"rS\" Type=\"\(rels)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rT\" Type=\"\(rels)/styles\" Target=\"/xl/styles.xml\"/></Relationships>",
            "xl/sharedStrings.xml": "<sst xmlns=\"\(main)\" count=\"\(strings.count)\">" + strings.map { s in
                s.hasPrefix("<") ? "<si>\(s)</si>" : "<si><t>\(s)</t></si>"
            }.joined() + "</sst>",
            "xl/styles.xml": "<styleSheet xmlns=\"\(main)\"><numFmts>" + numFmts.map { "<numFmt numFmtId=\"\($0.0)\" formatCode=\"\($0.1)\"/>" }.joined()
                + "</numFmts><cellXfs>" + xfs.map { "<xf numFmtId=\"\($0)\" fontId=\"0\"/>" }.joined() + "</cellXfs></styleSheet>",
        ]
        for (i, s) in sheets.enumerated() {
            parts["xl/worksheets/sheet\(i + 1).xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(p)worksheet \(ns) xmlns:r=\"\(rels)\">\(s.1)</\(p)worksheet>"
        }
        return parts
    }

    /// Zips `parts` into a new `.xlsx` file and returns its path.
    static func zip(_ parts: [String: String], name: String = "book.xlsx") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        return path
    }

    /// A row of inline-string cells from column A.
    static func row(_ r: Int, _ values: [String]) -> String {
        "<row r=\"\(r)\">" + values.enumerated().map { i, v in
            v.isEmpty ? "" : "<c r=\"\(String(UnicodeScalar(UInt8(65 + i))))\(r)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>"
        }.joined() + "</row>"
    }
}

extension XLSXFixtures {
    /// The bytes of a ZIP file with one entry's recorded sizes or checksum rewritten in both of
    /// its headers (local and central), as a hostile or damaged file would have them.
    static func rewrite(_ bytes: [UInt8], entry name: String, uncompressedSize: UInt32? = nil, crc: UInt32? = nil,
                        compressedSize: UInt32? = nil) -> [UInt8] {
        var out = bytes
        func u16(_ i: Int) -> Int { Int(out[i]) | Int(out[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { UInt32(out[i]) | UInt32(out[i + 1]) << 8 | UInt32(out[i + 2]) << 16 | UInt32(out[i + 3]) << 24 }
        func put(_ value: UInt32, at i: Int) { for k in 0..<4 { out[i + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) } }
        let wanted = Array(name.utf8)
        var i = 0
        while i + 46 <= out.count {
            let signature = u32(i)
            if signature == 0x0403_4B50, Array(out[(i + 30)..<(i + 30 + u16(i + 26))]) == wanted {
                if let crc { put(crc, at: i + 14) }
                if let uncompressedSize { put(uncompressedSize, at: i + 22) }
                if let compressedSize { put(compressedSize, at: i + 18) }
            } else if signature == 0x0201_4B50, Array(out[(i + 46)..<(i + 46 + u16(i + 28))]) == wanted {
                if let crc { put(crc, at: i + 16) }
                if let uncompressedSize { put(uncompressedSize, at: i + 24) }
                if let compressedSize { put(compressedSize, at: i + 20) }
            }
            i += 1
        }
        return out
    }

    /// The bytes of the file `zip` made.
    static func bytes(_ parts: [String: String]) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try zip(parts))))
    }
}
