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
struct PlanOutcomeTests {
    typealias F = Fixture

    @Test("after the plan's end every indicator is achieved, missed, not assessable or reported, counted up to the plan")
    func counts() {
        let index = PlanIndex(Repo.digitalNewDeal)
        let gci = "1-4.gci-rank", wifi = "2-1.school-wifi", market = "1-1.data-market-size"
        let facts = FactSet(observations: [
            F.observation(1, gci, "2025", 5, recorded: "2026-01-20", approved: "2026-01-21"),        // 5th by 2025: achieved
            F.observation(2, wifi, "2022", 99, recorded: "2023-01-20", approved: "2023-01-21"),       // 99% against 100% by 2022: missed (a milestone)
            F.observation(4, wifi, "2025", 99.5, recorded: "2026-01-20", approved: "2026-01-21"),     // 99.5% against 100% by 2025: missed
            F.observation(3, market, "2024", 40e12, recorded: "2025-04-20", approved: "2025-04-21"),  // nothing for 2025: not assessable
        ])
        let a = Assessor.assess(index, facts: facts, asOf: F.asOf("2026-06-30"))
        let outcome = PlanOutcome(a, index: index)
        #expect(outcome.hasEnded)
        #expect(outcome.verdicts[index.indicatorIndex[gci]!] == .achieved && outcome.verdicts[index.indicatorIndex[wifi]!] == .missed)
        #expect(outcome.verdicts[index.indicatorIndex[market]!] == .notAssessable)
        #expect(outcome.plan.total == index.indicators.count && outcome.plan.achieved == 1 && outcome.plan.missed == 1)
        #expect(outcome.plan.reported == 0 && outcome.plan.notAssessable == index.indicators.count - 2)
        #expect(outcome.projects[index.projectIndex["1-4"]!].achieved == 1 && outcome.pillars[1].missed == 1)
        #expect(outcome.milestones.missed == 1 && outcome.milestones.achieved == 0)
        // Before the end it is not an ending.
        #expect(!PlanOutcome(Assessor.assess(index, facts: facts, asOf: F.asOf("2025-06-30")), index: index).hasEnded)
    }
}
