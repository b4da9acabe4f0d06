/// One report table as an OWPML table: ruled cells, a shaded header row marked as the header
/// (Hangul repeats it at the top of every page the table runs onto), and rows that break only
/// between cells, never inside one. Columns share the line's width by how much they hold,
/// counting Hangul as two.
struct HWPXTable {
    var header: [String]
    var rows: [[String]]

    /// The width of the text block on an A4 page with the section's margins.
    static let lineWidth = 48190
    static let cellMargin = (left: 510, right: 510, top: 141, bottom: 141)

    var columnWidths: [Int] {
        let n = max(1, header.count)
        // Each column wants its longest line, between a floor and a cap, in display columns.
        let wants: [Double] = (0..<n).map { c in
            let longest = ([header] + rows).map { $0.indices.contains(c) ? XLSXWriter.displayWidth($0[c]) : 0 }.max() ?? 0
            return Double(min(60, max(6, longest)))
        }
        let total = wants.reduce(0, +)
        var widths = wants.map { Int((Double(Self.lineWidth) * $0 / total).rounded(.down)) }
        widths[n - 1] += Self.lineWidth - widths.reduce(0, +)
        return widths
    }

    /// The table inside its own paragraph, numbered `id` among the document's objects.
    func xml(id: Int, paragraphs: inout HWPXParagraphs) -> String {
        let widths = columnWidths
        let all = [header] + rows.map { row in (0..<header.count).map { row.indices.contains($0) ? row[$0] : "" } }
        let heights = all.map { row in
            row.enumerated().map { c, text in Self.height(text, width: widths[c], style: .tableCell) }.max() ?? Self.height("", width: 1, style: .tableCell)
        }
        var out = "<hp:tbl id=\"\(id)\" zOrder=\"0\" numberingType=\"TABLE\" textWrap=\"TOP_AND_BOTTOM\" textFlow=\"BOTH_SIDES\" lock=\"0\" "
            + "dropcapstyle=\"None\" pageBreak=\"CELL\" repeatHeader=\"1\" rowCnt=\"\(all.count)\" colCnt=\"\(header.count)\" cellSpacing=\"0\" "
            + "borderFillIDRef=\"\(HWPXHeader.cellBorder)\" noAdjust=\"0\">"
        out += "<hp:sz width=\"\(Self.lineWidth)\" widthRelTo=\"ABSOLUTE\" height=\"\(heights.reduce(0, +))\" heightRelTo=\"ABSOLUTE\" protect=\"0\"/>"
        out += "<hp:pos treatAsChar=\"0\" affectLSpacing=\"0\" flowWithText=\"1\" allowOverlap=\"0\" holdAnchorAndSO=\"0\" vertRelTo=\"PARA\" "
            + "horzRelTo=\"COLUMN\" vertAlign=\"TOP\" horzAlign=\"LEFT\" vertOffset=\"0\" horzOffset=\"0\"/>"
        out += "<hp:outMargin left=\"0\" right=\"0\" top=\"0\" bottom=\"566\"/>"
        let m = Self.cellMargin
        out += "<hp:inMargin left=\"\(m.left)\" right=\"\(m.right)\" top=\"\(m.top)\" bottom=\"\(m.bottom)\"/>"
        for (r, row) in all.enumerated() {
            out += "<hp:tr>"
            for (c, text) in row.enumerated() {
                let isHeader = r == 0
                let style: HWPXStyle = isHeader ? .tableHeader : .tableCell
                out += "<hp:tc name=\"\" header=\"\(isHeader ? 1 : 0)\" hasMargin=\"0\" protect=\"0\" editable=\"0\" dirty=\"0\" "
                    + "borderFillIDRef=\"\(isHeader ? HWPXHeader.headerCellBorder : HWPXHeader.cellBorder)\">"
                out += "<hp:subList id=\"\" textDirection=\"HORIZONTAL\" lineWrap=\"BREAK\" vertAlign=\"\(isHeader ? "CENTER" : "TOP")\" "
                    + "linkListIDRef=\"0\" linkListNextIDRef=\"0\" textWidth=\"\(widths[c] - m.left - m.right)\" textHeight=\"0\" hasTextRef=\"0\" hasNumRef=\"0\">"
                out += paragraphs.paragraph(text, style: style)
                out += "</hp:subList><hp:cellAddr colAddr=\"\(c)\" rowAddr=\"\(r)\"/><hp:cellSpan colSpan=\"1\" rowSpan=\"1\"/>"
                out += "<hp:cellSz width=\"\(widths[c])\" height=\"\(heights[r])\"/>"
                out += "<hp:cellMargin left=\"\(m.left)\" right=\"\(m.right)\" top=\"\(m.top)\" bottom=\"\(m.bottom)\"/></hp:tc>"
            }
            out += "</hp:tr>"
        }
        return out + "</hp:tbl>"
    }

    /// About how tall a cell holding `text` is laid out: its lines at the style's size and spacing.
    /// Hangul lays the table out again on opening; this only has to be near.
    static func height(_ text: String, width: Int, style: HWPXStyle) -> Int {
        let usable = max(1, width - cellMargin.left - cellMargin.right)
        // A display column is about half the font size wide; 100 HWPUNIT is a point.
        let perLine = max(1, usable / max(1, style.size / 2))
        let lines = max(1, (XLSXWriter.displayWidth(text) + perLine - 1) / perLine)
        return lines * style.size * style.lineSpacing / 100 + cellMargin.top + cellMargin.bottom
    }
}
