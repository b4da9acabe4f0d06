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

    /// The SVG, named by its title and the trend in words. With `describedBy`, the id of the
    /// trend shown as text beside it (the indicator page's caption), it is named by its title and
    /// described by that text instead, so a screen reader does not read the sentence twice.
    func render(id: String, describedBy: String? = nil) -> String {
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
        let naming = describedBy.map { "aria-labelledby=\"\(titleId)\" aria-describedby=\"\($0)\"" } ?? "aria-labelledby=\"\(titleId) \(descId)\""
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" \(naming) xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<title id=\"\(titleId)\">\(SVG.esc(title))</title>"
        if describedBy == nil { s += "<desc id=\"\(descId)\">\(SVG.esc(description))</desc>" }
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

    /// The text alternative: the trend in words, in the page's language, from the baseline (or
    /// the first value) to the latest value and against the last target: "기준치 17%(2020년)에서
    /// 2023년 27.9%로 올랐고, 2025년 목표(100%)에는 못 미침" / "From 17% (2020) up to 27.9% (2023),
    /// short of the 2025 target of 100%".
    var description: String {
        let ko = language == .ko
        func v(_ x: Double) -> String { QuantityFormatter.format(x, unit: unit, language: language) }
        func p(_ period: Period) -> String { period.text(language) }
        let target = targets.last
        // The end the plan aims at: the target, or (with none) the direction it wants.
        let met = target.map { t in actuals.last.map { lowerIsBetter ? $0.value <= t.1 : $0.value >= t.1 } ?? false } ?? false
        let goal: String = target.map { t in
            ko ? "\(p(t.0)) 목표(\(v(t.1)))\(met ? "를 달성함" : "에는 못 미침")"
                : (met ? "reaching the \(p(t.0)) target of \(v(t.1))" : "short of the \(p(t.0)) target of \(v(t.1))")
        } ?? ""
        guard let latest = actuals.last else {
            let start = baseline.map { ko ? "기준치 \(v($0.1))(\(p($0.0)))" : "Baseline \(v($0.1)) (\(p($0.0)))" }
            let aim = target.map { ko ? "\(p($0.0)) 목표 \(v($0.1))" : "target \(v($0.1)) by \(p($0.0))" }
            let parts = [start, aim].compactMap { $0 }
            return ko ? (parts + ["아직 보고된 실적 없음"]).joined(separator: ", ")
                : (parts.isEmpty ? "No value reported yet" : parts.joined(separator: "; ") + "; no value reported yet")
        }
        let latestValue = v(latest.value) + (latest.provisional ? (ko ? "(\(catalog["provisional"]))" : "") : "")
        let latestWhen = ko ? p(latest.period) : p(latest.period) + (latest.provisional ? ", \(catalog["provisional"].lowercased())" : "")
        let start: (Period, Double, Bool)? = baseline.map { ($0.0, $0.1, true) }
            ?? (actuals.count > 1 ? actuals.first.map { ($0.period, $0.value, false) } : nil)
        guard let (p0, v0, isBaseline) = start, p0 != latest.period else {
            let now = ko ? "\(latestWhen) 실적 \(latestValue)" : "\(latestValue) (\(latestWhen))"
            return goal.isEmpty ? now : now + ", " + goal
        }
        // Up or down as a reader says it: a rank goes up as its number falls.
        let rank = unit?.kind == .rank
        let rose = rank ? latest.value < v0 : latest.value > v0
        let same = latest.value == v0
        if ko {
            let level = [.percent, .percentPoint, .score, .ratio, .rank].contains(unit?.kind)
            let from = isBaseline ? "기준치 \(v(v0))(\(p(p0)))에서" : "\(p(p0)) \(v(v0))에서"
            let change = same ? "\(from) 변함없이 \(p(latest.period))에도 \(latestValue)"
                : "\(from) \(p(latest.period)) \(latestValue)\(KoreanParticle.instrumental(after: v(latest.value))) "
                    + (rose ? (level ? "올랐고" : "늘었고") : (level ? (rank ? "내려갔고" : "내렸고") : "줄었고"))
            return change + (goal.isEmpty ? "" : ", " + goal)
        }
        let move = same ? "unchanged at" : rose ? "up to" : "down to"
        return "From \(v(v0)) (\(p(p0))) \(move) \(latestValue) (\(latestWhen))" + (goal.isEmpty ? "" : ", " + goal)
    }
}
