import Foundation
import Testing
@testable import PlanCore

/// The seven defects the third edition of the method fixes (issue 18), each reproduced as the
/// issue states it (a one-indicator plan, period 2010–2035, a facts CSV, `planwatch assess`) and
/// again on the engine alone, with the answer worked out by hand. Each failed on `planwatch-method/2`.
@Suite("Method, third edition: the defects of the second")
struct MethodThirdEditionTests {
    typealias F = Fixture
    typealias Row = OneIndicatorPlan.Row

    // MARK: 1. Row order

    static let schoolShare = OneIndicatorPlan(unit: "%", baseline: ("2020", "40%"), targets: [("2022", "80%", nil)])

    @Test("1. two values for one period recorded at the same time are refused, naming both lines, in either order")
    func sameTimeValuesAreRefused() throws {
        // Baseline 40% (2020), 80% by 2022. The second edition took the later line: 70 then 50 gave
        // insufficient (p = 10/40 = 0.25, s = 0.5, r = 0.5), 50 then 70 on track (p = 0.75, r = 1.5).
        let seventyFirst = [Row(period: "2021", value: "70%", recorded: "2022-01-10", approved: "2022-01-12"),
                            Row(period: "2021", value: "50%", recorded: "2022-01-10", approved: "2022-01-12")]
        for rows in [seventyFirst, seventyFirst.reversed()] {
            guard case .failure(let error) = Self.schoolShare.run(rows, asOf: "2022-06-30") else {
                Issue.record("a file with two values for 2021 recorded at the same time was assessed")
                continue
            }
            let d = try #require(error.diagnostics.first)
            #expect(error.diagnostics.count == 1 && d.line == 3 && d.message.contains("line 2") && d.message.contains("2021"), "\(d)")
        }
        // A later recording time settles which is current, whatever the rows' order.
        let later = [Row(period: "2021", value: "70%", recorded: "2022-01-10", approved: "2022-01-12"),
                     Row(period: "2021", value: "50%", recorded: "2022-01-11", approved: "2022-01-12")]
        for rows in [later, later.reversed()] {
            let a = try #require(Self.schoolShare.assess(rows, asOf: "2022-06-30"))
            #expect(a.latest?.value == 50 && a.status == .insufficientProgress && F.close(a.ratio, 0.5))
        }
        // So does a correction that names the row it corrects, even at the same time and before it in the file.
        let corrected = [Row(period: "2021", value: "50%", recorded: "2022-01-10", approved: "2022-01-12", supersedes: "3"),
                         Row(period: "2021", value: "70%", recorded: "2022-01-10", approved: "2022-01-12")]
        let c = try #require(Self.schoolShare.assess(corrected, asOf: "2022-06-30"))
        #expect(c.latest?.value == 50 && c.status == .insufficientProgress)
    }

    @Test("1. a correction must be recorded no earlier than what it corrects, and corrections cannot go round in a circle")
    func correctionsAreChecked() throws {
        let earlier = [Row(period: "2021", value: "50%", recorded: "2022-01-10", approved: "2022-01-12", supersedes: "3"),
                       Row(period: "2021", value: "70%", recorded: "2022-01-11", approved: "2022-01-12")]
        guard case .failure(let late) = Self.schoolShare.run(earlier, asOf: "2022-06-30") else { Issue.record("accepted"); return }
        #expect(late.diagnostics.map(\.line) == [2] && late.diagnostics[0].message.contains("which was recorded later (2022-01-11)"))
        let circle = [Row(period: "2021", value: "50%", recorded: "2022-01-10", approved: "2022-01-12", supersedes: "3"),
                      Row(period: "2021", value: "70%", recorded: "2022-01-10", approved: "2022-01-12", supersedes: "2")]
        guard case .failure(let round) = Self.schoolShare.run(circle, asOf: "2022-06-30") else { Issue.record("accepted"); return }
        #expect(round.diagnostics.map(\.line) == [2, 3] && round.diagnostics.allSatisfy { $0.message.contains("go round in a circle") })
        let itself = [Row(period: "2021", value: "50%", recorded: "2022-01-10", approved: "2022-01-12", supersedes: "2")]
        guard case .failure(let own) = Self.schoolShare.run(itself, asOf: "2022-06-30") else { Issue.record("accepted"); return }
        #expect(own.diagnostics[0].message.contains("is not the line number of another row"))
    }

