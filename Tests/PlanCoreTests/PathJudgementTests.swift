import Foundation
import PropertyBased
import Testing
@testable import PlanCore

/// What the second edition adds to the path rule: a minimum of evidence, the trend of every
/// value rather than the last one, and one meaning of the ratio under linear and compound growth.
@Suite("Path judgement: too early, trend, one scale for linear and CAGR")
struct PathJudgementTests {
    typealias F = Fixture

    @Test("one monthly value a month into a five-year path is too early to judge, whatever it says")
    func tooEarly() {
        // Baseline 100 (2020), 200 by 2025. January 2021 is 31 days after the baseline: under a year, and
        // 31/1826 = 1.7% of the way (under a quarter). The first edition said moving away, insufficient
        // and on track for 99, 101 and 102 (r = −0.59, 0.59, 1.18).
        let i = F.indicator(measure: .index, baseline: ("2020", 100), targets: [("2025", 200)])
        for value in [99.0, 101, 102] {
            let a = F.assess(i, [("2021-01", value)], asOf: "2021-03-01")
            #expect(a.status == .tooEarly && !a.status.isAssessable && a.path != nil, "\(value): \(a.status)")
        }
        let text = AssessmentExplanation.indicator(F.assess(i, [("2021-01", 101)], asOf: "2021-03-01"), i)
        #expect(text.ko.hasSuffix("기준 뒤 1년도, 목표까지 기간의 4분의 1도 지나지 않았고 값도 목표 변화분의 4분의 1만큼 움직이지 않아 아직 진척 속도를 판단할 수 없음: 시기상조"), "\(text.ko)")
        #expect(text[.en].hasSuffix("too little to judge the pace: too early to judge"), "\(text[.en])")
        // A whole year after the baseline is enough (s = 365/1826 = 0.1999, under a quarter): 150 in 2021 gives
        // p = 0.5, r = 0.5/0.1999 = 2.501 → on track.
        #expect(F.assess(i, [("2021", 150)], asOf: "2022-03-01").status == .onTrack)
        // So is a quarter of the way on a short path: 2020 → H2 2021 (546 days); a value for March 2021 is
        // 90 days in (under a half-year) but 90/546 = 0.165 of the way: too early; June 2021, 181/546 = 0.33: judged.
        let short = F.indicator(measure: .index, baseline: ("2020", 100), targets: [("2021-H2", 200)])
        #expect(F.assess(short, [("2021-03", 120)], asOf: "2021-07-01").status == .tooEarly)
        #expect(F.assess(short, [("2021-06", 120)], asOf: "2021-07-01").status == .insufficientProgress)
        // Reaching the target is a fact, not a projection: it is never too early for that.
        #expect(F.assess(i, [("2021-01", 210)], asOf: "2021-03-01").status == .achieved)
    }

    @Test("with three or more values the least-squares trend decides, and both ratios are shown")
    func trend() {
        // Baseline 100 (2020), 200 by 2025 (1,826 days); 125, 150, 130 for 2021–2023 (365, 730, 1,095 days).
        // Last point: p = 0.30, s = 1095/1826 = 0.59967, r = 0.5003 (insufficient).
        // Trend: x̄ = 547.5, ȳ = 126.25, Sxy = 20,987.5, Sxx = 666,125, slope 0.0315068 a day. Measured from its own
        // start, the line moves 0.0315068 × 1,826 = 57.53 by the due date: 100 + 57.53 = 157.53, r = 0.5753 (insufficient).
        // The second edition read the line's end, 126.25 + 0.0315068 × 1,278.5 = 166.53, from the baseline: r = 0.665.
        let i = F.indicator(measure: .index, baseline: ("2020", 100), targets: [("2025", 200)])
        let a = F.assess(i, [("2021", 125), ("2022", 150), ("2023", 130)], asOf: "2024-03-01")
        #expect(a.status == .insufficientProgress && a.path?.basis == .trend && a.path?.trendPoints == 4)
        #expect(F.close(a.ratio, 0.5753) && F.close(a.path?.trendRatio, 0.5753) && F.close(a.path?.lastPointRatio, 0.5003))
        #expect(F.close(a.path?.projected, 157.53, 0.01))
        let text = AssessmentExplanation.indicator(a, i)
        #expect(text.ko.contains("기준치를 포함한 값 4개로 그은 추세선의 속도라면 기한에 157.53개로 목표 개선폭의 58%에 이를 전망(추세 r = 0.58, 최근 값만으로는 r = 0.5): 미흡"), "\(text.ko)")
        #expect(text[.en].contains("At the pace of the trend fitted to 4 values, the baseline included, it would reach 157.53 by the due date, 58% of the planned improvement (trend r = 0.58; from the latest value alone r = 0.5): insufficient progress"), "\(text[.en])")
        // Two values after the baseline are three points: the trend decides from then on.
        #expect(F.assess(i, [("2021", 125), ("2022", 150)], asOf: "2023-03-01").path?.basis == .trend)
        #expect(F.assess(i, [("2021", 125)], asOf: "2022-03-01").path?.basis == .lastPoint)
    }

