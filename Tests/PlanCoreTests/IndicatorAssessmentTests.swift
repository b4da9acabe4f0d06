import Testing
@testable import PlanCore

/// Each status and edge case of docs/method.md, with the answer worked out by hand in the comment.
@Suite("Indicator assessment: statuses and edge cases")
struct IndicatorAssessmentTests {
    typealias F = Fixture

    @Test("on track, lower is better: GCI 15위 (2020) → 10위 (2021), target 7위 by 2022")
    func rankOnTrack() {
        // p = (10 − 15)/(7 − 15) = 0.625; s = 365/730 = 0.5; r = 1.25 ≥ 0.95.
        let gci = F.indicator(unit: .rank, baseline: ("2020", 15), targets: [("2022", 7)])
        let a = F.assess(gci, [("2021", 10)], asOf: "2022-06-30")
        #expect(a.status == .onTrack && a.method == .linear)
        #expect(F.close(a.path?.p, 0.625) && F.close(a.path?.s, 0.5) && F.close(a.ratio, 1.25))
        let text = AssessmentExplanation.indicator(a, gci)
        // ŷ_T = 15 + (10 − 15)/0.5 = 5th, (5 − 15)/(7 − 15) = 125% of the planned change.
        #expect(text.ko.contains("2022년 목표 7위까지 기간의 50%가 지났고 목표 개선폭의 63%를 달성. 이 속도라면 기한에 5위로 목표 개선폭의 125%에 이를 전망(r = 1.25): 순항"), "\(text.ko)")
        #expect(text[.en].contains("50% of the time to the 2022 target of 7th has passed and 63% of the planned improvement is achieved. At this pace it would reach 5th by the due date, 125% of the planned improvement (r = 1.25): on track"), "\(text[.en])")
        #expect(a.path?.basis == .lastPoint && a.path?.trendRatio == nil)
    }

    @Test("the four path statuses by r: 0.95 and 0.60 and 0 are the cut-offs", arguments: [
        // baseline 0 (2020), target 100 by 2022, value in 2021 (s = 0.5): r = value/50.
        (48.0, IndicatorStatus.onTrack),      // r = 0.96
        (47.0, .moderateProgress),            // r = 0.94
        (30.0, .moderateProgress),            // r = 0.60 exactly
        (29.0, .insufficientProgress),        // r = 0.58
        (0.0, .insufficientProgress),         // r = 0
        (-5.0, .movingAway),                  // r = −0.1
    ])
    func cutOffs(value: Double, expected: IndicatorStatus) {
        let i = F.indicator(unit: .percent, measure: .index, baseline: ("2020", 0), targets: [("2022", 100)])
        #expect(F.assess(i, [("2021", value)], asOf: "2022-06-30").status == expected)
    }

    @Test("achieved early, before the due date; achieved and missed at the due date")
    func achievedAndMissed() {
        let i = F.indicator(baseline: ("2020", 50), targets: [("2022", 100)], comparator: .atLeast)
        let early = F.assess(i, [("2021", 110)], asOf: "2022-06-30")
        #expect(early.status == .achieved && !early.isFinal)
        let level = F.indicator(accumulation: .level, baseline: ("2020", 50), targets: [("2022", 100)])
        let met = F.assess(level, [("2021", 80), ("2022", 100)], asOf: "2023-03-01")
        #expect(met.status == .achieved && met.isFinal && met.latest?.value == 100)
        let missed = F.assess(level, [("2021", 80), ("2022", 90)], asOf: "2023-03-01")
        #expect(missed.status == .missed && missed.latest?.period == .year(2022))
        #expect(AssessmentExplanation.indicator(missed, level).ko.contains("2022년 목표 100개에 못 미침(2022년 90개)"))
    }

