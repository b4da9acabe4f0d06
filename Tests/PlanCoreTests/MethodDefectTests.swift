import Testing
@testable import PlanCore

/// The seven defects the second edition of the method fixes (issue 12), each with its answer
/// worked out by hand in the comment. Each failed on `planwatch-method/1`.
@Suite("Method, second edition: the defects of the first")
struct MethodDefectTests {
    typealias F = Fixture

    @Test("1. a baseline that already meets its target is a level to hold: getting worse is never on track")
    func baselineAlreadyMeetsTarget() {
        // Baseline 120 (2020), "at least 100" by 2025. The first edition took p = (95 − 120)/(100 − 120) = 1.25
        // over s = 730/1826 = 0.3998 and said r = 3.13, on track, for a fall from 120 to 95.
        // 120 already meets "at least 100", so the question is whether 100 is held: 95 is not.
        let i = F.indicator(measure: .index, baseline: ("2020", 120), targets: [("2025", 100)], comparator: .atLeast)
        let fell = F.assess(i, [("2022", 95)], asOf: "2023-06-30")
        #expect(fell.status == .movingAway && fell.path == nil && fell.flags.contains(.baselineMeetsTarget))
        #expect(AssessmentExplanation.indicator(fell, i).ko.contains("기준치가 이미 목표를 충족해 목표 수준의 유지 여부로 판단함"))
        let held = F.assess(i, [("2022", 130)], asOf: "2023-06-30")
        #expect(held.status == .onTrack && held.flags.contains(.baselineMeetsTarget))
        // A rank: 5th (2020), "7th or better" by 2025, now 9th. The first edition said r = (9 − 5)/(7 − 5)/s > 1.
        let rank = F.indicator(unit: .rank, baseline: ("2020", 5), targets: [("2025", 7)])
        #expect(F.assess(rank, [("2022", 9)], asOf: "2023-06-30").status == .movingAway)
        #expect(F.assess(rank, [("2022", 6)], asOf: "2023-06-30").status == .onTrack)
    }