    @Test("a compound trend is fitted to the logarithms: the published data market, 16.9 → 20.0 → 22.9조원")
    func compoundTrend() {
        // Baseline 16.9조원 (2019), 30조원 by 2022 (1,096 days); 20.0 (2020, day 366), 22.9 (2021, day 731).
        // ln y fitted against days rises 0.4555 by day 1,096 along the line: 16.9 × e^0.4555 = 26.652, so
        // (26.652 − 16.9)/13.1 = 0.7444 (moderate). Fitted growth e^(slope × 365.25) − 1 = 16.39% a year against the
        // 21.08% needed: growth ratio 0.7779. The last point alone: 16.9 × (22.9/16.9)^(1096/731) = 26.651, r = 0.7444.
        // (The second edition read the line's end, 26.797, from the baseline: r = 0.7555.)
        let i = F.indicator(unit: .won, method: .cagr, baseline: ("2019", 16.9e12), targets: [("2022", 30e12)])
        let a = F.assess(i, [("2020", 20.0e12), ("2021", 22.9e12)], asOf: "2022-06-30")
        #expect(a.method == .cagr && a.path?.basis == .trend && a.status == .moderateProgress)
        #expect(F.close(a.ratio, 0.7444) && F.close(a.path?.lastPointRatio, 0.7444) && F.close(a.path?.growthRatio, 0.7779))
        #expect(F.close(a.path?.actualRate, 0.16395) && F.close(a.path?.requiredRate, 0.21076))
    }

    @Test("linear and compound mean the same by r: a value on the planned path is r = 1 under either")
    func oneScale() {
        // Linear: 0 (2020) → 100 by 2025; on the straight path 2022 stands at 730/1826 × 100 = 39.978.
        let linear = F.indicator(measure: .index, baseline: ("2020", 0), targets: [("2025", 100)])
        #expect(F.close(F.assess(linear, [("2022", 730.0 / 1826 * 100)], asOf: "2023-03-01").ratio, 1, 1e-9))
        // Compound: 100 (2020) → 200 by 2025; on the compound path 2022 stands at 100 × 2^(730/1826) = 131.93.
        let compound = F.indicator(measure: .index, method: .cagr, baseline: ("2020", 100), targets: [("2025", 200)])
        let c = F.assess(compound, [("2022", 100 * pow(2, 730.0 / 1826))], asOf: "2023-03-01")
        #expect(F.close(c.ratio, 1, 1e-9) && F.close(c.path?.growthRatio, 1, 1e-9))
        // Off the path the two ratios part: the share is what the bands judge. Growing at 95% of the needed
        // yearly rate (g = 0.95 × 14.872% = 14.128%) reaches 1.14128^(1826/365.25) − 1 = 0.9361 of the change by 2025: moderate,
        // where Eurostat's growth ratio, 0.95, would say on track. docs/method.md §7 shows the shift.
        let gT = pow(2, 365.25 / 1826) - 1
        let slower = 100 * pow(1 + 0.95 * gT, 730 / 365.25)
        let s = F.assess(compound, [("2022", slower)], asOf: "2023-03-01")
        #expect(F.close(s.path?.growthRatio, 0.95, 1e-9) && F.close(s.ratio, 0.9361) && s.status == .moderateProgress)
    }