    @Test("the active milestone is the first not yet due; intermediate milestones keep the original baseline")
    func milestones() {
        // As of mid-2023 the 2022 target is passed (45 < 50: missed) and the 2025 one is active.
        // Against 2025 from the original baseline: p = 45/100 = 0.45; s = 730/1826 = 0.39978; from the last point r = 1.1256.
        // Three points (0, 365, 730 days: 0, 30, 45) give the trend: slope 16,425/266,450 = 0.061644 a day (= 45/730), so
        // along the line 0.061644 × 1,826 = 112.56 from the baseline by the due date, r = 1.1256 (the line, measured from its
        // own start, has the pace of the straight path to the latest value). The second edition read the line's end, 115.06.
        let i = F.indicator(accumulation: .level, baseline: ("2020", 0), targets: [("2022", 50), ("2025", 100)])
        let a = F.assess(i, [("2021", 30), ("2022", 45)], asOf: "2023-06-30")
        #expect(a.milestoneIndex == 1 && a.milestone?.value == 100)
        #expect(a.status == .onTrack && F.close(a.path?.s, 730.0 / 1826) && F.close(a.ratio, 1.1256))
        #expect(a.path?.basis == .trend && a.path?.trendPoints == 3 && F.close(a.path?.lastPointRatio, 1.1256))
        #expect(a.passedMilestones.count == 1 && a.passedMilestones[0].status == .missed && a.passedMilestones[0].value == 45)
        #expect(AssessmentExplanation.indicator(a, i).ko.contains("지난 목표: 2022년 50개 — 미달성(45개, 2022년)"))
        // After every due date, the last milestone's verdict stands.
        let end = F.assess(i, [("2021", 30), ("2022", 45), ("2025", 100)], asOf: "2026-02-01")
        #expect(end.milestoneIndex == 1 && end.status == .achieved && end.isFinal)
    }

    @Test("natural bounds: a rank projection stops at 1 and a percentage at 100")
    func bounds() {
        // Rank 10 (2020) → 5 (2021), target 2 by 2022: uncapped projection 10 + (5 − 10)/0.5 = 0 → capped at 1.
        // r = (1 − 10)/(2 − 10) = 1.125 (p/s would say 1.25).
        let rank = F.indicator(unit: .rank, baseline: ("2020", 10), targets: [("2022", 2)])
        let a = F.assess(rank, [("2021", 5)], asOf: "2022-06-30")
        #expect(a.flags.contains(.projectionCapped) && a.path?.projected == 1 && F.close(a.ratio, 1.125) && a.status == .onTrack)
        // WiFi 14.8% (2020) → 60% (2021), 100% by 2022: projection 105.2% → 100%; r = (100 − 14.8)/(100 − 14.8) = 1.
        let wifi = F.indicator(unit: .percent, baseline: ("2020", 14.8), targets: [("2022", 100)])
        let w = F.assess(wifi, [("2021", 60)], asOf: "2022-06-30")
        #expect(w.path?.projected == 100 && F.close(w.ratio, 1.0) && w.status == .onTrack)
    }

    @Test("a baseline from another year than the plan start: 데이터시장 16.8조원('19)")
    func baselineYear() {
        // Linear: s = 731/1096 = 0.66697 (2019-12-31 → 2021-12-31 of → 2022-12-31); p = 5.9/13.2 = 0.44697; r = 0.67016.
        let linear = F.indicator(unit: .won, baseline: ("2019", 16.8e12), targets: [("2022", 30e12)])
        let a = F.assess(linear, [("2021", 22.7e12)], asOf: "2022-06-30")
        #expect(F.close(a.path?.s, 731.0 / 1096) && F.close(a.ratio, 0.67016) && a.status == .moderateProgress)
        // CAGR: actual (22.7/16.8)^(365.25/731) − 1 = 16.23 %/yr; needed (30/16.8)^(365.25/1096) − 1 = 21.32 %/yr;
        // growth ratio 0.7613. The projection 16.8 × (22.7/16.8)^(1096/731) = 26.381 is (26.381 − 16.8)/13.2 = 0.7258 of the change.
        var cagr = linear
        cagr.method = .cagr
        let c = F.assess(cagr, [("2021", 22.7e12)], asOf: "2022-06-30")
        #expect(c.method == .cagr && F.close(c.ratio, 0.7258) && c.status == .moderateProgress)
        #expect(F.close(c.path?.actualRate, 0.16229) && F.close(c.path?.requiredRate, 0.21316) && F.close(c.path?.growthRatio, 0.7613))
        #expect(F.close(c.path.map { $0.projected / 1e12 }, 26.381))
    }

