import Foundation
import Testing
@testable import PlanCore

@Suite("The facts CSV for assess --facts")
struct FactsCSVTests {
    let index = PlanIndex(Repo.digitalNewDeal)

    func read(_ text: String) throws(DiagnosticsError) -> [Observation] {
        try FactsCSV.read(Array(text.utf8), file: "f.csv", index: index)
    }

    @Test("the sample file reads: Korean numbers, words, revisions, times with zones")
    func sample() throws {
        let data = FileManager.default.contents(atPath: Repo.path("Examples/sample-facts.csv"))!
        let facts = try FactsCSV.read([UInt8](data), file: "sample-facts.csv", index: index)
        #expect(facts.count == 17)
        #expect(facts.first { $0.indicatorId == "1-1.public-data-opened" }?.value == 120_000)
        #expect(facts.first { $0.indicatorId == "1-1.data-market-size" }?.value == 22_700_000_000_000)
        #expect(facts.first { $0.indicatorId == "1-3.5g-network" }?.text == "3개 부처 업무망에 5G 시범 도입")
        let corrected = facts.first { $0.record.supersedes != nil }!
        #expect(corrected.record.supersedes == 7 && corrected.value == 60)
        #expect(facts.first { $0.indicatorId == "1-4.infosec-revenue" }?.record.approvedAt == nil)
    }

    @Test("every bad row is reported with its line and column, and nothing is read")
    func errors() {
        let text = """
        indicator_id,period,value,recorded_at,approved_at,supersedes
        1-4.gci-rank,2021,10위,2022-01-15,2022-01-20,
        1-4.gci-rnk,2021,10위,2022-01-15,2022-01-20,
        1-4.gci-rank,2021-13,10위,2022-01-15,2022-01-20,
        1-4.gci-rank,2021,열위,2022-01-15,2022-01-20,
        1-4.gci-rank,2021,10%,2022-01-15,2022-01-20,
        1-4.gci-rank,2021,10위,yesterday,2022-01-20,
        1-4.gci-rank,2021,10위,2022-01-15,2022-01-10,
        1-4.gci-rank,2021,10위,2022-01-15,2022-01-20,99
        2-1.school-wifi,2021,120%,2022-01-15,2022-01-20,
        """
        do {
            _ = try read(text)
            Issue.record("bad rows were accepted")
        } catch {
            let places = error.diagnostics.map { "\($0.line):\($0.column)" }
            #expect(places == ["3:1", "4:14", "5:19", "6:19", "7:23", "8:34", "9:45", "10:22"], "\(error.diagnostics)")
            #expect(error.diagnostics[0].message.contains("unknown indicator '1-4.gci-rnk'"))
            #expect(error.diagnostics[3].message.contains("is in '%' but 1-4.gci-rank is measured in '위'"))
            #expect(error.diagnostics[7].message.contains("outside the natural range"))
        }
    }

    @Test("unknown and missing columns are refused at the header")
    func header() {
        do {
            _ = try read("indicator_id,period,valeu,recorded_at\n")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "f.csv:1:21: error: unknown column 'valeu' (expected: indicator_id, period, value, status, recorded_at, approved_at, supersedes, source, note)",
                "f.csv:1:1: error: missing column 'value'",
            ])
        }
    }
}
