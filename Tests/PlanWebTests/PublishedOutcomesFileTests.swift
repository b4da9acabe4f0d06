import Foundation
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The published-outcomes file by publication day: a correction names the day of the row it
/// corrects, is recorded on its own day as a revision of that row's fact, and a file whose
/// corrections name nothing is refused with its line.
@Suite("Published outcomes by day, with corrections")
struct PublishedOutcomesFileTests {
    static let header = "indicator_id,period,value,status,source,source_url,source_date,basis,corrects\n"
    static let preliminary = "1-1.data-market-size,2020,19.3조원,provisional,과기정통부,https://a.example/1,2021-03-19,,\n"
    static let final = "1-1.data-market-size,2020,20조원,final,과기정통부,https://a.example/2,2021-12-29,,2021-03-19\n"

    func file(_ text: String) throws -> PublishedOutcomesFile {
        try PublishedOutcomesFile(Array(text.utf8), fileName: "outcomes.csv")
    }

    func refusal(_ text: String) -> String {
        do {
            _ = try file(text)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test("each day is a file of its own without the corrects column, and lists the corrections it publishes")
    func days() throws {
        let days = try file(Self.header + Self.final + Self.preliminary).days
        #expect(days.map(\.day.iso) == ["2021-03-19", "2021-12-29"])
        #expect(days[0].corrections.isEmpty && days[1].corrections.map(\.corrects.iso) == ["2021-03-19"] && days[1].corrections[0].line == 2)
        let text = String(decoding: days[1].bytes, as: UTF8.self)
        #expect(text.hasPrefix("indicator_id,period,value,status,source,source_url,source_date,basis\n") && !text.contains("2021-03-19"))
    }

    @Test("a correction that names no earlier row is refused with its line")
    func hostile() {
        #expect(refusal(Self.header + Self.preliminary + Self.final.replacingOccurrences(of: ",2021-03-19\n", with: ",last March\n"))
            .contains("outcomes.csv:3: corrects 'last March' is not a day"))
        #expect(refusal(Self.header + Self.preliminary + Self.final.replacingOccurrences(of: ",2021-03-19\n", with: ",2022-01-01\n"))
            .contains("outcomes.csv:3: corrects 2022-01-01, which is not before"))
        #expect(refusal(Self.header + Self.preliminary + Self.final.replacingOccurrences(of: ",2021-03-19\n", with: ",2021-03-18\n"))
            .contains("outcomes.csv:3: corrects 2021-03-18, but no row for 1-1.data-market-size 2020 was published that day"))
        // The same period on another basis is another figure: it cannot be what the row corrects.
        #expect(refusal(Self.header + Self.preliminary + Self.final.replacingOccurrences(of: ",,2021-03-19\n", with: ",목록 / listings,2021-03-19\n"))
            .contains("no row for 1-1.data-market-size 2020 (목록 / listings) was published that day"))
        let again = Self.final.replacingOccurrences(of: "2021-12-29", with: "2022-04-18")
        #expect(refusal(Self.header + Self.preliminary + Self.final + again).contains("outcomes.csv:4: the row of 2021-03-19 is already corrected on line 3"))
        #expect(refusal(Self.header + "1-4.gci-rank,2021,4위,final,ITU,https://a.example/3,,,\n").contains("outcomes.csv:2: every published figure needs its publication day"))
    }

    @Test("loaded into a store, the correction supersedes the preliminary fact, on its own day; loading again adds nothing")
    func load() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-outcomes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("o.sqlite").path)
        try await store.migrate()
        let index = PlanIndex(WebFixture.plan)
        let bytes = Array((Self.header + Self.preliminary + Self.final).utf8)
        #expect(try await PublishedOutcomes.load(bytes, fileName: "outcomes.csv", into: store, index: index, planVersion: nil) == 2)
        let facts = try await store.facts(.observation, states: [.approved]).sorted { $0.id < $1.id }
        #expect(facts.count == 2 && facts[1].entry.supersedes == facts[0].id && facts[0].entry.valueStatus == .provisional)
        #expect(facts.map(\.recordedAt) == [PublishedOutcomes.recordedAt(CalendarDay(iso: "2021-03-19")!),
                                            PublishedOutcomes.recordedAt(CalendarDay(iso: "2021-12-29")!)])
        #expect(try await PublishedOutcomes.load(bytes, fileName: "outcomes.csv", into: store, index: index, planVersion: nil) == 0)
        let v = try await store.verifyAudit()
        #expect(v.isIntact && v.facts == 2)
    }
}
