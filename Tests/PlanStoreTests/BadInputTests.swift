import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// A corpus of bad import files: each gets the right error at the right place, and nothing is written.
@Suite("Bad imports are refused whole", .serialized)
struct BadInputTests {
    typealias F = Fixtures

    /// Imports `bytes` and returns the diagnostics; checks that no fact and no audit event was written.
    func rejected(_ store: any Store, _ bytes: [UInt8], kind: FactKind = .observation) async throws -> [Diagnostic] {
        let eventsBefore = try await store.auditEvents(after: 0, limit: 1_000).count
        let importer = Importer(store: store, index: F.index, planVersion: nil)
        var diagnostics: [Diagnostic] = []
        do {
            _ = try await importer.run(.init(kind: kind, path: F.file(bytes), fileName: "bad.csv", actor: .system, approve: true, again: true, today: F.today))
            Issue.record("the bad file was accepted")
        } catch StoreError.importRejected(let d, _) {
            diagnostics = d
        }
        let facts = try await store.facts(kind, states: nil)
        let eventsAfter = try await store.auditEvents(after: 0, limit: 1_000).count
        #expect(facts.isEmpty && eventsAfter == eventsBefore, "something was written")
        return diagnostics
    }

    func rejected(_ store: any Store, _ text: String, kind: FactKind = .observation) async throws -> [Diagnostic] {
        try await rejected(store, Array(text.utf8), kind: kind)
    }

    static let header = "indicator_id,period,value,status,source,note\n"
    static let good = "1-4.gci-rank,2021,10위,final,,\n"

    @Test("the corpus", arguments: Backend.all)
    func corpus(backend: Backend) async throws {
        try await backend.withStore { store in
            // Wrong encoding: UTF-16 with a BOM is neither UTF-8 nor CP949.
            var utf16: [UInt8] = [0xFF, 0xFE]
            for unit in (Self.header + Self.good).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            var d = try await rejected(store, utf16)
            #expect(d.count == 1 && d[0].message.contains("neither UTF-8 nor CP949"), "\(d)")

            // UTF-8 that breaks halfway: a Latin-1 é in a later row.
            d = try await rejected(store, Array((Self.header + Self.good).utf8) + Array("1-4.gci-rank,2022,9위,final,caf".utf8) + [0xE9] + Array(",\n".utf8))
            #expect(d.count == 1 && d[0].line == 3 && d[0].message.contains("invalid UTF-8 at byte offset 109"), "\(d)")

            // A truncated row.
            d = try await rejected(store, Self.header + Self.good + "1-4.gci-rank,2022\n")
            #expect(d.map(\.description) == ["bad.csv:3:14: error: this row is missing fields (truncated?): 2 fields, the header has 6"])

            // A quote left open.
            d = try await rejected(store, Self.header + "1-4.gci-rank,2021,10위,final,\"ITU,\n")
            #expect(d.count == 1 && d[0].line == 2 && d[0].column == 29 && d[0].message.contains("never closed"), "\(d)")

            // Unknown ids, with a suggestion.
            d = try await rejected(store, Self.header + "1-4.gci-rnk,2021,10위,final,,\n")
            #expect(d.map(\.description) == ["bad.csv:2:1: error: unknown indicator '1-4.gci-rnk'; did you mean '1-4.gci-rank'?"])

            // Duplicate rows in one file.
            d = try await rejected(store, Self.header + Self.good + Self.good)
            #expect(d.map(\.description) == ["bad.csv:3:1: error: duplicate row: the same indicator and period as line 2; the rows of one file are "
                + "recorded at the same time, so which one counts would depend on their order: keep one row, and send a correction in a later file"])

            // An impossible period, and one that has not started.
            d = try await rejected(store, Self.header + "1-4.gci-rank,2021-13,10위,final,,\n1-4.gci-rank,2099,5위,final,,\n")
            #expect(d.map(\.line) == [2, 3] && d[0].message.contains("not a real date") && d[1].message.contains("has not started yet"))

            // Text where a number belongs, and a number in the wrong unit.
            d = try await rejected(store, Self.header + "1-4.gci-rank,2021,열 번째,final,,\n2-1.school-wifi,2021,60개,final,,\n")
            #expect(d.map(\.column) == [19, 22] && d[0].message.contains("takes a number") && d[1].message.contains("is in '개'"))

