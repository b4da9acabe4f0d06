import Foundation
import PlanCore
import Testing
@testable import PlanWeb

/// The indicator chart's time axis names year ends, so every value lies in its own year, and a
/// change of basis breaks the line where it happens, with a mark and a label.
@Suite struct IndicatorChartTests {
    static let listings = "공공데이터포털 목록 건수 / data.go.kr portal listings"

    static func chart(_ language: Language, actuals: [IndicatorChart.Point]) -> IndicatorChart {
        IndicatorChart(title: "공공데이터 개방", unit: PlanCore.Unit.named("개"), lowerIsBetter: false, baseline: (.year(2020)!, 49_000),
                       targets: [(.year(2021)!, 142_000)], actuals: actuals, language: language, catalog: .of(language))
    }

    static let points = [
        IndicatorChart.Point(period: .day(2021, 7, 21)!, value: 105_000, provisional: false),
        IndicatorChart.Point(period: .year(2021)!, value: 147_000, provisional: false),
        IndicatorChart.Point(period: .year(2021)!, value: 67_441, provisional: false, basis: listings),
        IndicatorChart.Point(period: .month(2025, 1)!, value: 102_052, provisional: false, basis: listings),
    ]

    /// The x of every `<text>` whose words are `label`.
    static func x(of label: String, in svg: String) -> Double? {
        guard let end = svg.range(of: ">\(label)</text>") else { return nil }
        let head = svg[..<end.lowerBound]
        guard let start = head.range(of: "<text x=\"", options: .backwards) else { return nil }
        return Double(head[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test("the axis names year ends, and a value of July 2021 lies between the ends of 2020 and 2021")
    func yearEnds() throws {
        let svg = Self.chart(.ko, actuals: [Self.points[0]]).render(id: "c")
        let end2020 = try #require(Self.x(of: "2020년 말", in: svg)), end2021 = try #require(Self.x(of: "2021년 말", in: svg))
        let july = try #require(svg.range(of: "<circle cx=\"").map { Double(svg[$0.upperBound...].prefix { $0 != "\"" })! })
        #expect(end2020 < july && july < end2021)
        #expect(!svg.contains(">2021</text>"), "a bare year at a year end is what misplaced the values")
        #expect(Self.chart(.en, actuals: [Self.points[0]]).render(id: "c").contains(">end-2021</text>"))
    }

    @Test("a change of basis breaks the line: one line per basis, a dashed mark and a label where it changes, triangles for the other basis")
    func basisBreak() {
        let chart = Self.chart(.ko, actuals: Self.points)
        #expect(chart.runs.map(\.count) == [2, 2] && chart.breaks.count == 1 && chart.breaks[0].period == .year(2021)!)
        let svg = chart.render(id: "c")
        #expect(svg.components(separatedBy: "<path d=\"M").count - 1 == 6, "the planned path, the target's diamond, two lines and two triangles")
        #expect(svg.contains(">집계 기준 바뀜</text>") && svg.contains("stroke-dasharray=\"3 3\""))
        #expect(Self.chart(.en, actuals: Self.points).render(id: "c").contains(">Basis changes</text>"))
        // The words beside the chart follow the plan's basis and name the rest.
        #expect(chart.description == "기준치 4.9만 개(2020년)에서 2021년 14.7만 개로 늘었고, 2021년 목표(14.2만 개)를 달성함. "
                + "집계 기준이 다른 값 2개(공공데이터포털 목록 건수)는 선을 끊어 따로 그림")
        // A run of one basis alone is not broken, and the baseline counts as the plan's basis.
        #expect(Self.chart(.ko, actuals: Array(Self.points.prefix(2))).breaks.isEmpty)
        #expect(Self.chart(.ko, actuals: [Self.points[2]]).breaks.count == 1)
    }

    @Test("the value axis reaches a labelled line at or above the highest value, so no point sits above the last line")
    func axisCoversTheHighestValue() {
        for (lo, hi) in [(0.0, 147_000.0), (0.0, 100.0), (1.0, 7.0), (-3.0, 0.4), (12.5, 13.0), (0.0, 1e13 + 1)] {
            let ticks = AxisFormat.ticks(lo, hi)
            // Within a thousandth of a step: the chart's scale then runs to the last tick.
            #expect((ticks.last ?? -.infinity) >= hi - (hi - lo) / 1000, "\(lo)…\(hi): \(ticks)")
            #expect(ticks.count <= 7, "\(lo)…\(hi): \(ticks)")
        }
        #expect(AxisFormat.ticks(0, 147_000) == [0, 50_000, 100_000, 150_000])
    }
}