    @Test("1. in a store, facts recorded in the same second are ordered by when the store recorded them, whatever the order they are read in")
    func storeOrderIsRecordingOrder() {
        // Two submissions in one second: the store numbers them in the order it wrote them, so id 2 is the later value.
        let index = PlanIndex(Repo.digitalNewDeal)
        let wifi = "2-1.school-wifi"
        let facts = [F.observation(1, wifi, "2021", 55, recorded: "2022-01-10T10:00:00+09:00", approved: "2022-01-12"),
                     F.observation(2, wifi, "2021", 60, recorded: "2022-01-10T10:00:00+09:00", approved: "2022-01-12")]
        for order in [facts, facts.reversed()] {
            let a = Assessor.assess(index, facts: FactSet(observations: order), asOf: F.asOf("2022-06-30"))
            #expect(a.indicators[index.indicatorIndex[wifi]!].latest?.factId == 2)
        }
    }

    // MARK: 2. The calendar

    @Test("2. a full year of evidence is judged, whatever the length of the due year")
    func fullYearIsEnough() throws {
        // Baseline 100 (2020), 200 by 2024, 125 for 2021, as of 2022-03-31. 365 days have passed, a year;
        // the second edition compared them with the 366 days of 2024 and said too early.
        // p = 25/100 = 0.25, s = 365/1461 = 0.24983, r = 1.0007: on track.
        let plan = OneIndicatorPlan(unit: "개", accumulation: "level", baseline: ("2020", "100"), targets: [("2024", "200", nil)])
        let rows = [Row(period: "2021", value: "125", recorded: "2022-01-10", approved: "2022-01-12")]
        let a = try #require(plan.assess(rows, asOf: "2022-03-31"))
        #expect(a.status == .onTrack && F.close(a.ratio, 1.0007), "\(a.status) \(a.ratio ?? .nan)")
        #expect(plan.csvRow(rows, asOf: "2022-03-31")?["status"] == "onTrack")
        // Due 2025 the same data were already judged: p = 0.25, s = 365/1826, r = 1.2507.
        var later = plan
        later.targets = [("2025", "200", nil)]
        #expect(later.assess(rows, asOf: "2022-03-31")?.status == .onTrack)
        // Half-years: 2020-H2 → 2025-H2, 110 for 2021-H1 (181 days, the second edition compared them with the
        // 184 days of H2 2025). p = 0.1, s = 181/1826 = 0.09912, r = 1.0088: on track.
        let halves = OneIndicatorPlan(unit: "개", accumulation: "level", baseline: ("2020-H2", "100"), targets: [("2025-H2", "200", nil)])
        let h = try #require(halves.assess([Row(period: "2021-H1", value: "110", recorded: "2021-07-10", approved: "2021-07-12")], asOf: "2021-09-30"))
        #expect(h.status == .onTrack && F.close(h.ratio, 1.0088), "\(h.status) \(h.ratio ?? .nan)")
        // The engine alone.
        let i = F.indicator(measure: .index, baseline: ("2020", 100), targets: [("2024", 200)])
        #expect(F.assess(i, [("2021", 125)], asOf: "2022-03-31").status == .onTrack)
    }

    @Test("2. too early does not hide what the evidence settles: school WiFi at three quarters of its change")
    func settledEvidenceIsJudged() throws {
        // 14.8% (2020) → 100% by 2022; 79% for June 2021, as of 2021-09-30. 181 days (under a year) and
        // 181/730 = 24.8% of the time (under a quarter), but p = 64.2/85.2 = 0.7535 of the change.
        // The projection 14.8 + 64.2/0.248 = 273.7% is capped at 100%: r = 1.00, on track.
        let plan = OneIndicatorPlan(unit: "%", baseline: ("2020", "14.8%"), targets: [("2022", "100%", nil)])
        let a = try #require(plan.assess([Row(period: "2021-06", value: "79%", recorded: "2021-07-10", approved: "2021-07-12")], asOf: "2021-09-30"))
        #expect(a.status == .onTrack && F.close(a.ratio, 1.0) && F.close(a.path?.p, 0.7535), "\(a.status)")
    }

