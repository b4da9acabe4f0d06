import PropertyBased
import Testing
@testable import PlanCore

/// Random fact sets over the example plan (counts, percentages, ranks, running totals, per-period
/// flows, money under CAGR, qualitative targets): the verdict as of D is stable and order-free,
/// same-time revisions included.
@Suite("Assessment properties")
struct AssessmentPropertyTests {
    static let index = PlanIndex(try! PlanLoader.load(path: Repo.path("Plans/example-city.yaml")).get())

    /// A deterministic pseudo-random fact set: observations with revisions and late approvals.
    static func facts(seed: UInt64, count: Int) -> [Observation] {
        var rng = SplitMix(seed: seed)
        let numeric = index.indicators.filter { !$0.isQualitative }
        var out: [Observation] = []
        for id in 1...count {
            let indicator = numeric[Int(rng.next() % UInt64(numeric.count))]
            let year = 2023 + Int(rng.next() % 5)
            let period: Period = rng.next() % 2 == 0 ? .year(year)! : .quarter(year, 1 + Int(rng.next() % 4))!
            // Recording times on a coarse grid (four days, at 10:00), so two revisions of one period often share
            // one: the store orders those by id, which travels with the fact however the facts are shuffled.
            let recordedDay = period.end.ordinal + 1 + 100 * Int(rng.next() % 4)
            let recorded = Timestamp(seconds: Int64(recordedDay) * 86_400 + 3_600)
            let approved: Timestamp? = rng.next() % 5 == 0 ? nil : Timestamp(seconds: recorded.seconds + Int64(rng.next() % (90 * 86_400)))
            let supersedes: Int64? = id > 1 && rng.next() % 6 == 0 ? Int64(1 + rng.next() % UInt64(id - 1)) : nil
            let lo = indicator.bounds.min ?? 0, hi = indicator.bounds.max ?? 2_000
            let value = lo + Double(rng.next() % 1000) / 1000 * (hi - lo)
            out.append(Observation(record: FactRecord(id: Int64(id), recordedAt: recorded, approvedAt: approved, supersedes: supersedes),
                                   indicatorId: indicator.id, period: period, value: value.rounded(),
                                   status: rng.next() % 3 == 0 ? .provisional : .final))
        }
        return out
    }

    static func json(_ facts: [Observation], asOf: AsOf) -> String {
        AssessmentJSON.document(Assessor.assess(index, facts: FactSet(observations: facts), asOf: asOf), index: index).compact
    }

    @Test("adding facts recorded after D never changes the answer as of D")
    func asOfStability() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_400)) { seed, offset in
            let all = Self.facts(seed: UInt64(seed), count: 80)
            let asOf = AsOf(CalendarDay(year: 2024, month: 1, day: 1)!.adding(days: offset))
            let knownThen = all.filter { asOf.knows($0.record.recordedAt) }
            #expect(Self.json(knownThen, asOf: asOf) == Self.json(all, asOf: asOf))
        }
    }

    @Test("shuffling the facts changes nothing: the output is byte-identical")
    func orderIndependence() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_400)) { seed, offset in
            let facts = Self.facts(seed: UInt64(seed), count: 80)
            var rng = SplitMix(seed: UInt64(seed) &+ 7)
            let shuffled = facts.shuffled(using: &rng)
            let asOf = AsOf(CalendarDay(year: 2024, month: 1, day: 1)!.adding(days: offset))
            #expect(Self.json(shuffled, asOf: asOf) == Self.json(facts, asOf: asOf))
        }
    }
}

/// A tiny seeded generator, so a failing seed reproduces exactly.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The server adds approvals to its read model instead of assessing everything again; that
/// must give exactly what assessing everything gives.
@Suite("Incremental assessment")
struct IncrementalAssessmentTests {
    typealias P = AssessmentPropertyTests

    @Test("adding facts in steps, some twice, gives the answer of assessing them all at once")
    func stepsEqualWhole() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_400), Gen.int(in: 1...6)) { seed, offset, steps in
            let all = P.facts(seed: UInt64(seed), count: 90)
            let asOf = AsOf(CalendarDay(year: 2024, month: 1, day: 1)!.adding(days: offset))
            let index = P.index
            let chunk = (all.count + steps - 1) / steps
            var table = ObservationTable(ObservationLog(all.prefix(chunk)), index: index)
            var assessment = Assessor.assess(index, observations: table, facts: FactSet(), asOf: asOf)
            var start = chunk
            while start < all.count {
                // Each step repeats the last few facts of the step before: they must count once.
                let step = Array(all[max(0, start - 3)..<min(all.count, start + chunk)])
                // A low compaction limit merges the amendments now and then, as a big server would.
                table = table.adding(ObservationLog(step), index: index, compactingPast: seed % 2 == 0 ? 20 : nil)
                let touched = Set(step.compactMap { index.indicatorIndex[$0.indicatorId] })
                assessment = Assessor.reassess(assessment, index, observations: table, facts: FactSet(), indicators: touched, projects: [], tasks: [])
                start += chunk
            }
            let whole = Assessor.assess(index, facts: FactSet(observations: all), asOf: asOf)
            #expect(AssessmentJSON.document(assessment, index: index).compact == AssessmentJSON.document(whole, index: index).compact)
            #expect(table.count == all.count)
        }
    }
}