    @Test("the JSON keeps every ratio: the deciding one, its basis, the last point's, the trend's and the growth ratio")
    func jsonCarriesBothRatios() throws {
        let index = PlanIndex(Repo.digitalNewDeal)
        let market = "1-1.data-market-size"
        let facts = FactSet(observations: [
            F.observation(1, market, "2020", 20.0e12, recorded: "2021-12-29", approved: "2021-12-30"),
            F.observation(2, market, "2021", 22.9e12, recorded: "2023-04-18", approved: "2023-04-19"),
        ])
        let a = Assessor.assess(index, facts: facts, asOf: F.asOf("2023-06-30"))
        let json = AssessmentJSON.indicator(a.indicators[index.indicatorIndex[market]!], index: index, position: index.indicatorIndex[market]!)
        let text = json.compact
        for key in ["\"ratio\":", "\"basis\":\"trend\"", "\"lastPointRatio\":", "\"trendRatio\":", "\"trendPoints\":3", "\"growthRatio\":"] {
            #expect(text.contains(key), "\(key) in \(text)")
        }
    }
}

/// Properties a statistician would check: the verdict does not depend on which way "better"
/// points, and a worse latest value never reads better, under the linear rule and CAGR alike.
@Suite("Path judgement properties")
struct PathPropertyTests {
    typealias F = Fixture

    /// A random indicator with a baseline (2020), one or two targets and yearly values: a level
    /// or a running total, with any comparator, judged on the straight path or by compound growth.
    struct Case: CustomStringConvertible {
        var baseline: Double
        var targets: [Double]
        var values: [Double]
        var asOfDays: Int
        var increase: Bool
        var accumulation: Accumulation = .level
        var exact = false
        var method: AssessmentMethod = .linear

        var description: String {
            "baseline \(baseline), targets \(targets), values \(values), +\(asOfDays) days, increase \(increase), \(accumulation), exact \(exact), \(method)"
        }

        func indicator(mirrored: Bool) -> Indicator {
            let up = increase != mirrored
            var i = F.indicator(measure: .index, direction: up ? .increase : .decrease, accumulation: accumulation, method: method,
                                baseline: ("2020", mirrored ? -baseline : baseline),
                                targets: zip(["2023", "2026"], targets).map { ($0, mirrored ? -$1 : $1) },
                                comparator: exact ? .exactly : nil)
            i.bounds = method == .cagr ? .nonNegative : Bounds()
            return i
        }

        func series(mirrored: Bool, worsenedBy delta: Double = 0) -> [SeriesPoint] {
            var out = values.enumerated().map { k, v in SeriesPoint(period: .year(2021 + k)!, value: mirrored ? -v : v, factId: Int64(k + 1)) }
            if delta != 0, var last = out.popLast() {
                // Worse is lower for an increasing indicator, higher for a decreasing one; under
                // compound growth a value goes no lower than zero.
                last.value! += (increase != mirrored) ? -delta : delta
                if method == .cagr { last.value = max(0, last.value!) }
                out.append(last)
            }
            return out
        }

        var asOf: AsOf { AsOf(CalendarDay(year: 2021, month: 1, day: 1)!.adding(days: asOfDays)) }
    }

    static func make(_ b: Int, _ t1: Int, _ t2: Int, _ vs: [Int], _ days: Int, _ up: Bool) -> Case {
        Case(baseline: Double(b), targets: [Double(t1), Double(t2)], values: vs.map(Double.init), asOfDays: days, increase: up)
    }