    @Test("2. a share just under a quarter never reads \"25%\" beside \"less than a quarter\"")
    func tooEarlyNeverRoundsUp() {
        // Baseline 100 on 15 January 2021, 200 by 2024 (1,446 days); 101 on 11 January 2022: 361 days, under a
        // year, and 361/1446 = 24.965% of the time, under a quarter; p = 0.01. Too early, and it says 24.9%.
        let i = F.indicator(measure: .index, baseline: ("2021-01-15", 100), targets: [("2024", 200)])
        let a = F.assess(i, [("2022-01-11", 101)], asOf: "2022-02-01")
        #expect(a.status == .tooEarly)
        let e = AssessmentExplanation.indicator(a, i)
        #expect(e.ko.contains("기간의 24.9%") && !e.ko.contains("25%"), "\(e.ko)")
        #expect(e[.en].contains("24.9% of the time") && !e[.en].contains("25%"), "\(e[.en])")
    }

    // MARK: 3. A running total short at its due date

    @Test("3. the due period's own total decides a running total; an earlier part only when it is missing")
    func runningTotalAtTheDueDate() throws {
        // Cumulative 100 (2020) → 200 by 2022; 210 for H1 2022, 190 for 2022; as of 2023-01-01.
        // The total at the due date is 190: missed (the second edition said achieved on the strength of H1).
        let plan = OneIndicatorPlan(unit: "개", accumulation: "cumulative", baseline: ("2020", "100"), targets: [("2022", "200", nil)])
        let rows = [Row(period: "2022-H1", value: "210", recorded: "2022-07-10", approved: "2022-07-12"),
                    Row(period: "2022", value: "190", recorded: "2023-01-01", approved: "2023-01-01")]
        let a = try #require(plan.assess(rows, asOf: "2023-01-01"))
        #expect(a.status == .missed && a.latest?.value == 190 && a.latest?.period == .year(2022), "\(a.status)")
        #expect(plan.csvRow(rows, asOf: "2023-01-01")?["status"] == "missed")
        // Without the year's own total, H1's 210 still shows the floor was reached by the due date.
        let h1 = try #require(plan.assess(Array(rows.prefix(1)), asOf: "2023-01-01"))
        #expect(h1.status == .achieved && h1.latest?.value == 210)
    }

    // MARK: 4. The due date itself

    @Test("4. on the due date, the due period's known value decides, not the trend")
    func dueDateValueDecides() throws {
        // 40% (2020) → 80% by 2022; 85 (2021), 86 (H1 2022), 70 (2022, recorded on 2022-12-31).
        // The second edition fitted a line on the due date (r = 1.135, on track) and said missed the day after.
        let plan = OneIndicatorPlan(unit: "%", baseline: ("2020", "40%"), targets: [("2022", "80%", nil)])
        let rows = [Row(period: "2021", value: "85%", recorded: "2022-01-10", approved: "2022-01-12"),
                    Row(period: "2022-H1", value: "86%", recorded: "2022-07-10", approved: "2022-07-12"),
                    Row(period: "2022", value: "70%", recorded: "2022-12-31", approved: "2022-12-31")]
        for day in ["2022-12-31", "2023-01-01"] {
            let a = try #require(plan.assess(rows, asOf: day))
            #expect(a.status == .missed && a.isFinal && a.latest?.value == 70, "\(day): \(a.status)")
        }
        // The day before, 2022 has not ended: H1's 86% meets 80%, achieved (not final).
        let before = try #require(plan.assess(rows, asOf: "2022-12-30"))
        #expect(before.status == .achieved && !before.isFinal)
    }

    // MARK: 5. A single zero under compound growth

    @Test("5. under CAGR a zero is never better than a small value: both move away")
    func zeroUnderCompoundGrowth() throws {
        // 10억원 (2020) → 50억원 by 2026 (2,191 days); 40억원 for 2021–2023; 2024 (day 1,461) = 0.5억원 or 0.
        // 0.5억: the line through ln y falls 45.1% a year; the baseline at that pace reaches 10 × e^(b × 2191)
        // = 0.27억 by 2026: r = (0.27 − 10)/40 = −0.2432. Zero: everything is lost, the projection is 0:
        // r = −10/40 = −0.25. The second edition switched the zero to a straight line: insufficient, 0.199.
        func plan(_ last: String) -> IndicatorAssessment? {
            OneIndicatorPlan(unit: "원", method: "cagr", baseline: ("2020", "10억원"), targets: [("2026", "50억원", nil)])
                .assess([Row(period: "2021", value: "40억원", recorded: "2022-01-10", approved: "2022-01-12"),
                         Row(period: "2022", value: "40억원", recorded: "2023-01-10", approved: "2023-01-12"),
                         Row(period: "2023", value: "40억원", recorded: "2024-01-10", approved: "2024-01-12"),
                         Row(period: "2024", value: last, recorded: "2025-01-10", approved: "2025-01-12")], asOf: "2025-06-30")
        }
        let small = try #require(plan("0.5억원")), zero = try #require(plan("0원"))
        #expect(small.status == .movingAway && F.close(small.ratio, -0.2432), "\(small.status) \(small.ratio ?? .nan)")
        #expect(zero.status == .movingAway && zero.method == .cagr && F.close(zero.ratio, -0.25), "\(zero.status) \(zero.ratio ?? .nan)")
        #expect(zero.status.severity <= small.status.severity && (zero.ratio ?? 0) <= (small.ratio ?? 0))
        #expect(zero.flags.contains(.cagrValueAtOrBelowZero) && !zero.flags.contains(.cagrFellBackToLinear) && zero.path?.projected == 0)
        #expect(small.method == .cagr && small.path?.basis == .trend && !small.flags.contains(.cagrValueAtOrBelowZero))
    }

