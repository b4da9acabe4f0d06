import PlanCore

/// The chart of an indicator: its baseline, each target milestone, the planned path from the
/// baseline to each target, and the actual values (final filled, provisional hollow), drawn on
/// the server as SVG. Ranks are drawn with 1 at the top. A data table carries the same numbers.
///
/// Values counted on another basis than the plan's (`Observation.basis`) are drawn as
/// triangles in another colour, and the line is broken wherever the basis changes, with the
/// break marked and labelled: a portal's listings must not read as a fall from the plan's tables.
/// Each value stands at the end of its period, and the axis names year ends ("2021년 말"), so a
/// value of June 2021 lies between the ends of 2020 and 2021, in its own year.
struct IndicatorChart {
    struct Point {
        var period: Period
        var value: Double
        var provisional: Bool
        /// The basis the value was counted on; nil for the plan's own.
        var basis: String? = nil
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
        let padL = compact ? 4.0 : 64.0, padR = compact ? 4.0 : 36.0, padT = compact ? 4.0 : 16.0, padB = compact ? 4.0 : 40.0
        let times = (baseline.map { [$0.0] } ?? []) + targets.map(\.0) + actuals.map(\.period)
        let values = (baseline.map { [$0.1] } ?? []) + targets.map(\.1) + actuals.map(\.value)
        guard let t0 = times.map({ $0.end.ordinal }).min(), let latest = times.map({ $0.end.ordinal }).max(),
              var lo = values.min(), var hi = values.max() else {
            return ""
        }
        if unit?.kind == .percent { lo = min(lo, 0); hi = max(hi, 100) } else if unit?.kind == .rank { lo = 1 } else { lo = min(lo, 0) }
        if hi == lo { hi = lo + 1 }
        let ticks = AxisFormat.ticks(lo, hi)
        if let last = ticks.last { hi = max(hi, last) }
        // The axis runs on to the end of the last value's year, so a value of January sits early in its year, not at the edge.
        let t1 = compact ? latest : Period.year(CalendarDay(ordinal: latest).year)!.end.ordinal
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
            s += yearEnds(t0: t0, t1: t1, x: x, top: padT, bottom: height - padB)
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
        for run in runs where run.count > 1 {
            let d = run.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(SVG.n(x(p.period))) \(SVG.n(y(p.value)))" }.joined(separator: " ")
            let other = run[0].basis != nil
            s += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(other ? Self.otherColour : Self.colour)\" stroke-width=\"\(other ? "2" : "2.5")\"/>"
        }
        if !compact {
            for b in breaks {
                let xx = b.previous.map { (x($0) + x(b.period)) / 2 } ?? x(b.period)
                s += "<line x1=\"\(SVG.n(xx))\" x2=\"\(SVG.n(xx))\" y1=\"\(SVG.n(padT))\" y2=\"\(SVG.n(height - padB))\" stroke=\"\(Self.otherColour)\" stroke-width=\"1.5\" stroke-dasharray=\"3 3\"/>"
                let anchor = xx > width - padR - 90 ? "end" : "start"
                let tx = anchor == "end" ? xx - 4 : xx + 4
                s += "<text x=\"\(SVG.n(tx))\" y=\"\(SVG.n(height - padB - 6))\" text-anchor=\"\(anchor)\" font-size=\"12\" fill=\"\(Self.otherColour)\">\(SVG.esc(breakLabel))</text>"
            }
        }
        for p in actuals {
            let cx = x(p.period), cy = y(p.value), r = compact ? 3.0 : 5.0
            if p.basis != nil {
                let h = r * 1.25
                s += "<path d=\"M\(SVG.n(cx)) \(SVG.n(cy - h)) L\(SVG.n(cx + h)) \(SVG.n(cy + h * 0.8)) L\(SVG.n(cx - h)) \(SVG.n(cy + h * 0.8))Z\" fill=\"\(p.provisional ? "#ffffff" : Self.otherColour)\" stroke=\"\(Self.otherColour)\" stroke-width=\"2\"/>"
            } else {
                s += "<circle cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(cy))\" r=\"\(SVG.n(r))\" fill=\"\(p.provisional ? "#ffffff" : Self.colour)\" stroke=\"\(Self.colour)\" stroke-width=\"2\"/>"
            }
        }
        return s + "</svg>"
    }