    @Test("1. plan check warns when a baseline already meets its target")
    func planCheckWarns() throws {
        let yaml = """
        format: planwatch-plan/1
        id: t
        title: {ko: 시험, en: Test}
        period: {start: 2020, end: 2025}
        currency: KRW
        pillars:
          - id: "1"
            title: {ko: 분야, en: Pillar}
            projects:
              - id: "1-1"
                title: {ko: 사업, en: Project}
                indicators:
                  - id: 1-1.x
                    name: {ko: 지표, en: Indicator}
                    unit: "%"
                    baseline: {period: 2020, value: 90%}
                    targets:
                      - {due: 2025, value: 80% 이상}
        """
        let result = PlanLoader.load(yaml: yaml, file: "t.yaml")
        #expect(result.warnings.contains { $0.message.contains("baseline 90 (2020) already meets the target 80 due 2025") && $0.line == 18 },
                "\(result.diagnostics.map(\.message))")
    }

    @Test("2. the cut-offs do not flip on floating-point noise", arguments: [
        // 2.8 → 16.8, value 7.0 at half the time: p = 4.2/14 = 0.3, s = 0.5, r = 0.60 exactly (moderate).
        // In binary, y₀ + (yᵢ − y₀)/s then (ŷ − y₀)/(y_T − y₀) gives 0.5999999999999999.
        (2.8, 16.8, 7.0, IndicatorStatus.moderateProgress, 0.6),
        // 1.1 → 3.1, value 2.05: p = 0.95/2 = 0.475, s = 0.5, r = 0.95 exactly (on track); 2.05 − 1.1 = 0.9499999999999997.
        (1.1, 3.1, 2.05, .onTrack, 0.95),
        // 0.3 → 1.3, value 0.6: p = 0.3, s = 0.5, r = 0.60 (moderate); 0.6 − 0.3 = 0.29999999999999993.
        (0.3, 1.3, 0.6, .moderateProgress, 0.6),
    ])
    func cutOffsAreStable(y0: Double, yT: Double, yi: Double, expected: IndicatorStatus, r: Double) {
        let i = F.indicator(measure: .index, baseline: ("2020", y0), targets: [("2022", yT)])
        let a = F.assess(i, [("2021", yi)], asOf: "2022-06-30")
        #expect(a.status == expected && F.close(a.ratio, r, 1e-12), "r = \(a.ratio ?? .nan)")
    }

    @Test("3. only a running total below an \"at least\" target proves a miss; a ceiling is judged at its due date")
    func cumulativeInference() {
        // At most 50 by 2022, cumulative. 60 by 2023 says nothing of 2022: the total may have been 45 then.
        let ceiling = F.indicator(measure: .count, direction: .decrease, accumulation: .cumulative, baseline: ("2020", 10),
                                  targets: [("2022", 50)], comparator: .atMost)
        let later = F.assess(ceiling, [("2023", 60)], asOf: "2024-03-01")
        #expect(later.status == .notYetAssessable && later.reason == .noValueForDuePeriod && !later.flags.contains(.inferredFromCumulative))
        // 30 in 2021 was under the ceiling, but the total at the due date, 70, is not: missed (not achieved).
        let early = F.assess(ceiling, [("2021", 30), ("2022", 70)], asOf: "2023-03-01")
        #expect(early.status == .missed && early.latest?.value == 70)
        // Exactly 50 by 2022: 50 in 2021, 55 in 2022. The due-date total decides: missed.
        let exact = F.indicator(measure: .count, accumulation: .cumulative, baseline: ("2020", 10), targets: [("2022", 50)], comparator: .exactly)
        #expect(F.assess(exact, [("2021", 50), ("2022", 55)], asOf: "2023-03-01").status == .missed)
        // "At least" keeps both rules: reaching it early counts, and a later total below it proves a miss.
        let floor = F.indicator(measure: .count, accumulation: .cumulative, baseline: ("2020", 10), targets: [("2022", 50)])
        #expect(F.assess(floor, [("2021", 55), ("2022", 52)], asOf: "2023-03-01").status == .achieved)
        let inferred = F.assess(floor, [("2023", 40)], asOf: "2024-03-01")
        #expect(inferred.status == .missed && inferred.flags.contains(.inferredFromCumulative))
    }

    @Test("4. no baseline, no values, due date passed: the reason is noData")
    func noDataAfterDue() {
        let i = F.indicator(targets: [("2022", 10)])
        let a = F.assess(i, [], asOf: "2023-06-30")
        #expect(a.status == .notYetAssessable && a.reason == .noData)
    }

    @Test("5. a correction known by D replaces the value at once, even when its own period has not ended")
    func correctionToAPeriodNotEnded() {
        // Fact 2 moves the 2021 value to 2022. As of 2022-06-30 it is recorded and approved (row ④),
        // so fact 1 no longer counts; its own period, 2022, has not ended, so it does not count yet either.
        let gci = "1-4.gci-rank"
        let index = PlanIndex(Repo.digitalNewDeal)
        let facts = [
            F.observation(1, gci, "2021", 10, recorded: "2022-01-10", approved: "2022-01-11"),
            F.observation(2, gci, "2022", 10, recorded: "2022-03-01", approved: "2022-03-02", supersedes: 1),
        ]
        func latest(_ d: String) -> SeriesPoint? {
            Assessor.assess(index, facts: FactSet(observations: facts), asOf: F.asOf(d)).indicators[index.indicatorIndex[gci]!].latest
        }
        #expect(latest("2022-03-01")?.value == 10)
        #expect(latest("2022-06-30") == nil)
        #expect(latest("2022-12-31")?.period == .year(2022))
        // The same for budget execution: a correction moving fiscal year 2021 to 2022.
        let project = Repo.digitalNewDeal.projects.first { $0.id == "1-1" }!
        let budget = [
            BudgetExecution(record: FactRecord(id: 1, recordedAt: Timestamp(iso: "2022-01-10")!, approvedAt: Timestamp(iso: "2022-01-11")!),
                            projectId: "1-1", fiscalYear: 2021, allocated: 100, executed: 90),
            BudgetExecution(record: FactRecord(id: 2, recordedAt: Timestamp(iso: "2022-03-01")!, approvedAt: Timestamp(iso: "2022-03-02")!, supersedes: 1),
                            projectId: "1-1", fiscalYear: 2022, allocated: 100, executed: 90),
        ]
        let b = BudgetAssessment.assess(project, facts: budget, planStart: Repo.digitalNewDeal.start, asOf: F.asOf("2022-06-30"))
        #expect(b.years.isEmpty && b.executedToDate == 0)
    }

    @Test("6. a stand-in baseline: of two periods ending the same day, the longer one's value")
    func standInBaselineTie() {
        // December 2021 (300) and the year 2021 (400) both end 2021-12-31: the year is the stand-in.
        // 2022 (700): p = (700 − 400)/(1000 − 400) = 0.5, s = 365/1096 (2021-12-31 → 2022-12-31 of → 2024-12-31), r = 1.5014.
        let i = F.indicator(measure: .count, targets: [("2024", 1000)])
        let a = F.assess(i, [("2021-12", 300), ("2021", 400), ("2022", 700)], asOf: "2023-06-30")
        #expect(a.baselineValue == 400 && a.baselinePeriod == .year(2021) && a.flags.contains(.baselineFromFirstObservation))
        #expect(F.close(a.ratio, 1.5014) && a.status == .onTrack)
    }

    @Test("7. a whole-year report in words does not wipe out the year's monthly sum")
    func perPeriodWordsKeepTheSum() {
        // Monthly 9 × 12 = 108 for 2021, and a 2021 report saying only "집계 중": the year still counts 108.
        // Baseline 100 a year (2020), 125 a year by 2022: p = 8/25 = 0.32, s = 0.5, r = 0.64.
        let i = F.indicator(accumulation: .perPeriod, baseline: ("2020", 100), targets: [("2022", 125)])
        var series = F.points((1...12).map { (String(format: "2021-%02d", $0), 9.0) })
        series.append(SeriesPoint(period: .year(2021)!, value: nil, text: "집계 중", factId: 13))
        let a = IndicatorAssessor.assess(i, series: series, asOf: F.asOf("2022-06-30"))
        #expect(a.latest?.period == .year(2021) && a.latest?.value == 108 && a.latest?.text == "집계 중")
        #expect(F.close(a.ratio, 0.64) && a.status == .moderateProgress)
    }
}

