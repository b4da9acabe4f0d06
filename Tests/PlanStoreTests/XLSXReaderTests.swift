import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// A worksheet's cells become the text an officer would have typed into CSV, whatever Excel or
/// LibreOffice stored: shared and inline strings, numbers, numbers stored as text, dates in
/// either date system, percentages, booleans, formulas' cached values, merged header cells.
@Suite("XLSX reading")
struct XLSXReaderTests {
    typealias X = XLSXFixtures

    func rows(_ path: String, sheet names: [String] = []) throws -> (String?, [TableRecord]) {
        let book = try XLSXWorkbook(path: path)
        var reader = try book.reader(for: #require(book.sheet(namedLike: names)))
        var out: [TableRecord] = []
        while let r = try reader.nextRecord() { out.append(r) }
        return (reader.sheetName, out)
    }

    @Test("strings, numbers, dates, percentages, booleans, formulas and errors read as typed")
    func cellKinds() throws {
        // Styles: 0 general, 1 built-in date (14), 2 built-in percent (9), 3 custom 0.0%, 4 custom date, 5 elapsed time, 6 Korean date id 31.
        let sheet = """
        <sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
        <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>44377</v></c><c r="C2"><v>49000</v></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> 인라인 &amp; 글 </t></is></c><c r="B3" s="4"><v>44377.75</v></c><c r="C3" s="2"><v>0.79</v></c></row>
        <row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4" s="6"><v>44197</v></c><c r="C4" s="3"><v>0.79400000000000004</v></c></row>
        <row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5"><f>SUM(C2:C4)</f><v>0.5</v></c><c r="C5"><v>1.2345E-5</v></c></row>
        <row r="6"/>
        <row r="7"><c r="A7" t="str"><f>A1&amp;"x"</f><v>지표IDx</v></c><c r="B7" t="e"><v>#DIV/0!</v></c><c r="C7" s="5"><v>1.5</v></c></row>
        <row r="8"><c r="A8" t="s"><v>5</v></c><c r="C8"><v>4.9E+20</v></c></row>
        <row r="9"><c r="A9" t="s"><v>6</v></c></row>
        </sheetData>
        """
        let strings = ["지표ID", "기간", "값", "1-4.gci-rank", "49000", "<r><t>여러 </t></r><r><rPr><b/></rPr><t>서식</t></r><rPh><t>ふりがな</t></rPh>", "줄_x000D_바꿈"]
        let path = try X.zip(X.parts(sheets: [("Sheet1", sheet)], strings: strings, numFmts: [(164, "0.0%"), (165, "yyyy\\-mm\\-dd;@"), (166, "[h]:mm:ss")],
                                     xfs: [0, 14, 9, 164, 165, 166, 31]))
        let (name, records) = try rows(path)
        #expect(name == "Sheet1")
        #expect(records.map(\.fields) == [
            ["지표ID", "기간", "값"],
            ["1-4.gci-rank", "2021-06-30", "49000"],
            [" 인라인 & 글 ", "2021-06-30", "79%"],
            ["49000", "2021-01-01", "79.4%"],
            ["TRUE", "0.5", "0.000012345"],
            ["지표IDx", "#DIV/0!", "1.5"],
            ["여러 서식", "", "490000000000000000000"],
            ["줄\r바꿈", "", ""],
        ])
        #expect(records[5].line == 7 && records[5].positions.map(\.column) == [1, 2, 3])
    }

    @Test("the 1900 leap-year bug and the 1904 date system")
    func dateSystems() throws {
        let sheet = "<sheetData>" + [1, 59, 60, 61, 0].enumerated().map { i, v in
            "<row r=\"\(i + 1)\"><c r=\"A\(i + 1)\" s=\"1\"><v>\(v)</v></c></row>"
        }.joined() + "</sheetData>"
        let (_, in1900) = try rows(X.zip(X.parts(sheets: [("S", sheet)], xfs: [0, 14])))
        #expect(in1900.map { $0.fields[0] } == ["1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01", "1899-12-31"])
        let (_, in1904) = try rows(X.zip(X.parts(sheets: [("S", sheet)], xfs: [0, 14], date1904: true)))
        #expect(in1904.map { $0.fields[0] } == ["1904-01-02", "1904-02-29", "1904-03-01", "1904-03-02", "1904-01-01"])
    }

    @Test("a merged header cell names every column it covers; rows are as wide as the header; blank rows are skipped")
    func mergedHeader() throws {
        let sheet = X.row(1, ["항목명", "", "지표ID", "값"]) + X.row(2, ["이름", "부제", "1-4.gci-rank", "10위"]) + "<row r=\"3\"><c r=\"B3\" s=\"0\"/></row>"
            + X.row(4, ["", "", "2-1.school-wifi"]) + X.row(5, ["", "", "", "", "넘침"])
        let merges = "<mergeCells count=\"2\"><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"C2:C3\"/></mergeCells><pageMargins left=\"0.7\"/>"
        let (_, records) = try rows(X.zip(X.parts(sheets: [("Sheet1", "<sheetData>" + sheet + "</sheetData>" + merges)])))
        #expect(records.map(\.fields) == [
            ["항목명", "항목명", "지표ID", "값"],
            ["이름", "부제", "1-4.gci-rank", "10위"],
            ["", "", "2-1.school-wifi", ""],
            ["", "", "", "", "넘침"],
        ])
        #expect(records.map(\.line) == [1, 2, 4, 5])
    }

    @Test("the sheet named like the kind is read, else the first; prefixed markup and cells without references read too")
    func sheetChoiceAndPrefixes() throws {
        let notes = "<x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>메모</x:t></x:is></x:c></x:row></x:sheetData>"
        let data = "<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r=\"B2\"><x:v>3</x:v></x:c></x:row></x:sheetData>"
        let path = try X.zip(X.parts(sheets: [("안내", notes), ("2022 실적", data)], prefix: "x"))
        let (chosen, records) = try rows(path, sheet: ImportFormat.of(.observation).sheetNames)
        #expect(chosen == "2022 실적")
        #expect(records.map(\.fields) == [["1", "2"], ["", "3"]] && records.map(\.line) == [1, 2])
        let (first, _) = try rows(path, sheet: ImportFormat.of(.budget).sheetNames)
        #expect(first == "안내")
    }

    @Test("what is not a workbook gets one clear sentence")
    func notWorkbooks() throws {
        func failure(_ bytes: [UInt8]) -> String? {
            do {
                _ = try XLSXWorkbook(bytes: bytes)
                return nil
            } catch { return error.message }
        }
        #expect(failure(Array("indicator_id,period\n".utf8))?.hasPrefix("not an Excel workbook (.xlsx)") == true)
        #expect(failure([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 1, 2, 3])?.contains("not a readable ZIP archive") == true)
        #expect(failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1])?.contains("Excel 97–2003") == true)
        let noWorkbook = try X.zip(["readme.txt": "hello"])
        #expect(failure([UInt8](try Data(contentsOf: URL(fileURLWithPath: noWorkbook))))?.contains("it has no xl/workbook.xml") == true)

        var parts = X.parts(sheets: [("Sheet1", "<sheetData/>")])
        parts["xl/worksheets/sheet1.xml"] = nil
        let book = try XLSXWorkbook(path: try X.zip(parts))
        #expect(throws: XLSXWorkbook.Failure.self) { _ = try book.reader(for: book.sheets[0]) }

        let badString = X.parts(sheets: [("Sheet1", "<sheetData><row r=\"3\"><c r=\"D3\" t=\"s\"><v>7</v></c></row></sheetData>")])
        do {
            _ = try rows(X.zip(badString))
            Issue.record("a missing shared string was read")
        } catch let f as TableReadFailure {
            #expect(f.line == 3 && f.column == 4 && f.message.contains("shared string 7"))
        }
    }

    @Test("a part that inflates past 200 times the file (a ZIP bomb) is refused before it fills the disk")
    func zipBomb() throws {
        let rows = String(repeating: "<row><c><v>0</v></c></row>", count: 3_000_000)
        let path = try X.zip(X.parts(sheets: [("Sheet1", "<sheetData>\(rows)</sheetData>")]))
        let book = try XLSXWorkbook(path: path)
        #expect(book.fileSize < 400_000)
        do {
            _ = try book.reader(for: book.sheets[0])
            Issue.record("a sheet of \(rows.utf8.count >> 20) MB from \(book.fileSize >> 10) KB was inflated")
        } catch {
            #expect(error.message.contains("inflates past 64 MB"))
        }
    }

    @Test("numbers are written in full precision without an exponent")
    func numberText() {
        #expect(XLSXCellText.number(49000) == "49000")
        #expect(XLSXCellText.number(0.5) == "0.5")
        #expect(XLSXCellText.number(-0.000012) == "-0.000012")
        #expect(XLSXCellText.number(1e21) == "1000000000000000000000")
        #expect(XLSXCellText.number(0.794, shift: 2) == "79.4")
        #expect(XLSXCellText.number(1, shift: 2) == "100")
        #expect(XLSXCellText.number(0.1 + 0.2) == "0.30000000000000004")
    }

    @Test("number formats: dates, percentages and elapsed time told apart")
    func formats() {
        #expect(XLSXCellFormat.of(code: "yyyy-mm-dd") == .date)
        #expect(XLSXCellFormat.of(code: "yyyy\"년\" m\"월\" d\"일\"") == .date)
        #expect(XLSXCellFormat.of(code: "[$-412]mmmm") == .date)
        #expect(XLSXCellFormat.of(code: "[h]:mm:ss") == .general)
        #expect(XLSXCellFormat.of(code: "h:mm") == .general)
        #expect(XLSXCellFormat.of(code: "0.0%") == .percent)
        #expect(XLSXCellFormat.of(code: "#,##0\"일\"") == .general)
        #expect(XLSXCellFormat.of(code: "[Red]#,##0;\"d\"") == .general)
        #expect(XLSXCellFormat.of(code: "General") == .general)
        #expect(XLSXCellFormat.of(id: 14, code: nil) == .date && XLSXCellFormat.of(id: 10, code: nil) == .percent && XLSXCellFormat.of(id: 3, code: nil) == .general)
    }

    @Test("places print as Excel names cells")
    func places() {
        #expect(Diagnostic(file: "a.xlsx", line: 7, column: 3, message: "m", sheet: "Sheet1").description == "a.xlsx:Sheet1!C7: error: m")
        #expect(Diagnostic(file: "a.xlsx", line: 1, column: 28, message: "m", sheet: "2022 실적").description == "a.xlsx:'2022 실적'!AB1: error: m")
        #expect(Diagnostic(file: "a.csv", line: 2, column: 5, message: "m").description == "a.csv:2:5: error: m")
        #expect(Diagnostic(file: "a.xlsx", line: 0, column: 0, message: "m").description == "a.xlsx: error: m")
        #expect(CellReference("$AB$12") == CellReference(row: 12, column: 28) && CellReference("12") == nil && CellReference.letters(16_384) == "XFD")
    }
}
