import PlanCore

/// A bullet bar: how much of a commitment is done, with a tick where the path says it should be
/// by now. Used for budgets, jobs and indicators alike.
struct ProgressChart {
    var label: String
    /// Share done, 0…1 (drawn capped at 1).
    var done: Double
    /// Share of the time elapsed, 0…1, or nil.
    var expected: Double?
    var status: IndicatorStatus
    var text: String

    func render() -> String {
        let w = 240.0, h = 18.0
        let d = max(0, min(1, done)) * w
        var s = "<svg class=\"bullet\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(h))\" role=\"img\" aria-label=\"\(SVG.esc(label + ": " + text))\" xmlns=\"http://www.w3.org/2000/svg\">"
        s += "<rect x=\"0\" y=\"3\" width=\"\(SVG.n(w))\" height=\"12\" fill=\"#e8eaed\"/>"
        s += "<rect x=\"0\" y=\"3\" width=\"\(SVG.n(d))\" height=\"12\" fill=\"\(SVG.colour(status))\"/>"
        if let e = expected {
            let ex = max(0, min(1, e)) * w
            s += "<rect x=\"\(SVG.n(max(0, ex - 1.5)))\" y=\"0\" width=\"3\" height=\"18\" fill=\"#202124\"/>"
        }
        return s + "</svg>"
    }
}

/// A stacked bar of how many items have each status, in reading order (best to worst). Its
/// name says every status with its count ("판정별 지표 수: 달성 3개, 순항 2개"), and each segment's
/// tooltip says its own; with `legend`, the same words follow the bar as text, for the places
/// where no table or legend beside it says them (a status is never told by colour alone).
struct StatusBar {
    var counts: [(IndicatorStatus, Int)]
    var catalog: Catalog
    var legend = false

    func render() -> String {
        let total = counts.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return "" }
        let w = 600.0, h = 22.0
        let shown = counts.filter { $0.1 > 0 }
        let label = catalog["status_bar_label"] + ": " + shown.map { count($0.0, $0.1) }.joined(separator: ", ")
        var s = "<svg class=\"statusbar\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(h))\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(SVG.esc(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        var x = 0.0
        for (status, n) in shown {
            let width = Double(n) / Double(total) * w
            s += "<rect x=\"\(SVG.n(x))\" y=\"0\" width=\"\(SVG.n(width))\" height=\"\(SVG.n(h))\" fill=\"\(SVG.colour(status))\"><title>\(SVG.esc(count(status, n)))</title></rect>"
            x += width
        }
        s += "</svg>"
        if legend {
            s += "<ul class=\"legend\">" + shown.map { status, n in
                "<li><span class=\"badge s-\(status.rawValue)\">\(SVG.esc(catalog.status(status)))</span> \(n)</li>"
            }.joined() + "</ul>"
        }
        return s
    }

    /// "달성 3개" / "achieved 3".
    func count(_ status: IndicatorStatus, _ n: Int) -> String {
        catalog.format("status_bar_count", ["status": catalog.status(status), "count": String(n)])
    }
}

/// Planned cumulative amounts by commitment year beside what was achieved by then.
struct CommitmentBars {
    struct Bar {
        var label: String
        var planned: Double
        var actual: Double?
    }

    var title: String
    var bars: [Bar]
    var format: (Double) -> String
    var catalog: Catalog

    let width = 640.0
    let rowHeight = 44.0
    var height: Double { Double(bars.count) * rowHeight + 8 }

    func render() -> String {
        guard let maxValue = bars.flatMap({ [$0.planned, $0.actual ?? 0] }).max(), maxValue > 0 else { return "" }
        let w = width, rowH = rowHeight, labelW = 110.0
        let h = height
        var s = "<svg class=\"bars\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(h))\" role=\"img\" aria-label=\"\(SVG.esc(description))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, b) in bars.enumerated() {
            let y0 = Double(i) * rowH + 4
            // Room on the right for the longest label ("Actual KRW 2.16 trillion").
            let scale = (w - labelW - 200) / maxValue
            s += "<text x=\"0\" y=\"\(SVG.n(y0 + 16))\" font-size=\"13\" fill=\"#202124\">\(SVG.esc(b.label))</text>"
            s += "<rect x=\"\(SVG.n(labelW))\" y=\"\(SVG.n(y0 + 2))\" width=\"\(SVG.n(b.planned * scale))\" height=\"16\" fill=\"#9aa0a6\"/>"
            s += "<text x=\"\(SVG.n(labelW + b.planned * scale + 6))\" y=\"\(SVG.n(y0 + 15))\" font-size=\"12\" fill=\"#3c4043\">\(SVG.esc(catalog["planned"] + " " + format(b.planned)))</text>"
            if let a = b.actual {
                s += "<rect x=\"\(SVG.n(labelW))\" y=\"\(SVG.n(y0 + 20))\" width=\"\(SVG.n(max(1, a * scale)))\" height=\"16\" fill=\"#0a5a9c\"/>"
                s += "<text x=\"\(SVG.n(labelW + a * scale + 6))\" y=\"\(SVG.n(y0 + 33))\" font-size=\"12\" fill=\"#3c4043\">\(SVG.esc(catalog["actual"] + " " + format(a)))</text>"
            } else {
                s += "<text x=\"\(SVG.n(labelW))\" y=\"\(SVG.n(y0 + 33))\" font-size=\"12\" fill=\"#3c4043\">\(SVG.esc(catalog["actual"] + ": " + catalog["not_reported"]))</text>"
            }
        }
        return s + "</svg>"
    }

    /// The text alternative: every bar's plan and what was reached, with the share ("예산 계획 대비
    /// 실적 — 2022년까지: 계획 3.2조원, 실적 2.9조원(91%)").
    var description: String {
        title + " — " + bars.map { b in
            let actual = b.actual.map { a in
                format(a) + (b.planned > 0 ? catalog.format("bars_share", ["share": QuantityFormatter.grouped((a / b.planned * 100).rounded(), maxDecimals: 0) + "%"]) : "")
            } ?? catalog["not_reported"]
            return catalog.format("bars_item", ["label": b.label, "planned": format(b.planned), "actual": actual])
        }.joined(separator: "; ")
    }
}
