import PlanCore

/// The chart of an indicator: its baseline, each target milestone, the planned path from the
/// baseline to each target, and the actual values (final filled, provisional hollow), drawn on
/// the server as SVG. Ranks are drawn with 1 at the top. A data table carries the same numbers.
struct IndicatorChart {
    struct Point {
        var period: Period
        var value: Double
        var provisional: Bool
    }

    var title: String
    var unit: PlanCore.Unit?
    var lowerIsBetter: Bool
    var baseline: (Period, Double)?
    var targets: [(Period, Double)]
    var actuals: [Point]
    var language: Language
    var catalog: Catalog
    var width = 560.0
    var height = 260.0
    var compact = false

    func render(id: String) -> String {
        let padL = compact ? 4.0 : 64.0, padR = compact ? 4.0 : 16.0, padT = compact ? 4.0 : 16.0, padB = compact ? 4.0 : 40.0
        let times = (baseline.map { [$0.0] } ?? []) + targets.map(\.0) + actuals.map(\.period)
        let values = (baseline.map { [$0.1] } ?? []) + targets.map(\.1) + actuals.map(\.value)
        guard let t0 = times.map({ $0.end.ordinal }).min(), let t1 = times.map({ $0.end.ordinal }).max(),
              var lo = values.min(), var hi = values.max() else {
            return ""
        }
        if unit?.kind == .percent { lo = min(lo, 0); hi = max(hi, 100) } else if unit?.kind == .rank { lo = 1 } else { lo = min(lo, 0) }
        if hi == lo { hi = lo + 1 }
        let ticks = AxisFormat.ticks(lo, hi)
        if let last = ticks.last { hi = max(hi, last) }
        let span = Double(max(1, t1 - t0))
        func x(_ p: Period) -> Double { padL + (Double(p.end.ordinal - t0) / span) * (width - padL - padR) }
        func y(_ v: Double) -> Double {
            let f = (v - lo) / (hi - lo)
            return lowerIsBetter ? padT + f * (height - padT - padB) : height - padB - f * (height - padT - padB)
        }
        let titleId = "\(id)-title", descId = "\(id)-desc"
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" aria-labelledby=\"\(titleId) \(descId)\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(titleId)\">\(SVG.esc(title))</title><desc id=\"\(descId)\">\(SVG.esc(description))</desc>"
        if !compact {
            for tick in ticks {
                let yy = y(tick)
                s += "<line x1=\"\(SVG.n(padL))\" x2=\"\(SVG.n(width - padR))\" y1=\"\(SVG.n(yy))\" y2=\"\(SVG.n(yy))\" stroke=\"#d9dde3\" stroke-width=\"1\"/>"
                s += "<text x=\"\(SVG.n(padL - 6))\" y=\"\(SVG.n(yy + 4))\" text-anchor=\"end\" font-size=\"13\" fill=\"#3c4043\">\(SVG.esc(AxisFormat.compact(tick, unit: unit, language: language)))</text>"
            }
            let firstYear = Period.year(CalendarDay(ordinal: t0).year)!.start
            for year in CalendarDay(ordinal: t0).year...CalendarDay(ordinal: t1).year {
                let p = Period.year(year)!
                guard p.end.ordinal >= t0, p.end.ordinal <= t1 || year == firstYear.year else { continue }
                let xx = x(p)
                s += "<text x=\"\(SVG.n(xx))\" y=\"\(SVG.n(height - padB + 18))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#3c4043\">\(year)</text>"
            }
        }
        if let (bp, bv) = baseline {
            var d = "M\(SVG.n(x(bp))) \(SVG.n(y(bv)))"
            for (tp, tv) in targets { d += " L\(SVG.n(x(tp))) \(SVG.n(y(tv)))" }
            s += "<path d=\"\(d)\" fill=\"none\" stroke=\"#6b7280\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            s += "<rect x=\"\(SVG.n(x(bp) - 5))\" y=\"\(SVG.n(y(bv) - 5))\" width=\"10\" height=\"10\" fill=\"#3c4043\"/>"
        }
        for (tp, tv) in targets {
            let cx = x(tp), cy = y(tv)
            s += "<path d=\"M\(SVG.n(cx)) \(SVG.n(cy - 7)) L\(SVG.n(cx + 7)) \(SVG.n(cy)) L\(SVG.n(cx)) \(SVG.n(cy + 7)) L\(SVG.n(cx - 7)) \(SVG.n(cy))Z\" fill=\"#0a5a9c\"/>"
        }
        if actuals.count > 1 {
            let d = actuals.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(SVG.n(x(p.period))) \(SVG.n(y(p.value)))" }.joined(separator: " ")
            s += "<path d=\"\(d)\" fill=\"none\" stroke=\"#b34700\" stroke-width=\"2.5\"/>"
        }
        for p in actuals {
            s += "<circle cx=\"\(SVG.n(x(p.period)))\" cy=\"\(SVG.n(y(p.value)))\" r=\"\(compact ? 3 : 5)\" fill=\"\(p.provisional ? "#ffffff" : "#b34700")\" stroke=\"#b34700\" stroke-width=\"2\"/>"
        }
        return s + "</svg>"
    }

    /// The text alternative: what the chart shows, in a sentence or two.
    var description: String {
        func v(_ x: Double) -> String { QuantityFormatter.format(x, unit: unit, language: language) }
        var parts: [String] = []
        if let (p, x) = baseline { parts.append("\(catalog["chart_baseline"]) \(v(x)) (\(p.text(language)))") }
        for (p, x) in targets { parts.append("\(catalog["chart_target"]) \(v(x)) (\(p.text(language)))") }
        if let last = actuals.last {
            parts.append("\(catalog["latest"]) \(v(last.value)) (\(last.period.text(language))\(last.provisional ? ", \(catalog["provisional"])" : ""))")
        }
        return parts.joined(separator: language == .ko ? ", " : "; ")
    }
}
