/// Text as OWPML holds it: escaped for XML as the workbook writer escapes it, without the
/// control characters XML 1.0 cannot carry (a tab or line break in a report's words becomes a
/// space: a report's cells and lines are single paragraphs).
enum HWPXText {
    static func escape(_ s: String) -> String {
        XLSXWriter.escape(clean(s))
    }

    static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || (0xFFFE...0xFFFF).contains($0.value) }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            if c == "\t" || c == "\n" || c == "\r" {
                out += " "
            } else if c.value >= 0x20 && !(0xFFFE...0xFFFF).contains(c.value) {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The namespaces Hangul declares on the root of every content part, with the prefixes it
    /// uses (OWPML's 2011 names, as Hangul writes them).
    static let namespaces = [
        ("ha", "http://www.hancom.co.kr/hwpml/2011/app"),
        ("hp", "http://www.hancom.co.kr/hwpml/2011/paragraph"),
        ("hp10", "http://www.hancom.co.kr/hwpml/2016/paragraph"),
        ("hs", "http://www.hancom.co.kr/hwpml/2011/section"),
        ("hc", "http://www.hancom.co.kr/hwpml/2011/core"),
        ("hh", "http://www.hancom.co.kr/hwpml/2011/head"),
        ("hhs", "http://www.hancom.co.kr/hwpml/2011/history"),
        ("hm", "http://www.hancom.co.kr/hwpml/2011/master-page"),
        ("hpf", "http://www.hancom.co.kr/schema/2011/hpf"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("opf", "http://www.idpf.org/2007/opf/"),
        ("ooxmlchart", "http://www.hancom.co.kr/hwpml/2016/ooxmlchart"),
        ("hwpunitchar", "http://www.hancom.co.kr/hwpml/2016/HwpUnitChar"),
        ("epub", "http://www.idpf.org/2007/ops"),
        ("config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0"),
    ]

    static let namespaceAttributes = namespaces.map { " xmlns:\($0.0)=\"\($0.1)\"" }.joined()
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>"
}
