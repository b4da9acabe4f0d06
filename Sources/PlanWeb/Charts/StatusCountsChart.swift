import PlanCore

/// How many indicators have each verdict, one labelled bar per verdict (best to worst), with
/// the count written at its end: the status bar of a page, made readable on its own.
struct StatusCountsChart {
    var counts: [(IndicatorStatus, Int)]
    var catalog: Catalog

    let width = 640.0
    let rowHeight = 28.0
    let labelWidth = 150.0
    var height: Double { Double(max(1, counts.count)) * rowHeight + 8 }

    func render() -> String {
        let most = Double(max(1, counts.map(\.1).max() ?? 1))
        let scale = (width - labelWidth - 60) / most
        var s = "<svg class=\"bars\" viewBox=\"0 0 \(SVG.n(width)) \(SVG.n(height))\" role=\"img\" aria-label=\"\(SVG.esc(description))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, (status, n)) in counts.enumerated() {
            let y = Double(i) * rowHeight + 4
            s += "<text x=\"0\" y=\"\(SVG.n(y + 15))\" font-size=\"13\" fill=\"#202124\">\(SVG.esc(catalog.status(status)))</text>"
            s += "<rect x=\"\(SVG.n(labelWidth))\" y=\"\(SVG.n(y + 2))\" width=\"\(SVG.n(max(n > 0 ? 2 : 0, Double(n) * scale)))\" height=\"18\" fill=\"\(SVG.colour(status))\"/>"
            s += "<text x=\"\(SVG.n(labelWidth + Double(n) * scale + 6))\" y=\"\(SVG.n(y + 15))\" font-size=\"13\" fill=\"#3c4043\">\(n)</text>"
        }
        return s + "</svg>"
    }

    /// "판정별 지표 수: 달성 3개, 순항 2개, …".
    var description: String {
        catalog["status_bar_label"] + ": " + counts.map { catalog.format("status_bar_count", ["status": catalog.status($0.0), "count": String($0.1)]) }.joined(separator: ", ")
    }
}
