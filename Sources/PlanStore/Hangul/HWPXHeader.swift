/// `Contents/header.xml`: the document's fonts (함초롬바탕 and 맑은 고딕 for every script), the
/// borders and fills of tables, and one character shape, paragraph shape and named style per
/// `HWPXStyle`, in the order the OWPML schema (KS X 6101) gives them.
enum HWPXHeader {
    /// The border-fill ids: none (paragraphs, text), a ruled cell, a ruled and shaded header cell.
    static let plainBorder = 1, cellBorder = 2, headerCellBorder = 3

    static let fonts = ["함초롬바탕", "맑은 고딕"]
    static let scripts = ["HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER"]

    static var xml: String {
        var out = HWPXText.declaration + "<hh:head\(HWPXText.namespaceAttributes) version=\"1.5\" secCnt=\"1\">"
        out += "<hh:beginNum page=\"1\" footnote=\"1\" endnote=\"1\" pic=\"1\" tbl=\"1\" equation=\"1\"/><hh:refList>"
        out += "<hh:fontfaces itemCnt=\"\(scripts.count)\">" + scripts.map { script in
            "<hh:fontface lang=\"\(script)\" fontCnt=\"\(fonts.count)\">"
                + fonts.enumerated().map { "<hh:font id=\"\($0.offset)\" face=\"\($0.element)\" type=\"TTF\" isEmbedded=\"0\"/>" }.joined()
                + "</hh:fontface>"
        }.joined() + "</hh:fontfaces>"
        out += "<hh:borderFills itemCnt=\"3\">" + borderFill(plainBorder, line: "NONE", fill: nil)
            + borderFill(cellBorder, line: "SOLID", fill: nil) + borderFill(headerCellBorder, line: "SOLID", fill: "#E4E9F0") + "</hh:borderFills>"
        out += "<hh:charProperties itemCnt=\"\(HWPXStyle.allCases.count)\">" + HWPXStyle.allCases.map(charShape).joined() + "</hh:charProperties>"
        out += "<hh:tabProperties itemCnt=\"1\"><hh:tabPr id=\"0\" autoTabLeft=\"0\" autoTabRight=\"0\"/></hh:tabProperties>"
        out += "<hh:paraProperties itemCnt=\"\(HWPXStyle.allCases.count)\">" + HWPXStyle.allCases.map(paraShape).joined() + "</hh:paraProperties>"
        out += "<hh:styles itemCnt=\"\(HWPXStyle.allCases.count)\">" + HWPXStyle.allCases.map { s in
            "<hh:style id=\"\(s.rawValue)\" type=\"PARA\" name=\"\(s.name.ko)\" engName=\"\(s.name.en)\" paraPrIDRef=\"\(s.rawValue)\" "
                + "charPrIDRef=\"\(s.rawValue)\" nextStyleIDRef=\"\(s.rawValue)\" langID=\"1042\" lockForm=\"0\"/>"
        }.joined() + "</hh:styles>"
        out += "</hh:refList><hh:compatibleDocument targetProgram=\"HWP201X\"><hh:layoutCompatibility/></hh:compatibleDocument>"
        out += "<hh:trackchangeConfig flags=\"56\"/><hh:docOption><hh:linkinfo path=\"\" pageInherit=\"0\" footnoteInherit=\"0\"/></hh:docOption>"
        return out + "</hh:head>"
    }

    static func borderFill(_ id: Int, line: String, fill: String?) -> String {
        let side = { (name: String) in "<hh:\(name) type=\"\(line)\" width=\"0.12 mm\" color=\"#000000\"/>" }
        var out = "<hh:borderFill id=\"\(id)\" threeD=\"0\" shadow=\"0\" centerLine=\"NONE\" breakCellSeparateLine=\"0\">"
        out += "<hh:slash type=\"NONE\" Crooked=\"0\" isCounter=\"0\"/><hh:backSlash type=\"NONE\" Crooked=\"0\" isCounter=\"0\"/>"
        out += side("leftBorder") + side("rightBorder") + side("topBorder") + side("bottomBorder")
        out += "<hh:diagonal type=\"NONE\" width=\"0.1 mm\" color=\"#000000\"/>"
        if let fill { out += "<hc:fillBrush><hc:winBrush faceColor=\"\(fill)\" hatchColor=\"#000000\" alpha=\"0\"/></hc:fillBrush>" }
        return out + "</hh:borderFill>"
    }