    @Test("reversing the direction and mirroring every value gives the same verdict and ratio, running totals and exact targets included")
    func mirror() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...200), Gen.int(in: -100...300), Gen.int(in: -100...300),
                            Gen.int(in: -100...300).array(of: 1...5), Gen.int(in: 0...2_500), Gen.bool, Gen.int(in: 0...3)) { b, t1, t2, vs, days, up, kind in
            var c = Self.make(b, t1, t2, vs, days, up)
            c.accumulation = kind % 2 == 0 ? .level : .cumulative
            c.exact = kind >= 2
            let a = IndicatorAssessor.assess(c.indicator(mirrored: false), series: c.series(mirrored: false), asOf: c.asOf)
            let m = IndicatorAssessor.assess(c.indicator(mirrored: true), series: c.series(mirrored: true).sorted { $0.period < $1.period }, asOf: c.asOf)
            #expect(a.status == m.status, "\(c)")
            #expect(a.ratio.map { r in m.ratio.map { abs($0 - r) <= 1e-9 * max(1, abs(r)) } ?? false } ?? (m.ratio == nil), "\(c)")
            #expect(a.passedMilestones.map(\.status) == m.passedMilestones.map(\.status), "\(c)")
        }
    }

    /// Whether `w` is a better verdict than `a`, among verdicts that judge (not too early, not assessable, not reported).
    static func better(_ w: IndicatorAssessment, than a: IndicatorAssessment) -> Bool {
        a.status.isAssessable && w.status.isAssessable && w.status.severity > a.status.severity
    }

    @Test("a worse latest value never gives a better verdict: straight path, levels and running totals")
    func worseNeverBetter() async {
        // Not for an "exactly" target: there a value can be worse on either side, and heading past
        // the target too fast is off target too, so "further from the target" is not "worse".
        await propertyCheck(count: 400, input: Gen.int(in: 0...200), Gen.int(in: -100...300), Gen.int(in: -100...300),
                            Gen.int(in: -100...300).array(of: 1...5), Gen.int(in: 0...2_500), Gen.bool, Gen.int(in: 1...80), Gen.bool) { b, t1, t2, vs, days, up, delta, total in
            var c = Self.make(b, t1, t2, vs, days, up)
            c.accumulation = total ? .cumulative : .level
            let i = c.indicator(mirrored: false)
            let a = IndicatorAssessor.assess(i, series: c.series(mirrored: false), asOf: c.asOf)
            let w = IndicatorAssessor.assess(i, series: c.series(mirrored: false, worsenedBy: Double(delta)), asOf: c.asOf)
            #expect(!Self.better(w, than: a), "\(c), worse by \(delta): \(a.status) → \(w.status)")
        }
    }

    @Test("a worse latest value never gives a better verdict under compound growth, down to zero")
    func worseNeverBetterUnderCompoundGrowth() async {
        await propertyCheck(count: 400, input: Gen.int(in: 1...200), Gen.int(in: 1...400), Gen.int(in: 1...400),
                            Gen.int(in: 0...400).array(of: 1...5), Gen.int(in: 0...2_500), Gen.int(in: 1...200)) { b, t1, t2, vs, days, delta in
            var c = Self.make(b, t1, t2, vs, days, true)
            c.method = .cagr
            let i = c.indicator(mirrored: false)
            let a = IndicatorAssessor.assess(i, series: c.series(mirrored: false), asOf: c.asOf)
            let w = IndicatorAssessor.assess(i, series: c.series(mirrored: false, worsenedBy: Double(delta)), asOf: c.asOf)
            #expect(!Self.better(w, than: a), "\(c), worse by \(delta): \(a.status) (\(a.ratio ?? .nan)) → \(w.status) (\(w.ratio ?? .nan))")
            if a.status.isAssessable && a.status == w.status, let r = a.ratio, let rw = w.ratio, !a.isFinal {
                #expect(rw <= r + 1e-9 * max(1, abs(r)), "\(c): r \(r) → \(rw)")
            }
        }
    }
}