    @Test("no numeric baseline: the first approved value stands in, and this is flagged")
    func firstObservationBaseline() {
        // 400 (2021) stands in; 700 (2022-03): p = 300/1162 = 0.25818; s = 90/365 = 0.24658; r = 1.0470. Ninety days is under
        // a year and under a quarter of the way, but 300 is over a quarter of the planned change: judged, on track.
        let rooms = F.indicator(unit: Unit.named("개소"), targets: [("2022", 1562)])
        let a = F.assess(rooms, [("2021", 400), ("2022-03", 700)], asOf: "2022-06-30")
        #expect(a.flags.contains(.baselineFromFirstObservation) && a.baselineValue == 400 && a.baselinePeriod == .year(2021))
        #expect(F.close(a.ratio, 1.0470) && a.status == .onTrack)
        // 600 (2022-03): p = 200/1162 = 0.17212, under a quarter too: too early (r = 0.6980 for reference).
        let small = F.assess(rooms, [("2021", 400), ("2022-03", 600)], asOf: "2022-06-30")
        #expect(F.close(small.ratio, 0.6980) && small.status == .tooEarly)
        // 900 (2022-06): p = 500/1162 = 0.43029; s = 181/365 = 0.49589; r = 0.8677: moderate progress.
        let later = F.assess(rooms, [("2021", 400), ("2022-06", 900)], asOf: "2022-06-30")
        #expect(F.close(later.ratio, 0.8677) && later.status == .moderateProgress)
        // With only the stand-in itself there is nothing after the baseline yet.
        let only = F.assess(rooms, [("2021", 400)], asOf: "2022-06-30")
        #expect(only.status == .notYetAssessable && only.reason == .noValueAfterBaseline)
        // Words as a baseline ("호흡기전담 진료체계 미비") are not a number either.
        var words = rooms
        words.baseline = Baseline(period: .year(2020)!, text: LocalizedText(ko: "미비"))
        #expect(F.assess(words, [("2021", 400), ("2022-03", 700)], asOf: "2022-06-30").flags.contains(.baselineFromFirstObservation))
    }

    @Test("baseline equal to target: held (on track) or not (moving away)")
    func maintenance() {
        let i = F.indicator(unit: .percent, baseline: ("2022", 100), targets: [("2025", 100)])
        let held = F.assess(i, [("2023", 100)], asOf: "2024-01-31")
        #expect(held.status == .onTrack && held.flags.contains(.maintenanceTarget))
        #expect(F.assess(i, [("2023", 97)], asOf: "2024-01-31").status == .movingAway)
    }

    @Test("CAGR with a zero or negative baseline falls back to the linear rule, and says so")
    func cagrFallback() {
        // Baseline 0: CAGR is undefined. Linear: p = 50/100, s = 0.5, r = 1.0.
        let i = F.indicator(unit: .won, method: .cagr, baseline: ("2020", 0), targets: [("2022", 100e8)])
        let a = F.assess(i, [("2021", 50e8)], asOf: "2022-06-30")
        #expect(a.method == .linear && a.flags.contains(.cagrFellBackToLinear) && F.close(a.ratio, 1.0))
        #expect(AssessmentExplanation.indicator(a, i).ko.contains("기준치나 목표가 0 이하여서 연평균 증가율(CAGR)을 정의할 수 없어 선형 경로로 평가함"))
        // A value of zero after a positive baseline keeps CAGR: everything lost, the projection is 0 (r = −100/(200 − 100) = −1).
        let j = F.indicator(unit: .won, method: .cagr, baseline: ("2020", 100e8), targets: [("2022", 200e8)])
        let z = F.assess(j, [("2021", 0)], asOf: "2022-06-30")
        #expect(z.method == .cagr && z.flags.contains(.cagrValueAtOrBelowZero) && F.close(z.ratio, -1) && z.status == .movingAway)
        #expect(AssessmentExplanation.indicator(z, j)[.en].contains("A value of zero or less is everything lost (growth of −100%) under compound growth"))
    }

    @Test("a target due before the baseline's year ends: time counts from the baseline period's start")
    func dueWithinBaselinePeriod() {
        // Baseline 79 for 2020, target 108 due H2 2020 (also ends 2020-12-31). t₀ = 2020-01-01.
        // Value 100 for Sep 2020: s = 273/365 = 0.74795; p = 21/29 = 0.72414; r = 0.96817.
        let i = F.indicator(baseline: ("2020", 79), targets: [("2020-H2", 108)])
        let a = F.assess(i, [("2020-09", 100)], asOf: "2020-10-15")
        #expect(a.flags.contains(.baselineStartUsed) && F.close(a.path?.s, 273.0 / 365) && F.close(a.ratio, 0.96817))
        #expect(a.status == .onTrack)
    }

    @Test("cumulative against level: reaching the target counts, and a later total can prove a miss")
    func cumulativeVersusLevel() {
        // 100 reached in June: a running total that reached its floor before the due date; a level needs the due period's value.
        let cumulative = F.indicator(accumulation: .cumulative, baseline: ("2020", 0), targets: [("2021", 100)])
        let level = F.indicator(accumulation: .level, baseline: ("2020", 0), targets: [("2021", 100)])
        #expect(F.assess(cumulative, [("2021-06", 100)], asOf: "2022-03-01").status == .achieved)
        // A revised 98 for December is the total at the due date itself: it decides both (the second edition kept June's 100
        // for the running total).
        let values: [(String, Double)] = [("2021-06", 100), ("2021-12", 98)]
        #expect(F.assess(cumulative, values, asOf: "2022-03-01").status == .missed)
        #expect(F.assess(level, values, asOf: "2022-03-01").status == .missed)
        // Nothing reported for 2021, but 80 in 2022: a running total was below 100 at the end of 2021 too.
        let inferred = F.assess(cumulative, [("2022", 80)], asOf: "2023-03-01")
        #expect(inferred.status == .missed && inferred.flags.contains(.inferredFromCumulative))
        let unknown = F.assess(level, [("2022", 80)], asOf: "2023-03-01")
        #expect(unknown.status == .notYetAssessable && unknown.reason == .noValueForDuePeriod)
    }

