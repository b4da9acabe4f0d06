import PlanCore

/// `Contents/section0.xml`: the report's one section on A4 portrait (margins 20 mm at the sides
/// and top, 15 mm below), with the running line (what and as of when) in the footer and the page
/// number at its right, then the title block and every block of the report in order.
enum HWPXSection {
    /// A4 in HWPUNIT (1/7200 inch), as Hangul sizes it, and the margins.
    static let pageWidth = 59528, pageHeight = 84186
    static let margin = (left: 5669, right: 5669, top: 5669, bottom: 4252, header: 2835, footer: 2835)

    static func xml(_ doc: ReportDocument) -> String {
        var paragraphs = HWPXParagraphs()
        var body = ""
        let footer = paragraphs.paragraph(doc.running, style: .footer)
        body += paragraphs.paragraph(doc.title, style: .title, before: sectionStart(footer: footer))
        for line in doc.subtitle { body += paragraphs.paragraph(line, style: .subtitle) }
        var tables = 0
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text): body += paragraphs.paragraph(text, style: level <= 1 ? .heading1 : .heading2)
            case .paragraph(let text): body += paragraphs.paragraph(text, style: .body)
            case .list(let items): for item in items { body += paragraphs.paragraph(item, style: .outline2) }
            case .outline(let items):
                for item in items {
                    let style: HWPXStyle = item.level == .heading ? .outline1 : item.level == .point ? .outline2 : .outline3
                    body += paragraphs.paragraph(item.line, style: style)
                }
            case .table(let header, let rows):
                tables += 1
                let table = HWPXTable(header: header, rows: rows).xml(id: 1000 + tables, paragraphs: &paragraphs)
                body += paragraphs.object(table, style: .body)
            case .footnotes(let notes):
                for (n, note) in notes.enumerated() { body += paragraphs.paragraph("[\(n + 1)] \(note.line)", style: .note) }
            }
        }
        return HWPXText.declaration + "<hs:sec\(HWPXText.namespaceAttributes)>" + body + "</hs:sec>"
    }

    /// What the first run of the first paragraph carries: the section's page settings, one
    /// column, the footer, and the page number.
    static func sectionStart(footer: String) -> String {
        let m = margin
        return "<hp:secPr id=\"\" textDirection=\"HORIZONTAL\" spaceColumns=\"1134\" tabStopVal=\"4000\" tabStopUnit=\"HWPUNIT\" "
            + "outlineShapeIDRef=\"0\" memoShapeIDRef=\"0\" textVerticalWidthHead=\"0\" masterPageCnt=\"0\">"
            + "<hp:startNum pageStartsOn=\"BOTH\" page=\"0\" pic=\"0\" tbl=\"0\" equation=\"0\"/>"
            + "<hp:grid lineGrid=\"0\" charGrid=\"0\" wonggojiFormat=\"0\"/>"
            + "<hp:visibility hideFirstHeader=\"0\" hideFirstFooter=\"0\" hideFirstMasterPage=\"0\" border=\"SHOW_ALL\" fill=\"SHOW_ALL\" "
            + "hideFirstPageNum=\"0\" hideFirstEmptyLine=\"0\" showLineNumber=\"0\"/>"
            + "<hp:lineNumberShape restartType=\"0\" countBy=\"0\" distance=\"0\" startNumber=\"0\"/>"
            + "<hp:pagePr landscape=\"WIDELY\" width=\"\(pageWidth)\" height=\"\(pageHeight)\" gutterType=\"LEFT_ONLY\">"
            + "<hp:margin left=\"\(m.left)\" right=\"\(m.right)\" top=\"\(m.top)\" bottom=\"\(m.bottom)\" header=\"\(m.header)\" footer=\"\(m.footer)\" gutter=\"0\"/></hp:pagePr>"
            + "</hp:secPr>"
            + "<hp:ctrl><hp:colPr id=\"\" type=\"NEWSPAPER\" layout=\"LEFT\" colCount=\"1\" sameSz=\"1\" sameGap=\"0\"/></hp:ctrl>"
            + "<hp:ctrl><hp:footer id=\"1\" applyPageType=\"BOTH\"><hp:subList id=\"\" textDirection=\"HORIZONTAL\" lineWrap=\"BREAK\" "
            + "vertAlign=\"BOTTOM\" linkListIDRef=\"0\" linkListNextIDRef=\"0\" textWidth=\"\(pageWidth - m.left - m.right)\" textHeight=\"\(m.footer)\" "
            + "hasTextRef=\"0\" hasNumRef=\"0\">\(footer)</hp:subList></hp:footer></hp:ctrl>"
            + "<hp:ctrl><hp:pageNum pos=\"BOTTOM_RIGHT\" formatType=\"DIGIT\" sideChar=\"-\"/></hp:ctrl>"
    }
}