    // MARK: 6. Per-period sums

    static let flow = OneIndicatorPlan(unit: "건", accumulation: "perPeriod", baseline: ("2020", "100"), targets: [("2022", "125", nil)])

    @Test("6a. half a year of monthly reports is not the year's total")
    func partYearIsNotTheYear() throws {
        // 100 a year (2020) → 125 a year by 2022; only January–June 2021 at 11.7 each. The second edition summed
        // them into 70.2 "for 2021" and said moving away (r = −2.38). The year is not complete: no total for it.
        let rows = (1...6).map { Row(period: String(format: "2021-%02d", $0), value: "11.7", recorded: "2021-07-10", approved: "2022-01-20") }
        let a = try #require(Self.flow.assess(rows, asOf: "2022-03-31"))
        #expect(a.status == .notYetAssessable && a.reason == .noValueAfterBaseline && a.latest == nil, "\(a.status)")
        #expect(a.flags.contains(.incompletePeriod) && a.incompletePeriods == [.year(2021)!])
        let e = AssessmentExplanation.indicator(a, Self.flow.index.indicators[0])
        #expect(e.ko.hasSuffix("2021년은 보고가 기간 전체를 채우지 않아 합계를 내지 않음"), "\(e.ko)")
        #expect(e[.en].hasSuffix("The reports for 2021 do not cover the whole period, so no total is made for it"), "\(e[.en])")
        // The JSON names the period too.
        guard case .success(let (whole, index)) = Self.flow.run(rows, asOf: "2022-03-31") else { Issue.record("refused"); return }
        #expect(AssessmentJSON.indicator(whole.indicators[0], index: index, position: 0).compact.contains("\"incompletePeriods\":[\"2021\"]"))
        // Once 2022 is complete (twelve months at 11), it is judged on 2022 alone, and 2021 is still named.
        let year = rows + (1...12).map { Row(period: String(format: "2022-%02d", $0), value: "11", recorded: "2023-01-10", approved: "2023-01-20") }
        let later = try #require(Self.flow.assess(year, asOf: "2023-06-30"))
        #expect(later.isFinal && later.status == .achieved && later.latest?.value == 132 && later.incompletePeriods == [.year(2021)!])
    }

    @Test("6b. quarters and the months of one of them are not added twice")
    func overlappingReportsAreNotAddedTwice() throws {
        // Q1–Q4 2021 at 30 each and January–March 2021 at 10 each. The months break down Q1, so the year is 120,
        // not 150 (which met 125: achieved). p = 20/25 = 0.8, s = 0.5, r = 1.6: on track.
        let rows = (1...4).map { Row(period: "2021-Q\($0)", value: "30", recorded: "2022-01-10", approved: "2022-01-20") }
            + (1...3).map { Row(period: String(format: "2021-%02d", $0), value: "10", recorded: "2022-01-11", approved: "2022-01-20") }
        let a = try #require(Self.flow.assess(rows, asOf: "2022-03-31"))
        #expect(a.latest?.value == 120 && a.status == .onTrack && F.close(a.ratio, 1.6), "\(a.status) \(a.latest?.value ?? .nan)")
    }

    // MARK: 7. Exactly