            // An empty file, and one with only a header of unknown columns.
            d = try await rejected(store, "")
            #expect(d.map(\.message) == ["the file is empty; it needs a header row: indicator_id,period,value,status,source,source_title,source_url,source_date,source_quote,definition_note,note,basis,corrects"])
            d = try await rejected(store, "지표,when,value\n")
            #expect(d.map(\.description) == ["bad.csv:1:4: error: unknown column 'when' (this file takes: indicator_id, period, value, status, source, source_title, source_url, source_date, source_quote, definition_note, note, basis, corrects)",
                                             "bad.csv:1:1: error: missing column 'period'"])

            // A NUL byte.
            d = try await rejected(store, Array(Self.header.utf8) + Array("1-4.gci-rank,2021,10".utf8) + [0] + Array("위,final,,\n".utf8))
            #expect(d.count == 1 && d[0].message.contains("NUL byte"))

            // 100,000 columns, and a line of 20 MB: refused at the reader's limits without reading on.
            d = try await rejected(store, Self.header + String(repeating: "1,", count: 100_000) + "1\n")
            #expect(d.count == 1 && d[0].line == 2, "\(d)")
            d = try await rejected(store, Self.header + "1-4.gci-rank,2021," + String(repeating: "9", count: 20 << 20) + ",final,,\n")
            #expect(d.count == 1 && d[0].line == 2, "\(d)")

            // Budget: money in the wrong unit, and a negative amount.
            d = try await rejected(store, "project_id,fiscal_year,allocated,executed\n1-1,2021,10개,-5\n", kind: .budget)
            #expect(d.map(\.column) == [10, 14], "\(d)")

            // Every error in a large file is counted, the first hundred listed.
            let many = Self.header + (1...150).map { "x-\($0),2021,1,final,,\n" }.joined()
            let importer = Importer(store: store, index: F.index, planVersion: nil)
            do {
                _ = try await importer.run(.init(kind: .observation, path: F.file(many), actor: .system, approve: false, again: true, today: F.today))
            } catch StoreError.importRejected(let listed, let total) {
                #expect(listed.count == 100 && total == 150)
            }
        }
    }

    @Test("formula-looking text is stored as typed and neutralised on CSV export")
    func formulas() {
        #expect(CSVTable.render(.text("=HYPERLINK(\"http://evil\",\"x\")")).hasPrefix("\"'="))
    }

    @Test func hintsAreWorkedOutOnlyForTheErrorsKept() throws {
        // A file of unknown ids, each close to a real one: every row is an error, only 100 are kept.
        let rows = (0..<5_000).map { "1-4.gci-rnk\($0 % 10),2021,10위,final,,\n" }.joined()
        let source = try ImportRowSource(bytes: Array((Self.header + rows).utf8), fileName: "bad.csv", kind: .observation, index: F.index,
                                         today: F.today, maxErrors: 100)
        while source.next() != nil {}
        #expect(source.errorCount == 5_000)
        #expect(source.diagnostics.count == 100)
        #expect(source.diagnostics[0].message.contains("did you mean '1-4.gci-rank'"))
        // At most seven cells per character of the id, for each of the plan's ids, for each kept error.
        let longest = "1-4.gci-rnk0".unicodeScalars.count
        #expect(source.hints.comparisons <= 100 * F.index.indicators.count * 7 * longest)
        // A 60,000-character id is compared with nothing: no id of the plan is within three of its length.
        var hint = SpellingHint()
        #expect(hint.closest(String(repeating: "x", count: 60_000), in: F.index.indicators.map(\.id)) == nil)
        #expect(hint.comparisons == 0)
        #expect(hint.closest("1-4.gci-rank", in: F.index.indicators.map(\.id)) == "1-4.gci-rank")
        #expect(hint.closest("1-4.gcirnk", in: ["1-4.gci-rank", "1-4.gci-rnk"]) == "1-4.gci-rnk")
        #expect(hint.closest("abcd", in: ["wxyz"]) == nil)
        #expect(hint.closest("abc", in: ["abcdef"]) == "abcdef")
        #expect(hint.closest("abc", in: ["abcdefg"]) == nil)
        #expect(hint.closest("kitten", in: ["sitting"]) == "sitting")
    }
}
