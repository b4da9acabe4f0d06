import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// A figure can carry the basis it was counted on, and a file can carry a figure's later
/// correction: both are stored and read back on both backends, never change once written, are
/// committed to by the audit chain only when present, and bad ones are refused with their place.
@Suite("Basis and corrections of facts", .serialized)
struct BasisAndCorrectionTests {
    typealias F = Fixtures

    static let listings = "공공데이터포털 목록 건수 / data.go.kr portal listings"

    /// Two counts of 2021 on different bases, and a preliminary figure with its final correction.
    static let csv = """
    indicator_id,period,value,status,source,source_date,basis,corrects
    1-1.public-data-opened,2021,14.7만개,final,과학기술정보통신부,2022-01-27,,
    1-1.public-data-opened,2021,"67,441개",final,행정안전부,2023-01-13,\(listings),
    1-1.data-market-size,2020,"19조 2,736억원",provisional,과학기술정보통신부,2021-03-19,,
    1-1.data-market-size,2020,20조원,final,과학기술정보통신부,2021-12-29,,2021-03-19

    """

    func importCSV(_ store: any Store, _ text: String) async throws -> ImportSummary {
        let importer = Importer(store: store, index: F.index, planVersion: nil)
        return try await importer.run(.init(kind: .observation, path: F.file(text), actor: .system, approve: true, again: true, today: F.today))
    }

    @Test("a basis is stored and read back, two bases of one period are two figures, and a correction supersedes the row it names",
          arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        try await backend.withStore { store in
            let summary = try await importCSV(store, Self.csv)
            let published = try await store.publishedFacts().observations.sorted { $0.record.id < $1.record.id }
            #expect(published.map(\.basis) == [nil, Self.listings, nil, nil])
            // The final figure names the preliminary one's fact, made in the same import.
            #expect(published[3].record.supersedes == summary.firstId! + 2 && published[2].status == .provisional)
            // Stored facts carry the basis in their key, so a form's revision of one never replaces the other.
            let stored = try await store.facts(.observation, subjects: ["1-1.public-data-opened"])
            #expect(Set(stored.map(\.key)).count == 2)
            // The series holds both counts of 2021 (the plan's basis first) and only the final market figure.
            let table = ObservationTable(ObservationLog(published), index: F.index)
            var scratch: [Int] = []
            let opened = table.series(for: F.index.indicatorIndex["1-1.public-data-opened"]!, asOf: AsOf(Timestamp.now.koreanDay), scratch: &scratch)
            #expect(opened.map(\.value) == [147_000, 67_441] && opened.map(\.basis) == [nil, Self.listings])
            let market = table.series(for: F.index.indicatorIndex["1-1.data-market-size"]!, asOf: AsOf(Timestamp.now.koreanDay), scratch: &scratch)
            #expect(market.map(\.value) == [20e12])
            // The open-data table says which basis each figure was counted on.
            let export = OpenDataExport.observationsTable(published)
            #expect(export.header.last == "basis" && export.rows[1].last == .text(Self.listings) && export.rows[0].last == .text(nil))
            let v = try await store.verifyAudit()
            #expect(v.isIntact && v.facts == 4)
        }
    }

    @Test("a basis never changes once written, and one changed behind the store's back breaks the audit chain", arguments: Backend.all)
    func immutableAndAudited(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await importCSV(store, Self.csv)
            let blank = "UPDATE observations SET basis = NULL WHERE basis IS NOT NULL"
            let v = try await tamperBehindTheStore(store, refused: blank, trigger: "observations_basis_fixed", update: blank)
            #expect(!v.isIntact, "a basis blanked behind the store's back went unnoticed")
        }
    }

    @Test("a fact without a basis hashes exactly as before the basis existed, so older chains verify")
    func digestOfOlderFacts() {
        let plain = StoredFact(id: 1, entry: FactEntry(.observation(indicatorId: "1-4.gci-rank", period: .year(2021)!, value: 4, text: nil)),
                               recordedAt: Timestamp(seconds: 1), recordedBy: "x", state: .approved)
        var counted = plain
        counted.entry.draft = .observation(indicatorId: "1-4.gci-rank", period: .year(2021)!, value: 4, text: nil, basis: "b")
        // Four own columns and nine common ones, as every event before migration 9 hashed them; a basis adds one.
        #expect(plain.digestRow.count == 13 && counted.digestRow.count == 14 && Array(counted.digestRow.prefix(13)) == plain.digestRow)
    }

    @Test("bad bases and corrections are refused with their place, and nothing is written", arguments: Backend.all)
    func badRows(backend: Backend) async throws {
        try await backend.withStore { store in
            let header = "indicator_id,period,value,source,source_date,basis,corrects\n"
            let rows = [
                "1-4.gci-rank,2020,4위,ITU,2021-06-29,\(String(repeating: "가", count: 201)),",  // a basis too long
                "1-4.gci-rank,2019,15위,ITU,2020-01-10,\"목록\u{7}건수\",",                     // a control character
                "1-4.gci-rank,2018,15위,ITU,2019-01-10,,yesterday",                              // corrects no day
                "1-4.gci-rank,2017,13위,,,,2018-01-01",                                          // a correction without its own day
                "1-4.gci-rank,2016,13위,ITU,2017-01-10,,2017-02-01",                            // corrects a later day
                "1-4.gci-rank,2015,13위,ITU,2016-01-10,,2015-06-01",                            // corrects no row of the file
            ]
            let importer = Importer(store: store, index: F.index, planVersion: nil)
            do {
                _ = try await importer.run(.init(kind: .observation, path: F.file(header + rows.joined(separator: "\n") + "\n"), fileName: "bad.csv",
                                                 actor: .system, approve: true, again: true, today: F.today))
                Issue.record("accepted")
            } catch StoreError.importRejected(let d, _) {
                #expect(d.map { "\($0.line):\($0.column)" } == ["2:37", "3:38", "4:39", "5:26", "6:39", "7:39"], "\(d.map(\.description))")
                #expect(d[0].message.contains("longer than 200") && d[1].message.contains("control character") && d[2].message.contains("not a day"))
                #expect(d[3].message.contains("its own source_date") && d[4].message.contains("not before") && d[5].message.contains("no earlier row"))
            }
            #expect(try await store.facts(.observation, states: nil).isEmpty)
        }
    }
}
