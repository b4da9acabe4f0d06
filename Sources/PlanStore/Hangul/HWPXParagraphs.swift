/// Writes OWPML paragraphs (`hp:p`), numbering them in document order as Hangul expects: one
/// run of one style's character shape holding the text.
struct HWPXParagraphs {
    private(set) var next = 0

    mutating func paragraph(_ text: String, style: HWPXStyle, before: String = "") -> String {
        open(style) + "<hp:run charPrIDRef=\"\(style.rawValue)\">\(before)<hp:t>\(HWPXText.escape(text))</hp:t></hp:run></hp:p>"
    }

    /// A paragraph holding an object (a table), with an empty text run after it.
    mutating func object(_ xml: String, style: HWPXStyle) -> String {
        open(style) + "<hp:run charPrIDRef=\"\(style.rawValue)\">\(xml)<hp:t/></hp:run></hp:p>"
    }

    private mutating func open(_ style: HWPXStyle) -> String {
        defer { next += 1 }
        return "<hp:p id=\"\(next)\" paraPrIDRef=\"\(style.rawValue)\" styleIDRef=\"\(style.rawValue)\" pageBreak=\"0\" columnBreak=\"0\" merged=\"0\">"
    }
}
