import Foundation
import Testing
@testable import PlanCore

@Suite("The quarterly review: what the office takes into the 관계장관회의")
struct QuarterlyReportTests {
    let index = PlanIndex(Repo.digitalNewDeal)

    func facts() throws -> FactSet {
        let data = try #require(FileManager.default.contents(atPath: Repo.path("Examples/sample-facts.csv")))
        return FactSet(observations: try FactsCSV.read([UInt8](data), file: "sample-facts.csv", index: index))
    }

    func review(_ day: String, _ l: Language) throws -> ReportDocument {
        let facts = try facts()
        let a = Assessor.assess(index, facts: facts, asOf: AsOf(CalendarDay(iso: day)!))
        return QuarterlyReport.document(a, index: index, language: l, facts: facts)
    }

    func headings(_ doc: ReportDocument, level: Int) -> [String] {
        doc.blocks.compactMap { if case .heading(let n, let text) = $0, n == level { return text } else { return nil } }
    }

    @Test("its title block names the date and the method, and its parts come in the order of a Korean review")
    func structure() throws {
        let doc = try review("2022-06-30", .ko)
        #expect(doc.title == "디지털 뉴딜 이행 점검 결과")
        #expect(doc.subtitle[0] == "2022년 2분기 · 2022년 6월 30일 기준")
        #expect(doc.subtitle[1].contains(PlanAssessment.methodVersion))
        #expect(doc.running == "디지털 뉴딜 이행 점검 · 2022년 6월 30일 기준")
        #expect(headings(doc, level: 1) == ["Ⅰ. 요약", "Ⅱ. 부진 지표와 지연 과제(프로젝트별)", "Ⅲ. 성과지표 점검 결과", "Ⅳ. 예산과 일자리", "Ⅴ. 제도개선 과제", "Ⅵ. 출처"])
        let english = try review("2022-06-30", .en)
        #expect(headings(english, level: 1) == ["I. Summary", "II. What is slipping, by project", "III. Indicators and their verdicts",
                                                "IV. Budget and jobs", "V. Reforms", "VI. Sources"])
    }

    @Test("the summary is 개조식: □ headings, ○ points and - details, each a short line ending on a noun, not '…다.'")
    func summary() throws {
        let doc = try review("2022-06-30", .ko)
        guard case .outline(let items) = doc.blocks[1] else { Issue.record("the summary must follow its heading"); return }
        #expect(items.first?.line == "□ 총괄")
        #expect(items.filter { $0.level == .heading }.map(\.text) == ["총괄", "부진 분야", "예산·일자리", "제도개선", "후속 조치"])
        for item in items {
            #expect(!item.text.hasSuffix("다.") && !item.text.hasSuffix("."), "\(item.line)")
            #expect(item.text.count <= 110, "too long for one line of a summary: \(item.line)")
        }
        let a = Assessor.assess(index, facts: try facts(), asOf: AsOf(CalendarDay(iso: "2022-06-30")!))
        let r = a.plan
        let share = QuantityFormatter.grouped((r.shareOnTrack! * 100).rounded(), maxDecimals: 0) + "%"
        #expect(items[1].line == "○ 성과지표·과제 지표 \(r.indicatorCount)개 중 평가 가능한 \(r.assessable)개의 \(share)(\(r.onTrack)개)가 순항 또는 달성")
    }

    @Test("every indicator has a row with its verdict, and each cited value's source is a numbered note")
    func indicatorsAndSources() throws {
        let doc = try review("2022-06-30", .ko)
        let tables = doc.blocks.compactMap { if case .table(let h, let rows) = $0 { return (h, rows) } else { return nil } }
        let indicatorRows = tables.filter { $0.0 == ["프로젝트", "지표", "기준치", "현재 목표", "최근 실적", "판정"] }.flatMap(\.1)
        #expect(indicatorRows.count == index.indicators.count)
        guard case .footnotes(let notes) = doc.blocks.last else { Issue.record("the sources come last"); return }
        #expect(!notes.isEmpty)
        let text = doc.markdown
        for n in 1...notes.count { #expect(text.contains(" [\(n)]"), "note \(n) is never cited") }
        let reforms = tables.first { $0.0.first == "과제" }?.1 ?? []
        #expect(reforms.count == index.tasks.filter { $0.kind == .reform }.count)
    }

    @Test("the same date gives the same document, in every form")
    func deterministic() throws {
        let a = try review("2022-06-30", .ko), b = try review("2022-06-30", .ko)
        #expect(a.markdown == b.markdown && a.html == b.html)
    }

    @Test("the HTML prints on A4 with the date and the page number in the margin and headers repeated")
    func printed() throws {
        let html = try review("2022-06-30", .ko).html
        #expect(html.contains("@page{size:A4"))
        #expect(html.contains("@bottom-left{content:\"디지털 뉴딜 이행 점검 · 2022년 6월 30일 기준\""))
        #expect(html.contains("counter(page)"))
        #expect(html.contains("thead{display:table-header-group}") && html.contains("tr,li{break-inside:avoid}"))
        #expect(html.contains("<thead><tr><th scope=\"col\">"))
    }

    @Test("words put into CSS can neither end the string nor the style element")
    func cssString() {
        #expect(ReportDocument.cssString("a\"b\\c</style><script>") == "a\\\"b\\\\c\\3c /style\\3e \\3c script\\3e ")
        #expect(ReportDocument.cssString("x;}{\n") == "x\\3b \\7d \\7b \\a ")
    }
}
