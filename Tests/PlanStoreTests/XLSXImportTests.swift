import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// A workbook is imported through the same validation and the same all-or-nothing rule as a
/// CSV file, on both backends, and its problems are placed as Excel names cells.
@Suite("XLSX import", .serialized)
struct XLSXImportTests {
    typealias F = Fixtures
    typealias X = XLSXFixtures

    func run(_ store: any Store, path: String, fileName: String, kind: FactKind = .observation) async throws -> ImportSummary {
        let importer = Importer(store: store, index: F.index, planVersion: nil)
        return try await importer.run(.init(kind: kind, path: path, fileName: fileName, actor: .system, approve: true, again: true, today: F.today))
    }

    @Test("a workbook with dates, percentages and numbers stored as text lands whole", arguments: Backend.all)
    func lands(backend: Backend) async throws {
        // Style 1 is a date, style 2 a percentage.
        let sheet = "<sheetData>" + X.row(1, ["지표ID", "기간", "값", "출처"])
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2-1.school-wifi</t></is></c><c r=\"B2\"><v>2021</v></c><c r=\"C2\" s=\"2\"><v>0.79</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>1-4.gci-rank</t></is></c><c r=\"B3\" s=\"1\"><v>44377</v></c><c r=\"C3\"><v>4</v></c></row>"
            + X.row(4, ["1-1.data-market-size", "2021", "22조원", "과기정통부"]) + "</sheetData>"
        let path = try X.zip(X.parts(sheets: [("Sheet1", sheet)], xfs: [0, 14, 9]))
        try await backend.withStore { store in
            let summary = try await run(store, path: path, fileName: "2021.xlsx")
            #expect(summary.rows == 3 && summary.sheet == "Sheet1" && summary.state == .approved)
            let published = try await store.publishedFacts().observations.sorted { $0.record.id < $1.record.id }
            #expect(published.map(\.value) == [79, 4, 22e12])
            #expect(published[1].period.iso == "2021-06-30" && published[2].record.source == "과기정통부")
        }
    }

    @Test("every bad cell is listed as Sheet1!C7 and nothing is written", arguments: Backend.all)
    func rejected(backend: Backend) async throws {
        var rows = [X.row(1, ["indicator_id", "period", "value"])]
        for r in 2...6 { rows.append(X.row(r, ["2-1.school-wifi", String(2018 + r), "50%"])) }
        rows.append(X.row(7, ["1-1.data-market-size", "2021", "많음"]))
        rows[2] = X.row(3, ["2-1.school-wifi", "2099", "60%"])
        let path = try X.zip(X.parts(sheets: [("Sheet1", "<sheetData>" + rows.joined() + "</sheetData>")]))
        try await backend.withStore { store in
            do {
                _ = try await run(store, path: path, fileName: "bad.xlsx")
                Issue.record("accepted")
            } catch StoreError.importRejected(let d, let total) {
                #expect(total == 2)
                #expect(d.map(\.place) == ["Sheet1!B3", "Sheet1!C7"], "\(d.map(\.description))")
                #expect(d[1].description.hasPrefix("bad.xlsx:Sheet1!C7: error: "))
            }
            #expect(try await store.facts(.observation, states: nil).isEmpty)
        }
    }

    @Test("a workbook Planwatch writes imports back: the template round trip", arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-\(UUID().uuidString).xlsx").path
        let writer = XLSXWriter(path: path)
        try writer.startSheet("observations", columns: [XLSXColumn("항목명"), XLSXColumn("지표ID", style: .text), XLSXColumn("기간", style: .text),
                                                        XLSXColumn("값"), XLSXColumn("발표일", style: .date), XLSXColumn("출처")])
        try writer.append([.text("학교 와이파이"), .text("2-1.school-wifi"), .text("2021"), .number(0.79, .percent), .day(CalendarDay(year: 2022, month: 3, day: 2)!),
                           .text("교육부")])
        try writer.append([.text("데이터 시장"), .text("1-1.data-market-size"), .text("2021"), .number(22_000_000_000_000, .grouped), .empty, .empty])
        try writer.append([.text("빈 줄"), .text("1-4.gci-rank"), .text("2021"), .empty, .empty, .empty])
        try writer.finish()
        try await backend.withStore { store in
            let summary = try await run(store, path: path, fileName: "template.xlsx")
            #expect(summary.rows == 2)
            let published = try await store.publishedFacts().observations.sorted { $0.record.id < $1.record.id }
            #expect(published.map(\.value) == [79, 22e12])
            #expect(published[0].record.provenance?.published == CalendarDay(year: 2022, month: 3, day: 2))
        }
    }

    @Test("an .xlsx that is not a workbook is refused with one error")
    func notAWorkbook() async throws {
        try await Backend(name: "sqlite", postgresURL: nil).withStore { store in
            do {
                _ = try await run(store, path: F.file("indicator_id,period,value\n", name: "plain.xlsx"), fileName: "plain.xlsx")
                Issue.record("accepted")
            } catch StoreError.importRejected(let d, let total) {
                #expect(total == 1 && d[0].description.hasPrefix("plain.xlsx: error: not an Excel workbook (.xlsx)"))
            }
        }
    }
}