    static func charShape(_ s: HWPXStyle) -> String {
        let font = s.face.rawValue
        let all = { (name: String, value: Int) in
            "<hh:\(name) " + scripts.map { "\($0.lowercased())=\"\(value)\"" }.joined(separator: " ") + "/>"
        }
        return "<hh:charPr id=\"\(s.rawValue)\" height=\"\(s.size)\" textColor=\"\(s.colour)\" shadeColor=\"#FFFFFF\" useFontSpace=\"0\" "
            + "useKerning=\"0\" symMark=\"NONE\" borderFillIDRef=\"\(plainBorder)\">"
            + all("fontRef", font) + all("ratio", 100) + all("spacing", 0) + all("relSz", 100) + all("offset", 0)
            + (s.bold ? "<hh:bold/>" : "")
            + "<hh:underline type=\"NONE\" shape=\"SOLID\" color=\"#000000\"/><hh:strikeout shape=\"NONE\" color=\"#000000\"/>"
            + "<hh:outline type=\"NONE\"/><hh:shadow type=\"NONE\" color=\"#C0C0C0\" offsetX=\"10\" offsetY=\"10\"/></hh:charPr>"
    }

    /// A paragraph shape. Its spacing is written as Hangul writes it: once for readers that know
    /// the 2016 unit namespace and once as the default, with the same values.
    static func paraShape(_ s: HWPXStyle) -> String {
        let spacing = "<hh:margin><hc:intent value=\"\(s.indent)\" unit=\"HWPUNIT\"/><hc:left value=\"\(s.left)\" unit=\"HWPUNIT\"/>"
            + "<hc:right value=\"0\" unit=\"HWPUNIT\"/><hc:prev value=\"\(s.before)\" unit=\"HWPUNIT\"/><hc:next value=\"\(s.after)\" unit=\"HWPUNIT\"/></hh:margin>"
            + "<hh:lineSpacing type=\"PERCENT\" value=\"\(s.lineSpacing)\" unit=\"HWPUNIT\"/>"
        return "<hh:paraPr id=\"\(s.rawValue)\" tabPrIDRef=\"0\" condense=\"0\" fontLineHeight=\"0\" snapToGrid=\"1\" suppressLineNumbers=\"0\" checked=\"0\">"
            + "<hh:align horizontal=\"\(s.align)\" vertical=\"BASELINE\"/><hh:heading type=\"NONE\" idRef=\"0\" level=\"0\"/>"
            + "<hh:breakSetting breakLatinWord=\"KEEP_WORD\" breakNonLatinWord=\"KEEP_WORD\" widowOrphan=\"1\" keepWithNext=\"\(s.keepWithNext ? 1 : 0)\" "
            + "keepLines=\"\(s.keepWithNext ? 1 : 0)\" pageBreakBefore=\"0\" lineWrap=\"BREAK\"/>"
            + "<hh:autoSpacing eAsianEng=\"0\" eAsianNum=\"0\"/>"
            + "<hp:switch><hp:case hp:required-namespace=\"http://www.hancom.co.kr/hwpml/2016/HwpUnitChar\">\(spacing)</hp:case>"
            + "<hp:default>\(spacing)</hp:default></hp:switch>"
            + "<hh:border borderFillIDRef=\"\(plainBorder)\" offsetLeft=\"0\" offsetRight=\"0\" offsetTop=\"0\" offsetBottom=\"0\" connect=\"0\" ignoreMargin=\"0\"/>"
            + "</hh:paraPr>"
    }
}
