import Foundation
import Testing
@testable import PlanCore

/// `docs/method.md` §16 works examples by hand from `Examples/sample-facts.csv` as of 2022-06-30.
/// Every explanation it quotes, in Korean and English, must be what the engine says, and its
/// roll-up counts must be the engine's, so the published method cannot drift from the code.
@Suite("The worked examples of docs/method.md")
struct WorkedExamplesTests {
    static let method = try! String(contentsOfFile: Repo.path("docs/method.md"), encoding: .utf8)

    static func assessment() throws -> (PlanAssessment, PlanIndex) {
        let index = PlanIndex(Repo.digitalNewDeal)
        let data = FileManager.default.contents(atPath: Repo.path("Examples/sample-facts.csv"))!
        let facts = try FactsCSV.read([UInt8](data), file: "sample-facts.csv", index: index)
        return (Assessor.assess(index, facts: FactSet(observations: facts), asOf: AsOf(CalendarDay(iso: "2022-06-30")!)), index)
    }

    /// The text of §16 in both languages: from the sample-data heading to §17.
    static var examples: String {
        var out = ""
        for (start, end) in [("### 16. 계산 예시", "### 17."), ("### 16. Worked examples", "### 17.")] {
            let from = method.range(of: start)!
            let to = method.range(of: end, range: from.upperBound..<method.endIndex)!
            out += method[from.lowerBound..<to.lowerBound]
        }
        return out
    }

    @Test("each explanation §16 quotes from the sample is the engine's, word for word")
    func explanations() throws {
        let (a, index) = try Self.assessment()
        var said: Set<String> = []
        for (i, ia) in a.indicators.enumerated() {
            let e = AssessmentExplanation.indicator(ia, index.indicators[i])
            said.insert(e.ko)
            said.insert(e[.en])
        }
        for t in a.tasks {
            said.insert(AssessmentExplanation.task(t, .ko))
            said.insert(AssessmentExplanation.task(t, .en))
        }
        // Quotes of the sample's own explanations; those of hypothetical figures begin with "…".
        let quotes = Self.examples.components(separatedBy: "\n").compactMap { line -> String? in
            for marker in ["설명 문장: \"", "Explanation: \""] {
                if let r = line.range(of: marker) {
                    let rest = line[r.upperBound...]
                    guard let close = rest.lastIndex(of: "\""), !rest.hasPrefix("…") else { return nil }
                    return String(rest[..<close])
                }
            }
            return nil
        }
        #expect(quotes.count >= 10)
        for quote in quotes {
            #expect(said.contains(quote), "method.md quotes: \(quote)")
        }
    }

    @Test("the roll-up of §16.7 is the engine's")
    func rollUp() throws {
        let (a, _) = try Self.assessment()
        let r = a.plan
        let ko = "지표 \(r.indicatorCount)개: " + [
            ("달성", IndicatorStatus.achieved), ("순항", .onTrack), ("보통", .moderateProgress), ("미흡", .insufficientProgress),
            ("역행", .movingAway), ("미달성", .missed), ("시기상조", .tooEarly), ("보고", .reported), ("평가 유보", .notYetAssessable),
        ].map { "\($0.0) \(r.indicators[$0.1] ?? 0)" }.joined(separator: ", ")
        #expect(Self.examples.contains(ko), "\(ko)")
        let share = Int((r.shareOnTrack! * 100).rounded())
        #expect(Self.examples.contains("순항 비율 = (\(r.indicators[.achieved] ?? 0) + \(r.indicators[.onTrack] ?? 0)) / \(r.assessable) = \(share)%"))
        #expect(Self.examples.contains("share on track = (\(r.indicators[.achieved] ?? 0) + \(r.indicators[.onTrack] ?? 0)) / \(r.assessable) = \(share)%"))
    }
}

@Suite("How a plan ended")
struct PlanEndingSummaryTests {
    typealias F = Fixture

    static let facts: FactSet = {
        let gci = "1-4.gci-rank", wifi = "2-1.school-wifi", market = "1-1.data-market-size"
        return FactSet(observations: [
            F.observation(1, gci, "2025", 5, recorded: "2026-01-20", approved: "2026-01-21"),        // 5th by 2025: achieved
            F.observation(2, wifi, "2022", 99, recorded: "2023-01-20", approved: "2023-01-21"),       // 99% against 100% by 2022: missed
            F.observation(4, wifi, "2025", 99.5, recorded: "2026-01-20", approved: "2026-01-21"),     // 99.5% against 100% by 2025: missed
            F.observation(3, market, "2024", 40e12, recorded: "2025-04-20", approved: "2025-04-21"),  // nothing for 2022 or 2025
        ])
    }()