    @Test("7. overshooting an \"exactly\" target is off target")
    func overshootingExactlyIsOffTarget() throws {
        // 10 (2020) → exactly 20 by 2025; 30 for 2022, as of 2023-03-01. p = 2, s = 730/1826 = 0.39978; the pace
        // leads to 10 + 20/0.39978 = 60.03, 40.03 past the target, four times the planned change of 10:
        // r = 1 − |1 − 5.0027| = −3.0027, moving away. The second edition said on track, r = 5.0.
        let plan = OneIndicatorPlan(unit: "개", accumulation: "level", baseline: ("2020", "10"), targets: [("2025", "20", "exactly")])
        let a = try #require(plan.assess([Row(period: "2022", value: "30", recorded: "2023-01-10", approved: "2023-01-12")], asOf: "2023-03-01"))
        #expect(a.status == .movingAway && F.close(a.ratio, -3.0027), "\(a.status) \(a.ratio ?? .nan)")
        let e = AssessmentExplanation.indicator(a, plan.index.indicators[0])
        #expect(e.ko.contains("값이 이미 목표를 지나침(목표 변화분의 200%). 이 속도라면 기한에 60.03개로 목표를 계획한 변화분의 400%만큼 지나칠 전망(r = -3): 역행"), "\(e.ko)")
        #expect(e[.en].contains("going past the target by 400% of the planned change (r = -3): moving away"), "\(e[.en])")
        // Heading to overshoot by a quarter of the change is moderate: 15 gives r = 1.2507, so 1 − 0.2507 = 0.7493.
        let i = F.indicator(measure: .index, baseline: ("2020", 10), targets: [("2025", 20)], comparator: .exactly)
        let b = F.assess(i, [("2022", 15)], asOf: "2023-03-01")
        #expect(b.status == .moderateProgress && F.close(b.ratio, 0.7493))
    }

    // MARK: Weak spots

