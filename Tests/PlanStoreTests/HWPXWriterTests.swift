import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanCore
import Testing
import ZIPFoundation
@testable import PlanStore

/// The Hangul document (HWPX) the review is written as: the package Hangul expects, well-formed
/// parts whatever the words hold, real tables with header rows, and a file that appears whole
/// or not at all. `Tests/Documents/check.py` reads the same documents with python-hwpx and
/// hwp-hwpx-parser.
@Suite("HWPX writing")
struct HWPXWriterTests {
    /// A review-shaped document whose words hold everything XML and Hangul could choke on.
    static func document() -> ReportDocument {
        var doc = ReportDocument(title: "디지털 뉴딜 <이행> & \"점검\"", language: .ko)
        doc.subtitle = ["2022년 2분기 · 2022년 6월 30일 기준", "평가 방법 planwatch-method/2"]
        doc.running = "디지털 뉴딜 이행 점검 · 2022년 6월 30일 기준"
        doc.day = CalendarDay(iso: "2022-06-30")
        doc.blocks = [
            .heading(1, "Ⅰ. 요약"),
            .outline([.init(.heading, "총괄"), .init(.point, "지표 38개 중 12개 순항"), .init(.detail, "판정별: 달성 3개, 미흡 2개")]),
            .heading(2, "1-1 데이터 구축·개방·활용"),
            .table(["구분", "항목", "판정"], [["지표", "제어\u{1}문자\u{0B}와 ]]> 그리고 'x' < y", "미흡"], ["과제", "탭\t과\n줄바꿈", ""]]),
            .paragraph("끝에 [1]"),
            .footnotes([.init(text: "통계청, 「조사」", url: "https://kostat.go.kr/a?b=1&c=2")]),
        ]
        return doc
    }

    func parts(_ bytes: [UInt8]) throws -> [(name: String, compressed: Bool, data: Data)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, entry.isCompressed, data)
        }
    }

    @Test("the package: mimetype first and stored, then the parts OWPML names, each well-formed XML")
    func package() throws {
        let entries = try parts(HWPXWriter.bytes(Self.document()))
        #expect(entries.first?.name == "mimetype" && entries.first?.compressed == false)
        #expect(String(decoding: entries[0].data, as: UTF8.self) == "application/hwp+zip")
        let names = Set(entries.map(\.name))
        for part in ["version.xml", "Contents/header.xml", "Contents/section0.xml", "Contents/content.hpf", "META-INF/container.xml", "META-INF/manifest.xml"] {
            #expect(names.contains(part), "\(part) is missing")
        }
        for entry in entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".hpf") {
            let parser = XMLParser(data: entry.data)
            #expect(parser.parse(), "\(entry.name) is not well-formed: \(String(describing: parser.parserError))")
        }
    }

    @Test("A4, the fonts as Hangul names them, styles, and tables whose first row is a header repeated on every page")
    func content() throws {
        let entries = try parts(HWPXWriter.bytes(Self.document()))
        let text = { (name: String) in String(decoding: entries.first { $0.name == name }!.data, as: UTF8.self) }
        let header = text("Contents/header.xml"), section = text("Contents/section0.xml")
        #expect(header.contains("face=\"함초롬바탕\"") && header.contains("face=\"맑은 고딕\""))
        #expect(header.contains("name=\"개요 1\"") && header.contains("name=\"표 머리\""))
        #expect(section.contains("width=\"59528\" height=\"84186\""))
        #expect(section.components(separatedBy: "<hp:tbl ").count == 2)
        #expect(section.contains("repeatHeader=\"1\"") && section.contains("pageBreak=\"CELL\"") && section.contains("rowCnt=\"3\" colCnt=\"3\""))
        #expect(section.components(separatedBy: "header=\"1\"").count - 1 == 3)
        #expect(section.contains("<hp:t>□ 총괄</hp:t>") && section.contains("<hp:t>○ 지표 38개 중 12개 순항</hp:t>"))
        #expect(section.contains("<hp:t>[1] 통계청, 「조사」 https://kostat.go.kr/a?b=1&amp;c=2</hp:t>"))
        #expect(section.contains("<hp:pageNum ") && section.contains("<hp:t>디지털 뉴딜 이행 점검 · 2022년 6월 30일 기준</hp:t>"))
        #expect(section.contains("제어문자와 ]]&gt; 그리고 &#39;x&#39; &lt; y") && section.contains("탭 과 줄바꿈"))
    }

    @Test("the same review gives the same bytes: nothing in it is the time it was written")
    func deterministic() throws {
        #expect(try HWPXWriter.bytes(Self.document()) == HWPXWriter.bytes(Self.document()))
    }

    @Test("a file appears whole or not at all, and a path that cannot be written says why in one line")
    func files() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-hwpx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/review.hwpx"
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        try HWPXWriter.write(Self.document(), to: out)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))) == HWPXWriter.bytes(Self.document()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["review.hwpx"])

        #expect(throws: HWPXWriter.Failure.self) { try HWPXWriter.write(Self.document(), to: dir + "/nowhere/review.hwpx") }
        do {
            try HWPXWriter.write(Self.document(), to: dir + "/nowhere/review.hwpx")
        } catch {
            #expect(error.message == "cannot write \(dir)/nowhere/review.hwpx: the folder \(dir)/nowhere does not exist")
        }
        do {
            try HWPXWriter.write(Self.document(), to: dir)
            Issue.record("a folder was written over")
        } catch {
            #expect(error.message == "cannot write \(dir): it is a folder")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["review.hwpx"])
    }

    @Test("columns share the line by what they hold, and always fill it")
    func columns() {
        let table = HWPXTable(header: ["구분", "근거"], rows: [["지표", String(repeating: "아주 긴 설명 ", count: 20)]])
        let widths = table.columnWidths
        #expect(widths.reduce(0, +) == HWPXTable.lineWidth)
        #expect(widths[1] > widths[0] * 3)
    }
}
