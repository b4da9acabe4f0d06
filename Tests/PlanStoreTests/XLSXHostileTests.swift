import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// Workbooks made to hurt (issue 24): every index a file gives is checked, every part is
/// inflated under a cap counted as it comes, every cell, row, string table and merge list is
/// bounded, every step is linear, and whatever is refused is refused with its place.
@Suite("XLSX: hostile workbooks")
struct XLSXHostileTests {
    /// Why the workbook's first sheet cannot be read; nil when it can.
    static func refusal(_ book: XLSXWorkbook) -> String? {
        do {
            _ = try book.reader(for: book.sheets[0])
            return nil
        } catch {
            return error.message
        }
    }

    typealias X = XLSXFixtures
    typealias F = Fixtures

    func records(_ parts: [String: String]) throws -> [TableRecord] {
        let book = try XLSXWorkbook(bytes: try X.bytes(parts))
        var reader = try book.reader(for: #require(book.sheets.first))
        var out: [TableRecord] = []
        while let r = try reader.nextRecord() { out.append(r) }
        return out
    }

    /// The failure reading `parts` gives, as its place and message.
    func failure(_ parts: [String: String]) -> (line: Int, column: Int, message: String)? {
        do {
            _ = try records(parts)
            return nil
        } catch let f as TableReadFailure {
            return (f.line, f.column, f.message)
        } catch {
            return (0, 0, "\(error)")
        }
    }

    func sheet(_ rows: String, after: String = "") -> [String: String] {
        X.parts(sheets: [("Sheet1", "<sheetData>\(rows)</sheetData>\(after)")], xfs: [0, 14])
    }

    @Test("finding 1: a style index out of range (s=\"-1\", s=\"9\") is refused with the cell's place, never a trap")
    func styleIndexOutOfRange() {
        for s in ["-1", "9", "-9223372036854775808", "x"] {
            let parts = sheet(X.row(1, ["지표ID", "기간", "값"]) + "<row r=\"2\"><c r=\"C2\" s=\"\(s)\"><v>1</v></c></row>")
            let f = failure(parts)
            #expect(f?.line == 2 && f?.column == 3, "s=\(s): \(String(describing: f))")
            #expect(f?.message.contains("style") == true, "s=\(s): \(String(describing: f))")
        }
    }

    @Test("finding 1: a cell reference past Excel's last row or column is refused with its place")
    func cellReferencesOutOfRange() {
        let f = failure(sheet("<row r=\"1\"><c r=\"XFE1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"))
        #expect(f?.line == 1 && f?.message.contains("XFE1") == true, "\(String(describing: f))")
        let row = failure(sheet("<row r=\"-5\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>"))
        #expect(row?.message.contains("row") == true, "\(String(describing: row))")
    }

    @Test("finding 2: a small part whose headers understate its size is cut at its cap as it inflates")
    func understatedSmallPart() throws {
        var parts = sheet(X.row(1, ["지표ID"]))
        // 12 MB of styles, said to be 1,000 bytes: read whole before, it filled memory.
        parts["xl/styles.xml"] = "<styleSheet xmlns=\"\(X.main)\"><cellXfs>" + String(repeating: "<xf numFmtId=\"0\"/>", count: 700_000) + "</cellXfs></styleSheet>"
        let bytes = X.rewrite(try X.bytes(parts), entry: "xl/styles.xml", uncompressedSize: 1000)
        let refusal = Self.refusal(try XLSXWorkbook(bytes: bytes))
        #expect(refusal?.contains("xl/styles.xml") == true && refusal?.contains("MB") == true, "\(refusal ?? "12 MB of styles were read")")
    }

    @Test("fuzzer: a part whose compressed data ends before its deflate stream does is refused at once, never read past its end")
    func deflateStreamWithoutItsEnd() throws {
        // A 2 KB workbook of this kind kept ZIPFoundation's reader asking the file's end for
        // more, for good. Here the sheet's directory entry says it has 40 compressed bytes,
        // far fewer than its stream needs; the styles say 3.
        let parts = sheet(X.row(1, ["지표ID", "기간", "값"]) + X.row(2, ["1-1.data-market-size", "2021", "20조원"]))
        let sheetCut = X.rewrite(try X.bytes(parts), entry: "xl/worksheets/sheet1.xml", compressedSize: 40)
        let refusal = Self.refusal(try XLSXWorkbook(bytes: sheetCut))
        #expect(refusal?.contains("xl/worksheets/sheet1.xml cannot be inflated") == true, "\(refusal ?? "a sheet cut short was read")")
        let stylesCut = X.rewrite(try X.bytes(parts), entry: "xl/styles.xml", compressedSize: 3)
        let styles = try XLSXWorkbook(bytes: stylesCut)
        #expect(throws: XLSXWorkbook.Failure.self) { _ = try styles.reader(for: styles.sheets[0]) }
        // The file the fuzzer found, kept in its corpus, is refused too.
        let found = [UInt8](try Data(contentsOf: URL(fileURLWithPath: F.root + "/Fuzz/Corpus/workbook/timeout-endless-deflate.xlsx")))
        let kept = try XLSXWorkbook(bytes: found)
        #expect(throws: XLSXWorkbook.Failure.self) { _ = try kept.reader(for: kept.sheets[0]) }
    }

    @Test("finding 2: a part whose checksum does not match is refused, small parts too")
    func damagedChecksum() throws {
        let parts = sheet(X.row(1, ["지표ID"]))
        let bytes = X.rewrite(try X.bytes(parts), entry: "xl/workbook.xml", crc: 0xDEAD_BEEF)
        #expect(throws: XLSXWorkbook.Failure.self) { _ = try XLSXWorkbook(bytes: bytes) }
        let styles = X.rewrite(try X.bytes(parts), entry: "xl/styles.xml", crc: 0xDEAD_BEEF)
        let book = try XLSXWorkbook(bytes: styles)
        #expect(throws: XLSXWorkbook.Failure.self) { _ = try book.reader(for: book.sheets[0]) }
    }

    @Test("finding 3: a cell longer than 64 KB is refused with its place")
    func longCell() {
        let long = String(repeating: "가", count: 30_000)
        let f = failure(sheet(X.row(1, ["지표ID", "기간", "값"]) + X.row(2, ["1-4.gci-rank", "2021", long])))
        #expect(f?.line == 2 && f?.column == 3 && f?.message.contains("64 KB") == true, "\(String(describing: f))")
    }

    @Test("finding 3: values echoed in errors are cut to 80 characters")
    func echoedValuesAreCut() throws {
        // A long id in 100 rows, and a long value that is no number in 100 more.
        let id = String(repeating: "x", count: 20_000), words = String(repeating: "y", count: 1_500)
        var rows = X.row(1, ["지표ID", "기간", "값"])
        for r in 2...101 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"s\"><v>0</v></c><c r=\"B\(r)\"><v>2021</v></c><c r=\"C\(r)\"><v>1</v></c></row>" }
        for r in 102...201 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>1-4.gci-rank</t></is></c><c r=\"B\(r)\"><v>2021</v></c><c r=\"C\(r)\" t=\"s\"><v>1</v></c></row>" }
        let parts = X.parts(sheets: [("Sheet1", "<sheetData>\(rows)</sheetData>")], strings: [id, words])
        let source = try ImportRowSource(bytes: try X.bytes(parts), fileName: "big.xlsx", kind: .observation, index: F.index, today: F.today,
                                         maxErrors: 1000)
        while source.next() != nil {}
        #expect(source.errorCount == 200)
        let longest = source.diagnostics.map(\.message.count).max() ?? 0
        #expect(longest < 300, "an error of \(longest) characters")
        #expect(source.diagnostics.last?.message.contains(String(repeating: "y", count: 40)) == true)
        #expect(source.diagnostics.last?.message.contains("…") == true)
    }

    @Test("finding 4: a cell of many small text pieces is read in linear time and cut at the cell limit")
    func cellOfPieces() {
        let pieces = String(repeating: "<t>x</t>", count: 200_000)
        let f = failure(sheet(X.row(1, ["지표ID"]) + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is>\(pieces)</is></c></row>"))
        #expect(f?.line == 2 && f?.column == 1 && f?.message.contains("64 KB") == true, "\(String(describing: f))")
        // A value split by comments, each piece once appended to a copy of all before it.
        let split = String(repeating: "x<!---->", count: 70_000)
        let value = failure(sheet(X.row(1, ["지표ID"]) + "<row r=\"2\"><c r=\"B2\" t=\"str\"><v>\(split)</v></c></row>"))
        #expect(value?.line == 2 && value?.column == 2 && value?.message.contains("64 KB") == true, "\(String(describing: value))")
    }

    @Test("finding 4: a row wider than 64 columns is refused where it passes the limit, as in CSV")
    func wideRow() {
        let f = failure(sheet(X.row(1, ["지표ID", "기간", "값"]) + "<row r=\"2\"><c r=\"XFD2\" t=\"inlineStr\"><is><t>a</t></is></c></row>"))
        #expect(f?.line == 2 && f?.column == 16_384 && f?.message.contains("64") == true, "\(String(describing: f))")
        let header = failure(sheet(X.row(1, ["지표ID"]), after: "<mergeCells><mergeCell ref=\"A1:XFD1\"/></mergeCells>"))
        #expect(header?.line == 1 && header?.message.contains("64") == true, "\(String(describing: header))")
    }

    @Test("finding 4: a tag longer than 1 MB is refused, not rescanned")
    func longTag() {
        let attribute = String(repeating: "a", count: 2 << 20)
        let f = failure(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\" x=\"\(attribute)\"><is><t>a</t></is></c></row>"))
        #expect(f?.message.contains("1 MB") == true, "\(String(describing: f))")
    }

    @Test("finding 4: more than 10,000 merged ranges are refused")
    func manyMerges() {
        let merges = (1...10_001).map { "<mergeCell ref=\"A\($0 + 1):B\($0 + 1)\"/>" }.joined()
        let f = failure(sheet(X.row(1, ["지표ID"]), after: "<mergeCells>\(merges)</mergeCells>"))
        #expect(f?.message.contains("10,000 merged") == true, "\(String(describing: f))")
    }

    @Test("finding 4: a shared string table past 2,000,000 strings is refused")
    func manySharedStrings() throws {
        var parts = sheet(X.row(1, ["지표ID"]))
        parts["xl/sharedStrings.xml"] = "<sst xmlns=\"\(X.main)\">" + String(repeating: "<si/>", count: 2_000_001) + "</sst>"
        let refusal = Self.refusal(try XLSXWorkbook(bytes: try X.bytes(parts)))
        #expect(refusal?.contains("2,000,000") == true, "\(refusal ?? "2,000,001 shared strings were kept")")
    }

    @Test("finding 10: a row with content is imported or refused with its place, never dropped")
    func rowsWithContentAreNeverDropped() throws {
        let long = String(repeating: "설명", count: 500)
        let parts = sheet(X.row(1, ["항목명", "지표ID", "기간", "값", "비고"]) + X.row(2, [long]) + X.row(3, ["", "", "", "", "메모만"])
            + X.row(4, ["이름", "1-4.gci-rank", "2021"]))
        let source = try ImportRowSource(bytes: try X.bytes(parts), fileName: "rows.xlsx", kind: .observation, index: F.index, today: F.today)
        while source.next() != nil {}
        // Rows 2 and 3 say something and report nothing; row 4 is the template's own row left unfilled.
        #expect(source.issues.map(\.cell) == ["Sheet1!A2", "Sheet1!E3"], "\(source.diagnostics.map(\.description))")
    }

    @Test("finding 11: a DOCTYPE is refused in every part, the small ones too")
    func doctypeInSmallParts() throws {
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>"
        for part in ["xl/workbook.xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
            var parts = sheet(X.row(1, ["지표ID"]))
            parts[part] = doctype + parts[part]!.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", with: "")
            do {
                let book = try XLSXWorkbook(bytes: try X.bytes(parts))
                _ = try book.reader(for: #require(book.sheets.first))
                Issue.record("\(part) with a DOCTYPE was read")
            } catch {
                #expect("\(error)".contains("document type"), "\(part): \(error)")
            }
        }
    }

    @Test("finding 7: every import path holds the API's lengths (text 2,000, ids 80, addresses 2,048)")
    func importLengths() throws {
        let note = String(repeating: "메", count: 2001)
        let csv = "indicator_id,period,value,source,note\n1-4.gci-rank,2021,10,기관,\(note)\n" + String(repeating: "z", count: 81) + ",2021,10,,\n"
        let source = try ImportRowSource(bytes: Array(csv.utf8), fileName: "long.csv", kind: .observation, index: F.index, today: F.today)
        while source.next() != nil {}
        #expect(source.diagnostics.map(\.line) == [2, 3], "\(source.diagnostics.map(\.description))")
        #expect(source.diagnostics.first?.message == "note is longer than 2,000 characters")
        #expect(source.diagnostics.last?.message == "indicator_id is longer than 80 characters")
        let parts = sheet(X.row(1, ["지표ID", "기간", "값", "비고"]) + X.row(2, ["1-4.gci-rank", "2021", "10", note]))
        let book = try ImportRowSource(bytes: try X.bytes(parts), fileName: "long.xlsx", kind: .observation, index: F.index, today: F.today)
        while book.next() != nil {}
        #expect(book.issues.map(\.cell) == ["Sheet1!D2"], "\(book.diagnostics.map(\.description))")
    }

    @Test("finding 8: characters XML cannot carry are refused at input and escaped on output")
    func charactersXMLCannotCarry() throws {
        let csv = "indicator_id,period,value,note\n1-4.gci-rank,2021,10,a\u{FFFF}b\n1-4.gci-rank,2020,10,c\u{FFFE}\n"
        let source = try ImportRowSource(bytes: Array(csv.utf8), fileName: "x.csv", kind: .observation, index: F.index, today: F.today)
        while source.next() != nil {}
        #expect(source.diagnostics.map(\.line) == [2, 3] && source.diagnostics.allSatisfy { $0.message.hasPrefix("note holds a character") },
                "\(source.diagnostics.map(\.description))")
        #expect(XLSXCellText.escape("a\u{FFFF}b\u{FFFE}\u{1}") == "a_xFFFF_b_xFFFE__x0001_")
        #expect(XLSXCellText.unescape("a_xFFFF_b") == "a\u{FFFF}b")
    }
}