    @Test("per-period flows are summed over the target's period: 12 × 9 = 108 a year")
    func perPeriod() {
        // Baseline 100 a year (2020), target 125 a year by 2022; monthly 2021 reports sum to 108.
        // p = 8/25 = 0.32; s = 0.5; r = 0.64.
        let i = F.indicator(accumulation: .perPeriod, baseline: ("2020", 100), targets: [("2022", 125)])
        let months = (1...12).map { (String(format: "2021-%02d", $0), 9.0) }
        let a = F.assess(i, months, asOf: "2022-06-30")
        #expect(a.latest?.period == .year(2021) && a.latest?.value == 108)
        #expect(F.close(a.ratio, 0.64) && a.status == .moderateProgress)
    }

    @Test("a two-part target (4개/1개): each part is judged on its own, and the row shows the worst")
    func twoPart() throws {
        let plan = Repo.digitalNewDeal
        let index = PlanIndex(plan)
        let parts = plan.projects.first { $0.id == "4-3" }!.indicators.filter { $0.row != nil }
        // Land: 1 (2021) stands in, 3 (2022-06): p = 2/3, s = 181/365, r = 1.344 → on track.
        // Sea: 0 (2021) stands in, 0 (2022-06): p = 0 → r = 0 → insufficient progress.
        let facts = FactSet(observations: [
            F.observation(1, parts[0].id, "2021", 1, recorded: "2022-01-05", approved: "2022-01-06"),
            F.observation(2, parts[0].id, "2022-06", 3, recorded: "2022-06-30", approved: "2022-06-30"),
            F.observation(3, parts[1].id, "2021", 0, recorded: "2022-01-05", approved: "2022-01-06"),
            F.observation(4, parts[1].id, "2022-06", 0, recorded: "2022-06-30", approved: "2022-06-30"),
        ])
        let a = Assessor.assess(index, facts: facts, asOf: F.asOf("2022-06-30"))
        let land = a.indicators[index.indicatorIndex[parts[0].id]!]
        let sea = a.indicators[index.indicatorIndex[parts[1].id]!]
        #expect(land.milestone?.value == 4 && land.status == .onTrack && F.close(land.ratio, (2.0 / 3) / (181.0 / 365), 0.001))
        #expect(sea.milestone?.value == 1 && sea.status == .insufficientProgress && F.close(sea.ratio, 0))
        let project = a.projects[index.projectIndex["4-3"]!]
        #expect(project.worst == .insufficientProgress && project.indicators[.onTrack] == 1)
    }

    @Test("qualitative targets are reported, never computed")
    func qualitative() {
        var i = F.indicator(unit: nil, measure: .qualitative, targets: [])
        i.targets = [Target(due: .year(2022)!, text: LocalizedText(ko: "5G 기반 무선망 선도도입", en: "Early 5G adoption"))]
        let none = IndicatorAssessor.assess(i, series: [], asOf: F.asOf("2022-06-30"))
        #expect(none.status == .notYetAssessable && none.reason == .noReport)
        let report = SeriesPoint(period: .year(2021)!, value: nil, text: "3개 부처 시범 도입", factId: 1)
        let a = IndicatorAssessor.assess(i, series: [report], asOf: F.asOf("2022-06-30"))
        #expect(a.status == .reported && a.method == nil && a.path == nil && a.latest?.text == "3개 부처 시범 도입")
        #expect(AssessmentExplanation.indicator(a, i).ko == "정성 목표 '5G 기반 무선망 선도도입' — 2021년 보고: 3개 부처 시범 도입")
    }

    @Test("nothing reported: not yet assessable")
    func noData() {
        let i = F.indicator(targets: [("2022", 10)])
        let a = F.assess(i, [], asOf: "2021-06-30")
        #expect(a.status == .notYetAssessable && a.reason == .noData)
        #expect(AssessmentExplanation.indicator(a, i)[.en] == "No value has been reported yet, so it cannot be assessed")
    }
}