    /// The colour of values on the baseline's basis, and of values on another.
    static let colour = "#b34700"
    static let otherColour = "#5b3a99"

    /// The actual values grouped by basis, each group in time order: a line joins the values of
    /// one basis and never two.
    var runs: [[Point]] {
        var order: [String?] = []
        var groups: [String?: [Point]] = [:]
        for p in actuals {
            if groups[p.basis] == nil { order.append(p.basis) }
            groups[p.basis, default: []].append(p)
        }
        return order.map { groups[$0]! }
    }

    /// Where the basis changes along the time axis: from the baseline (the plan's own basis) to
    /// the first value, and between values. `previous` is the period of the value
    /// before the break, if any; the break is drawn between the two.
    var breaks: [(period: Period, previous: Period?)] {
        var out: [(period: Period, previous: Period?)] = []
        var last: (Period, String?)? = baseline.map { ($0.0, nil) }
        for p in actuals {
            if let l = last, l.1 != p.basis { out.append((period: p.period, previous: l.0)) }
            last = (p.period, p.basis)
        }
        return out
    }

    /// The label beside each break.
    var breakLabel: String { language == .ko ? "집계 기준 바뀜" : "Basis changes" }

    /// The time axis: a tick and a faint line at the end of each year, named as a year end
    /// ("2021년 말", "end-2021"), thinned to every second or fifth year when the names would touch.
    func yearEnds(t0: Int, t1: Int, x: (Period) -> Double, top: Double, bottom: Double) -> String {
        let first = CalendarDay(ordinal: t0).year, last = CalendarDay(ordinal: t1).year
        let years = (first...last).filter { Period.year($0)!.end.ordinal >= t0 && Period.year($0)!.end.ordinal <= t1 }
        guard !years.isEmpty else { return "" }
        let spacing = years.count > 1 ? x(Period.year(years[1])!) - x(Period.year(years[0])!) : .infinity
        let step = [1, 2, 5, 10].first { Double($0) * spacing >= 74 } ?? 10
        var s = ""
        for year in years {
            let xx = x(Period.year(year)!)
            s += "<line x1=\"\(SVG.n(xx))\" x2=\"\(SVG.n(xx))\" y1=\"\(SVG.n(top))\" y2=\"\(SVG.n(bottom + 4))\" stroke=\"#d9dde3\" stroke-width=\"1\"/>"
            guard (year - years[0]) % step == 0 else { continue }
            let label = language == .ko ? "\(year)년 말" : "end-\(year)"
            s += "<text x=\"\(SVG.n(xx))\" y=\"\(SVG.n(bottom + 18))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#3c4043\">\(label)</text>"
        }
        return s
    }

    /// The text alternative: the trend in words, in the page's language, from the baseline (or
    /// the first value) to the latest value and against the last target: "기준치 17%(2020년)에서
    /// 2023년 27.9%로 올랐고, 2025년 목표(100%)에는 못 미침" / "From 17% (2020) up to 27.9% (2023),
    /// short of the 2025 target of 100%". The trend is told from values on the plan's own basis
    /// only; values on another basis are counted and named after it.
    var description: String {
        let others = actuals.filter { $0.basis != nil }
        guard !others.isEmpty else { return trend(actuals, noneOnBasis: false) }
        var seen = Set<String>()
        let bases = others.compactMap(\.basis).filter { seen.insert($0).inserted }.map { BilingualNote.text($0, language) }.joined(separator: ", ")
        let comparable = actuals.filter { $0.basis == nil }
        return trend(comparable, noneOnBasis: comparable.isEmpty) + (language == .ko
            ? ". 집계 기준이 다른 값 \(others.count)개(\(bases))는 선을 끊어 따로 그림"
            : ". \(others.count) value\(others.count == 1 ? "" : "s") counted on another basis (\(bases)) \(others.count == 1 ? "is" : "are") drawn apart, the line broken where the basis changes")
    }

    private func trend(_ actuals: [Point], noneOnBasis: Bool) -> String {
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
            let none = noneOnBasis ? (ko ? "계획의 지표와 같은 기준으로 센 실적은 없음" : "no value counted as the plan counts it")
                : (ko ? "아직 보고된 실적 없음" : "no value reported yet")
            return ko ? (parts + [none]).joined(separator: ", ")
                : (parts.isEmpty ? none.prefix(1).uppercased() + none.dropFirst() : parts.joined(separator: "; ") + "; " + none)
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
