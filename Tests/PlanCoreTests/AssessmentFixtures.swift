@testable import PlanCore

/// Small builders for assessment tests: indicators, facts and dates written the way a reader states them.
enum Fixture {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
    static func asOf(_ iso: String) -> AsOf { AsOf(day(iso)) }
    static func period(_ s: String) -> Period { try! PeriodParser.period(s) }

    static func indicator(_ id: String = "x", unit: Unit? = .item, measure: Measure? = nil, direction: Direction? = nil,
                          accumulation: Accumulation? = nil, method: AssessmentMethod = .linear,
                          baseline: (String, Double)? = nil, targets: [(String, Double)], comparator: Comparator? = nil) -> Indicator {
        let m = measure ?? unit?.defaultMeasure ?? .qualitative
        let d = direction ?? (m == .rank ? .decrease : .increase)
        return Indicator(id: id, name: LocalizedText(ko: id, en: id), unit: unit, measure: m, direction: d,
                         accumulation: accumulation ?? (m == .count ? .cumulative : .level), method: method,
                         baseline: baseline.map { Baseline(period: period($0.0), value: $0.1) },
                         targets: targets.map { Target(due: period($0.0), value: $0.1, comparator: comparator ?? d.defaultComparator) })
    }

    static func points(_ values: [(String, Double)]) -> [SeriesPoint] {
        values.enumerated().map { i, v in SeriesPoint(period: period(v.0), value: v.1, factId: Int64(i + 1)) }
            .sorted { $0.period < $1.period }
    }

    static func assess(_ i: Indicator, _ values: [(String, Double)], asOf iso: String) -> IndicatorAssessment {
        IndicatorAssessor.assess(i, series: points(values), asOf: asOf(iso))
    }

    /// An approved observation, recorded and approved on the given days.
    static func observation(_ id: Int64, _ indicator: String, _ p: String, _ value: Double, recorded: String, approved: String?,
                            supersedes: Int64? = nil) -> Observation {
        Observation(record: FactRecord(id: id, recordedAt: Timestamp(iso: recorded)!, approvedAt: approved.map { Timestamp(iso: $0)! },
                                       supersedes: supersedes),
                    indicatorId: indicator, period: period(p), value: value)
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 0.0005) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }
}