    @Test("a level to hold is judged by where its trend leads too: 99% → 97, 94, 91 against at least 90")
    func heldLevelTrend() throws {
        // Points at 0, 365, 730, 1,095 days: mean (547.5, 95.25), Sxy = −4,927.5, Sxx = 666,125, slope −0.0073973 a
        // day; the line stands at 95.25 − 0.0073973 × (1,826 − 547.5) = 85.79% at the end of 2025: below 90.
        let plan = OneIndicatorPlan(unit: "%", baseline: ("2020", "99%"), targets: [("2025", "90%", nil)])
        let a = try #require(plan.assess([Row(period: "2021", value: "97%", recorded: "2022-01-10", approved: "2022-01-12"),
                                          Row(period: "2022", value: "94%", recorded: "2023-01-10", approved: "2023-01-12"),
                                          Row(period: "2023", value: "91%", recorded: "2024-01-10", approved: "2024-01-12")], asOf: "2024-03-01"))
        #expect(a.status == .movingAway && a.flags.contains(.baselineMeetsTarget), "\(a.status)")
        #expect(a.flags.contains(.levelTrendFalls) && F.close(a.levelTrend?.projected, 85.79, 0.005) && a.levelTrend?.points == 4)
        let e = AssessmentExplanation.indicator(a, plan.index.indicators[0])
        #expect(e.ko.hasPrefix("지금은 목표 수준(90%)을 지키고 있으나(2023년 91%) 기준치를 포함한 값 4개로 그은 추세선으로는 기한에 85.79%로 목표 수준에 못 미칠 전망: 역행"), "\(e.ko)")
        // 98, 99, 98: the line stays at 97.8% by the end of 2025, so the level is held.
        let steady = F.indicator(unit: .percent, baseline: ("2020", 99), targets: [("2025", 90)])
        let b = F.assess(steady, [("2021", 98), ("2022", 99), ("2023", 98)], asOf: "2024-03-01")
        #expect(b.status == .onTrack && !b.flags.contains(.levelTrendFalls) && F.close(b.levelTrend?.projected, 97.80, 0.005))
        #expect(AssessmentExplanation.indicator(b, steady)[.en].hasPrefix("The target level of 90% is held (98% in 2023), and the trend fitted to 4 values, the baseline included, still meets it by the due date (97.8%)"))
        // Under a year from the baseline no trend is drawn: 95 for H1 2021 holds the level, whatever two points say.
        #expect(F.assess(steady, [("2021-03", 97), ("2021-06", 95)], asOf: "2021-09-01").levelTrend == nil)
    }

    @Test("where the trend and the latest value point different ways, the explanation says so plainly")
    func trendAndLatestDisagree() {
        // 100 → 200 by 2025: 150, 160, 99. Slope 1,277.5/666,125 = 0.0019178 a day: r = 0.0019178 × 1,826/100 = 0.035
        // (insufficient), while 99 is behind the baseline (from it alone r = −0.01/0.59967 = −0.0167).
        let i = F.indicator(measure: .index, baseline: ("2020", 100), targets: [("2025", 200)])
        let a = F.assess(i, [("2021", 150), ("2022", 160), ("2023", 99)], asOf: "2024-03-01")
        #expect(a.status == .insufficientProgress && F.close(a.ratio, 0.0350) && F.close(a.path?.lastPointRatio, -0.0167))
        #expect(a.flags.contains(.trendAndLatestDisagree))
        let e = AssessmentExplanation.indicator(a, i)
        #expect(e.ko.hasSuffix("추세와 최근 값이 가리키는 방향이 다름: 추세선은 목표 쪽으로 가지만 최근 값(2023년 99개)은 기준치(100개)보다 목표에서 멀어짐. 판정은 추세선으로 함"), "\(e.ko)")
        #expect(e[.en].hasSuffix("The trend and the latest value point different ways: the trend heads towards the target, but the latest value (99 in 2023) is further from it than the baseline (100); the verdict follows the trend"), "\(e[.en])")
        // The other way round: 150, 80, 110 draws a line sloping down (r < 0) while 110 is ahead of the baseline.
        let b = F.assess(i, [("2021", 150), ("2022", 80), ("2023", 110)], asOf: "2024-03-01")
        #expect(b.flags.contains(.trendAndLatestDisagree) && (b.ratio ?? 0) < 0 && (b.path?.lastPointRatio ?? 0) > 0)
        #expect(AssessmentExplanation.indicator(b, i).ko.contains("최근 값(2023년 110개)은 기준치(100개)보다 목표에 가깝지만 추세선은 목표에서 멀어짐"))
        // When they agree nothing is added.
        #expect(!F.assess(i, [("2021", 125), ("2022", 150), ("2023", 130)], asOf: "2024-03-01").flags.contains(.trendAndLatestDisagree))
    }

    @Test("4. budget and jobs too: on the due date a reported due year decides")
    func commitmentOnItsDueDate() {
        // 1-1 commits KRW 3.1 trillion of treasury funds by 2022. 1.0 trillion a year for 2020–2022, with 2022 reported on
        // 2022-12-31: that day the total through 2022, 3.0 trillion, is short of 3.1: missed (the path said r = p = 0.968, on track).
        let project = Repo.digitalNewDeal.projects.first { $0.id == "1-1" }!
        let budget = (2020...2022).map { y in
            BudgetExecution(record: FactRecord(id: Int64(y), recordedAt: Timestamp(iso: "\(y)-12-31")!, approvedAt: Timestamp(iso: "\(y)-12-31")!),
                            projectId: "1-1", fiscalYear: y, allocated: 1_000_000_000_000, executed: 1_000_000_000_000)
        }
        let onDueDate = BudgetAssessment.assess(project, facts: budget, planStart: Repo.digitalNewDeal.start, asOf: F.asOf("2022-12-31"))
        #expect(onDueDate.progress.status == .missed && onDueDate.progress.milestone == .year(2022))
        let before = BudgetAssessment.assess(project, facts: Array(budget.prefix(2)), planStart: Repo.digitalNewDeal.start, asOf: F.asOf("2022-12-31"))
        #expect(before.progress.status == .onTrack && before.progress.path != nil)
    }

    @Test("the fitted line is measured from its own start: 100 → 200 with 170, 180, 95 slopes down")
    func trendFromItsOwnStart() throws {
        // Points 100, 170, 180, 95 at 0, 365, 730, 1,095 days: mean 136.25, Sxy = −912.5, slope −0.0013699 a day.
        // Along the line the change to the due date (1,826 days) is −2.50, so r = −0.025: moving away. The second
        // edition measured the line's end (134.5) from the plan's baseline and said insufficient, r = 0.345.
        let plan = OneIndicatorPlan(unit: "개", accumulation: "level", baseline: ("2020", "100"), targets: [("2025", "200", nil)])
        let a = try #require(plan.assess([Row(period: "2021", value: "170", recorded: "2022-01-10", approved: "2022-01-12"),
                                          Row(period: "2022", value: "180", recorded: "2023-01-10", approved: "2023-01-12"),
                                          Row(period: "2023", value: "95", recorded: "2024-01-10", approved: "2024-01-12")], asOf: "2024-03-01"))
        #expect(a.status == .movingAway && F.close(a.path?.trendRatio, -0.0250) && F.close(a.path?.lastPointRatio, -0.0834), "\(a.status) \(a.ratio ?? .nan)")
    }
}