/// Found while running the real published outcomes (issue 14) through the second edition.
@Suite("Method, second edition: a running total short of its floor before the due date")
struct RunningTotalBeforeDueTests {
    typealias F = Fixture

    @Test("a cumulative total from April of the due year, short of the floor, proves no miss: it may yet rise")
    func midYearTotalIsNoMiss() {
        // Smart stores: 17,000 as of 2022-04-06 against 25,000 by the end of 2022 (hypothetical floor).
        // The total only grows, so April says nothing of December: not yet assessable.
        let stores = F.indicator(measure: .count, accumulation: .cumulative, baseline: ("2020", 0), targets: [("2022", 25_000)])
        let april = F.assess(stores, [("2022-04-06", 17_000)], asOf: "2023-06-30")
        #expect(april.status == .notYetAssessable && april.reason == .noValueForDuePeriod)
        // The total for the whole year (ending on the due date) settles it: missed, not inferred.
        let year = F.assess(stores, [("2022-04-06", 17_000), ("2022", 21_000)], asOf: "2023-06-30")
        #expect(year.status == .missed && year.latest?.value == 21_000 && !year.flags.contains(.inferredFromCumulative))
        // The first total after the due date decides when none ends on it: 24,000 in March 2023 proves a miss;
        // had it been 26,000, the floor might have been reached in 2022 or only in 2023, so no verdict.
        let after = F.assess(stores, [("2022-04-06", 17_000), ("2023-03", 24_000)], asOf: "2023-06-30")
        #expect(after.status == .missed && after.flags.contains(.inferredFromCumulative))
        let unsure = F.assess(stores, [("2022-04-06", 17_000), ("2023-03", 26_000)], asOf: "2023-06-30")
        #expect(unsure.status == .notYetAssessable && unsure.reason == .noValueForDuePeriod)
    }
}
