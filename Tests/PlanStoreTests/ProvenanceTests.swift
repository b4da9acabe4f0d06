import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// Every fact can carry the publication behind it; it is stored, read back and exported whole on
/// both backends, never changes once written, and a change behind the store's back breaks the chain.
@Suite("Provenance of facts", .serialized)
struct ProvenanceTests {
    typealias F = Fixtures

    static let csv = """
    indicator_id,period,value,status,source,source_title,source_url,source_date,source_quote,definition_note,note
    1-1.data-market-size,2021,"22조 8,986억원",final,과학기술정보통신부·한국데이터산업진흥원,2022 데이터산업현황조사,https://www.fnnews.com/news/202304181434297237,2023-04-18,"데이터 시장 규모는 22조 8,986억원으로 전년 대비 14.5% 성장",,
    1-1.public-data-opened,2023,"86,951개",final,행정안전부,공공데이터포털 개방 현황,https://etnews.com/20240109000185,2024-01-09,,"포털의 목록 수이며 계획의 테이블 수와 다름 / A portal listing count, not the plan's table count",
    1-4.gci-rank,2020,4위,final,ITU,,,,,,

    """

    func importCSV(_ store: any Store, _ text: String) async throws -> ImportSummary {
        let importer = Importer(store: store, index: F.index, planVersion: nil)
        return try await importer.run(.init(kind: .observation, path: F.file(text), actor: .system, approve: true, again: true, today: F.today))
    }

    @Test("the five parts are stored, published and exported as imported", arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await importCSV(store, Self.csv)
            let published = try await store.publishedFacts().observations.sorted { $0.record.id < $1.record.id }
            let market = published[0].record
            #expect(market.source == "과학기술정보통신부·한국데이터산업진흥원")
            #expect(market.provenance == Provenance(title: "2022 데이터산업현황조사", url: "https://www.fnnews.com/news/202304181434297237",
                                                    published: CalendarDay(iso: "2023-04-18"), quote: "데이터 시장 규모는 22조 8,986억원으로 전년 대비 14.5% 성장"))
            #expect(published[1].record.provenance?.definitionNote?.hasPrefix("포털의 목록 수") == true && published[1].record.provenance?.quote == nil)
            #expect(published[2].record.provenance == nil && published[2].record.source == "ITU")
            // The same through the log the server holds.
            let log = ObservationLog(published)
            #expect(log[0].record.provenance == market.provenance && log[2].record.provenance == nil)
            // And in the open-data table.
            let table = OpenDataExport.observationsTable(published)
            let row = table.rows[0]
            #expect(table.header[6...11] == ["source", "source_title", "source_url", "source_date", "source_quote", "definition_note"])
            #expect(row[9] == .text("2023-04-18") && row[8] == .text("https://www.fnnews.com/news/202304181434297237"))
            let v = try await store.verifyAudit()
            #expect(v.isIntact && v.facts == 3)
        }
    }

    @Test("a source never changes once written, and one blanked behind the store's back breaks the audit chain", arguments: Backend.all)
    func immutableAndAudited(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await importCSV(store, Self.csv)
            let v = try await tamperBehindTheStore(
                store, refused: "UPDATE observations SET source_url = 'https://evil.example/' WHERE indicator_id = '1-1.data-market-size'",
                trigger: "observations_provenance_fixed", update: "UPDATE observations SET source_quote = NULL WHERE indicator_id = '1-1.data-market-size'")
            #expect(!v.isIntact, "a blanked quote went unnoticed")
        }
    }

    @Test("bad publication details are refused with their place, and nothing is written", arguments: Backend.all)
    func badDetails(backend: Backend) async throws {
        try await backend.withStore { store in
            let header = "indicator_id,period,value,source,source_url,source_date,source_quote\n"
            let rows = [
                "1-4.gci-rank,2020,4위,ITU,ftp://itu.int/gci,2021-06-29,",            // not a web address
                "1-4.gci-rank,2019,15위,ITU,https://www.itu.int/gci,2019-13-01,",     // not a day
                "1-4.gci-rank,2018,15위,ITU,https://www.itu.int/gci,2030-01-01,",     // after today
                "2-1.school-wifi,2021,79%,교육부,https://moe.go.kr/1,2021-07-08,",   // before the year 2021 ended
                "2-1.school-wifi,2020,14.8%,,https://moe.go.kr/1,2021-07-08,",        // details without a publisher
                "1-1.data-market-size,2020,20조원,과기정통부,,2021-12-29,\"어떤 \u{1F}문장\"", // a control character
            ]
            let importer = Importer(store: store, index: F.index, planVersion: nil)
            do {
                _ = try await importer.run(.init(kind: .observation, path: F.file(header + rows.joined(separator: "\n") + "\n"), fileName: "bad.csv",
                                                 actor: .system, approve: true, again: true, today: F.today))
                Issue.record("accepted")
            } catch StoreError.importRejected(let d, _) {
                #expect(d.map { "\($0.line):\($0.column)" } == ["2:26", "3:51", "4:51", "5:50", "6:28", "7:50"], "\(d.map(\.description))")
                #expect(d[0].message.contains("not a web address") && d[1].message.contains("not a day") && d[2].message.contains("after today"))
                #expect(d[3].message.contains("forecast") && d[4].message.contains("the publisher") && d[5].message.contains("control character"))
            }
            #expect(try await store.facts(.observation, states: nil).isEmpty)
        }
    }
}
