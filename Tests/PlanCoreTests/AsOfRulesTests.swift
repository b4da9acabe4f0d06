import Testing
@testable import PlanCore

/// The four conditions a fact must meet to count as of D, and the revision rule.
@Suite("Facts as of a date")
struct AsOfRulesTests {
    typealias F = Fixture
    let plan = Repo.digitalNewDeal
    var index: PlanIndex { PlanIndex(plan) }
    let gci = "1-4.gci-rank"

    func latest(_ facts: [Observation], asOf: String) -> SeriesPoint? {
        let index = PlanIndex(plan)
        let a = Assessor.assess(index, facts: FactSet(observations: facts), asOf: F.asOf(asOf))
        return a.indicators[index.indicatorIndex[gci]!].latest
    }

    @Test("a period that has not ended by D does not count")
    func periodEnded() {
        let facts = [F.observation(1, gci, "2021", 10, recorded: "2021-06-01", approved: "2021-06-02")]
        #expect(latest(facts, asOf: "2021-12-30") == nil)
        #expect(latest(facts, asOf: "2021-12-31")?.value == 10)
    }

    @Test("a fact recorded after D does not count; D means the whole day in Korea")
    func recorded() {
        let facts = [F.observation(1, gci, "2021", 10, recorded: "2022-01-15T23:59:00+09:00", approved: "2022-01-15T23:59:30+09:00")]
        #expect(latest(facts, asOf: "2022-01-14") == nil)
        #expect(latest(facts, asOf: "2022-01-15")?.value == 10)
        // 15:00 UTC on the 15th is already the 16th in Seoul.
        let late = [F.observation(1, gci, "2021", 10, recorded: "2022-01-15T15:00:00Z", approved: "2022-01-15T15:00:00Z")]
        #expect(latest(late, asOf: "2022-01-15") == nil)
    }

    @Test("a fact approved after D, or never, does not count")
    func approved() {
        #expect(latest([F.observation(1, gci, "2021", 10, recorded: "2022-01-10", approved: "2022-02-01")], asOf: "2022-01-31") == nil)
        #expect(latest([F.observation(1, gci, "2021", 10, recorded: "2022-01-10", approved: nil)], asOf: "2030-01-01") == nil)
    }

    @Test("a revision known by D replaces the value; one made after D does not")
    func superseded() {
        let facts = [
            F.observation(1, gci, "2021", 10, recorded: "2022-01-10", approved: "2022-01-11"),
            F.observation(2, gci, "2021", 12, recorded: "2022-03-01", approved: "2022-03-02", supersedes: 1),
        ]
        #expect(latest(facts, asOf: "2022-02-01")?.value == 10)
        #expect(latest(facts, asOf: "2022-03-02")?.value == 12)
        // Recorded but not yet approved by D: the published value stands.
        #expect(latest(facts, asOf: "2022-03-01")?.value == 10)
    }

    @Test("a revision that moves a value to another period removes it from the old one")
    func movedPeriod() {
        let facts = [
            F.observation(1, gci, "2022", 9, recorded: "2022-01-10", approved: "2022-01-11"),
            F.observation(2, gci, "2021", 9, recorded: "2022-03-01", approved: "2022-03-02", supersedes: 1),
        ]
        #expect(latest(facts, asOf: "2023-06-01")?.period == .year(2021))
    }

    @Test("of two revisions for one period without a link, the later recorded wins, whatever the order")
    func latestRecordedWins() {
        let a = F.observation(1, gci, "2021", 10, recorded: "2022-01-10", approved: "2022-01-11")
        let b = F.observation(2, gci, "2021", 11, recorded: "2022-01-20", approved: "2022-01-21")
        #expect(latest([a, b], asOf: "2022-06-30")?.value == 11)
        #expect(latest([b, a], asOf: "2022-06-30")?.value == 11)
    }

    @Test("values for indicators the plan no longer has are kept aside, not assessed")
    func unmatched() {
        let facts = [F.observation(1, "0-0.gone", "2021", 1, recorded: "2022-01-10", approved: "2022-01-11")]
        let a = Assessor.assess(index, facts: FactSet(observations: facts), asOf: F.asOf("2022-06-30"))
        #expect(a.unmatchedObservations == 1)
    }
}
