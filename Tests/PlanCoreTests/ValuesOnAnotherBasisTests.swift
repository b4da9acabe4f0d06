import Testing
@testable import PlanCore

/// docs/method.md, "Values on another basis": a value counted some other way than the plan's
/// indicator counts it is its own figure in the series, is left out of the verdict, and is
/// named in the sentence beside it.
@Suite("Values on another basis")
struct ValuesOnAnotherBasisTests {
    typealias F = Fixture
    static let listings = "공공데이터포털 목록 건수 / data.go.kr portal listings"

    static func observation(_ id: Int64, _ p: String, _ value: Double, basis: String?, recorded: String) -> Observation {
        var o = F.observation(id, "1-1.public-data-opened", p, value, recorded: recorded, approved: recorded)
        o.basis = basis
        return o
    }

    static func series(_ facts: [Observation], asOf: String) -> [SeriesPoint] {
        let index = PlanIndex(Repo.digitalNewDeal)
        var scratch: [Int] = []
        return ObservationTable(ObservationLog(facts), index: index)
            .series(for: index.indicatorIndex["1-1.public-data-opened"]!, asOf: F.asOf(asOf), scratch: &scratch)
    }

    @Test("two bases of one period are two figures, the plan's first, whatever order they were recorded in")
    func twoFiguresForOnePeriod() {
        let listing = Self.observation(1, "2021", 67_441, basis: Self.listings, recorded: "2023-01-13")
        let tables = Self.observation(2, "2021", 147_000, basis: nil, recorded: "2022-01-27")
        let revised = Self.observation(3, "2021", 67_500, basis: Self.listings, recorded: "2023-02-01")
        let points = Self.series([listing, tables, revised], asOf: "2024-01-01")
        // The later listing count replaces the earlier one of its own basis, never the table count.
        #expect(points.map(\.value) == [147_000, 67_500] && points.map(\.basis) == [nil, Self.listings])
        #expect(Self.series([revised, tables, listing], asOf: "2024-01-01") == points)
    }

    @Test("the verdict uses only the plan's basis and says how many values it left out, and of which basis")
    func verdictLeavesOthersOut() {
        // 49,000 (2020) towards 142,000 by the end of 2021, with 147,000 tables and 86,951 listings known for 2021–23.
        let indicator = F.indicator(accumulation: .cumulative, baseline: ("2020", 49_000), targets: [("2021", 142_000)])
        var listings = SeriesPoint(period: .year(2023)!, value: 86_951, factId: 2)
        listings.basis = Self.listings
        let a = IndicatorAssessor.assess(indicator, series: [SeriesPoint(period: .year(2021)!, value: 147_000, factId: 1), listings],
                                         asOf: F.asOf("2024-06-30"))
        // 147,000 ≥ 142,000 by the due date: achieved; the listing count, far below, changes nothing.
        #expect(a.status == .achieved && a.latest?.value == 147_000 && a.flags.contains(.otherBasisLeftOut) && a.otherBasisCount == 1)
        let sentence = AssessmentExplanation.indicator(a, indicator)
        #expect(sentence.ko.contains("계획의 지표와 집계 기준이 다른 값 1개(공공데이터포털 목록 건수)는 기준치·목표와 견줄 수 없어 판정에 쓰지 않음"))
        #expect(sentence.en?.contains("1 value counted on another basis than the plan's (data.go.kr portal listings)") == true)
        // Had the listing count been judged, a running total short of its floor after the due date would have proved a miss.
        let judgedTogether = IndicatorAssessor.assess(indicator, comparable: [SeriesPoint(period: .year(2023)!, value: 86_951)], asOf: F.asOf("2024-06-30"))
        #expect(judgedTogether.status == .missed)
    }

    @Test("with only other bases published, nothing is judged, and no stand-in baseline is taken from them")
    func onlyOtherBases() {
        // 12,000 by 2022 with no baseline; the only figures are a programme's running total since 2014.
        let indicator = F.indicator(accumulation: .cumulative, targets: [("2022", 12_000)])
        var since2014 = SeriesPoint(period: .year(2020)!, value: 19_799, factId: 1)
        since2014.basis = "2014년 이후 누계 / running total since 2014"
        let a = IndicatorAssessor.assess(indicator, series: [since2014], asOf: F.asOf("2023-06-30"))
        #expect(a.status == .notYetAssessable && a.baselineValue == nil && a.otherBases == [since2014.basis!])
        // The evidence of an unsettled target still shows the latest figure, marked as counted another way.
        let evidence = TargetEvidence.of(indicator, target: indicator.targets[0], series: [since2014], baseline: nil)
        #expect(evidence?.latest.value == 19_799 && evidence?.otherBasis == true)
    }
}
