/// The text of a shared string (`<si>`) or an inline string (`<is>`): its `<t>` elements,
/// rich-text runs joined, phonetic guides (`<rPh>`, furigana) left out.
struct XLSXRichText {
    private var raw = ""
    private var inText = false
    private var phonetic = 0

    var value: String { XLSXCellText.unescape(raw) }
    /// The text's length so far, in UTF-8, for the cell limit.
    var bytes: Int { raw.utf8.count }

    mutating func open(_ name: String, selfClosing: Bool) {
        guard !selfClosing else { return }
        if name == "rPh" { phonetic += 1 } else if name == "t" && phonetic == 0 { inText = true }
    }

    mutating func close(_ name: String) {
        if name == "rPh" { phonetic = max(0, phonetic - 1) } else if name == "t" { inText = false }
    }

    mutating func append(_ s: String) {
        if inText { raw += s }
    }
}