    @Test("after the plan's period every target is achieved, missed, shown by its latest value, without a figure, or reported")
    func periodOver() throws {
        let index = PlanIndex(Repo.digitalNewDeal)
        let a = Assessor.assess(index, facts: Self.facts, asOf: F.asOf("2026-06-30"))
        let table = ObservationTable(Self.facts.observations, index: index)
        let summary = PlanEndingSummary(a, index: index, ending: nil) { p in
            var scratch: [Int] = []
            return table.series(for: p, asOf: a.asOf, scratch: &scratch)
        }
        #expect(summary.hasEnded && summary.endedOn == CalendarDay(iso: "2025-12-31"))
        let gci = index.indicatorIndex["1-4.gci-rank"]!, wifi = index.indicatorIndex["2-1.school-wifi"]!, market = index.indicatorIndex["1-1.data-market-size"]!
        func verdicts(_ p: Int) -> [PlanEndingSummary.Verdict] { summary.items.filter { $0.position == p }.map(\.verdict) }
        // 7th by 2022: no 2022 value, but the 2025 value (5th) meets it after its due date; 5th by 2025: achieved.
        #expect(verdicts(gci) == [.evidenceMet, .achieved])
        #expect(verdicts(wifi) == [.missed, .missed])
        // 30조 by 2022: only a 2024 value (40조), after the due date, meets it; 43조 by 2025: 40조 in 2024 falls short.
        #expect(verdicts(market) == [.evidenceMet, .evidenceShort])
        let e = try #require(summary.items.last { $0.position == market }?.evidence)
        #expect(e.latest.value == 40e12 && abs(e.shareOfTarget! - 40.0 / 43.0) < 1e-12)
        #expect(abs(e.neededGrowth! - (43.0 / 40.0 - 1)) < 1e-12 && abs(e.yearsLeft - 365 / 365.25) < 1e-12)
        // Every target is counted once, all of them before the end of the period.
        let all = index.indicators.reduce(0) { $0 + $1.targets.count }
        #expect(summary.items.count == all && summary.counts(.dueBeforeEnd).total == all && summary.counts(.dueAfterEnd).total == 0)
        #expect(summary.counts(.dueBeforeEnd)[.achieved] == 1 && summary.counts(.dueBeforeEnd)[.missed] == 2)
        #expect(summary.counts(.dueBeforeEnd)[.evidenceMet] == 2 && summary.counts(.dueBeforeEnd)[.evidenceShort] == 1)
        // Before the end it is not an ending.
        let early = Assessor.assess(index, facts: Self.facts, asOf: F.asOf("2025-06-30"))
        #expect(!PlanEndingSummary(early, index: index, ending: nil, series: { _ in [] }).hasEnded)
    }

    @Test("a plan that ended early splits its targets at the day it ended, and names the one its successor took up")
    func endedEarly() {
        let index = PlanIndex(Repo.digitalNewDeal)
        let ending = PlanEnding(on: CalendarDay(iso: "2022-09-28")!, kind: .replaced, successor: LocalizedText(ko: "「대한민국 디지털 전략」"),
                                summary: LocalizedText(ko: "끝남", en: "ended"),
                                continued: [ContinuedTarget(indicator: "1-1.data-market-size", successorTarget: LocalizedText(ko: "50조원 이상('27)"))])
        let a = Assessor.assess(index, facts: Self.facts, asOf: F.asOf("2026-06-30"))
        let table = ObservationTable(Self.facts.observations, index: index)
        let summary = PlanEndingSummary(a, index: index, ending: ending) { p in
            var scratch: [Int] = []
            return table.series(for: p, asOf: a.asOf, scratch: &scratch)
        }
        #expect(summary.endedOn == CalendarDay(iso: "2022-09-28"))
        // Targets due in 2020 and 2021 fell due before the end; every 2022 and 2025 target after it.
        let before = summary.items.filter { $0.timing == .dueBeforeEnd }
        #expect(before.allSatisfy { $0.target.due.end <= CalendarDay(iso: "2022-09-28")! } && !before.isEmpty)
        #expect(summary.counts(.dueAfterEnd)[.achieved] == 1 && summary.counts(.dueAfterEnd)[.missed] == 2)
        #expect(summary.continuedCount == 2)    // both targets of the data market, taken up by the successor
        #expect(!PlanEndingSummary(Assessor.assess(index, facts: Self.facts, asOf: F.asOf("2022-09-27")), index: index, ending: ending, series: { _ in [] }).hasEnded)
        #expect(PlanEndingSummary(Assessor.assess(index, facts: Self.facts, asOf: F.asOf("2022-09-28")), index: index, ending: ending, series: { _ in [] }).hasEnded)
    }
}
