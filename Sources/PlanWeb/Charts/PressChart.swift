import PlanCore

/// A chart as a file a journalist can drop into an article as it is: the drawing the page shows,
/// with its title, the date it is as of, its source and the site's address drawn in, and named
/// for screen readers by its `<title>` and `<desc>`. Nothing in it depends on the site's
/// stylesheet: fonts and colours are set on the elements.
struct PressChart {
    var title: String
    /// What the chart shows, in words: its text alternative.
    var description: String
    /// "2022년 6월 30일 기준 · 판정: 미흡".
    var subtitle: String
    /// "출처: …": where the figures come from.
    var source: String
    /// The page the chart belongs to, in full.
    var address: String
    /// The page's drawing (an `<svg>` element) and the box it was drawn in.
    var drawing: String
    var drawingWidth: Double
    var drawingHeight: Double
    /// The key under the drawing: each mark (SVG in a 14×14 box) and what it stands for.
    var legend: [(mark: String, label: String)] = []

    static let width = 720.0
    static let fonts = "'Noto Sans KR','Nanum Gothic','NanumGothic','Malgun Gothic','Apple SD Gothic Neo',sans-serif"

    var svg: String {
        let w = Self.width, pad = 24.0
        let scale = min(1, (w - 2 * pad) / drawingWidth)
        let chartHeight = drawingHeight * scale
        let sourceLines = Self.wrap(source, width: w - 2 * pad, size: 12)
        let titleLines = Array(Self.wrap(title, width: w - 2 * pad, size: 19).prefix(2))
        let top = 54.0 + Double(titleLines.count) * 22, gap = 20.0
        // The key runs on as many lines as it needs within the width (another basis adds two entries).
        var legendPlaces: [(x: Double, line: Int)] = []
        var lx = pad, legendLine = 0
        for item in legend {
            let width = 18 + Self.width(item.label, size: 12) + 16
            if lx > pad && lx + width - 16 > w - pad { (lx, legendLine) = (pad, legendLine + 1) }
            legendPlaces.append((lx, legendLine))
            lx += width
        }
        let legendHeight = legend.isEmpty ? 0.0 : 26 + Double(legendLine) * 20
        let footerTop = top + chartHeight + legendHeight + gap
        let height = footerTop + Double(sourceLines.count) * 17 + 24 + 12
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVG.n(w))\" height=\"\(SVG.n(height))\" viewBox=\"0 0 \(SVG.n(w)) \(SVG.n(height))\" "
            + "role=\"img\" aria-labelledby=\"press-title press-desc\" font-family=\"\(Self.fonts)\">"
        s += "<title id=\"press-title\">\(SVG.esc(title))</title>"
        s += "<desc id=\"press-desc\">\(SVG.esc([description, subtitle, source, address].joined(separator: ". ")))</desc>"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        for (i, line) in titleLines.enumerated() {
            s += "<text x=\"\(SVG.n(pad))\" y=\"\(SVG.n(32 + Double(i) * 22))\" font-size=\"19\" font-weight=\"700\" fill=\"#202124\">\(SVG.esc(line))</text>"
        }
        s += "<text x=\"\(SVG.n(pad))\" y=\"\(SVG.n(top - 12))\" font-size=\"13\" fill=\"#3c4043\">\(SVG.esc(subtitle))</text>"
        let inner = drawing.hasPrefix("<svg ") ? String(drawing.dropFirst(5)) : drawing
        s += "<svg x=\"\(SVG.n(pad))\" y=\"\(SVG.n(top))\" width=\"\(SVG.n(drawingWidth * scale))\" height=\"\(SVG.n(chartHeight))\" " + inner
        for (item, place) in zip(legend, legendPlaces) {
            let y = top + chartHeight + Double(place.line) * 20
            s += "<g transform=\"translate(\(SVG.n(place.x)) \(SVG.n(y + 6)))\">\(item.mark)</g>"
            s += "<text x=\"\(SVG.n(place.x + 18))\" y=\"\(SVG.n(y + 17))\" font-size=\"12\" fill=\"#3c4043\">\(SVG.esc(item.label))</text>"
        }
        s += "<line x1=\"\(SVG.n(pad))\" x2=\"\(SVG.n(w - pad))\" y1=\"\(SVG.n(footerTop - 8))\" y2=\"\(SVG.n(footerTop - 8))\" stroke=\"#dadce0\"/>"
        for (i, line) in sourceLines.enumerated() {
            s += "<text x=\"\(SVG.n(pad))\" y=\"\(SVG.n(footerTop + 8 + Double(i) * 17))\" font-size=\"12\" fill=\"#3c4043\">\(SVG.esc(line))</text>"
        }
        s += "<text x=\"\(SVG.n(pad))\" y=\"\(SVG.n(footerTop + 8 + Double(sourceLines.count) * 17 + 4))\" font-size=\"12\" fill=\"#0b57d0\">\(SVG.esc(address))</text>"
        return s + "</svg>\n"
    }

    /// Lines of at most `width` pixels at font size `size`, broken between words (Hangul counts
    /// as a full square, other characters as about half of one).
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if Self.width(candidate, size: size) > width, !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// About how wide `text` is drawn at `size` pixels: Hangul a full square, other characters about half one.
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && $1.value <= 0xD7A3) || $1.value >= 0x3000 ? size : size * 0.55) }
    }
}
