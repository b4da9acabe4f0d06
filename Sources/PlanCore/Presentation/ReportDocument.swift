/// A small structured document, written once and rendered as Markdown or HTML, so the two
/// forms of a report always say the same thing.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(Int, String)
        case paragraph(String)
        case list([String])
        case table([String], [[String]])
        /// Numbered sources, cited in the text as [1], [2]…
        case footnotes([Footnote])
    }

    /// One cited source: the words, and the address when there is one.
    public struct Footnote: Sendable, Hashable {
        public var text: String
        public var url: String?

        public init(text: String, url: String?) {
            self.text = text
            self.url = url
        }
    }

    public var title: String
    public var language: Language
    public var blocks: [Block] = []

    public init(title: String, language: Language) {
        self.title = title
        self.language = language
    }

    public var markdown: String {
        var out = "# \(title)\n"
        for b in blocks {
            out += "\n"
            switch b {
            case .heading(let level, let text): out += String(repeating: "#", count: min(6, level + 1)) + " \(text)\n"
            case .paragraph(let text): out += text + "\n"
            case .list(let items): out += items.map { "- \($0)" }.joined(separator: "\n") + "\n"
            case .table(let header, let rows):
                let cell = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
                out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
                out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
                for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
            case .footnotes(let notes):
                out += notes.enumerated().map { n, f in "- [\(n + 1)] \(f.text)" + (f.url.map { " <\($0)>" } ?? "") }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    public var html: String {
        let e = HTMLText.escape
        var out = """
        <!doctype html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>body{font-family:"Noto Sans KR","Nanum Gothic",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}
        table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#eef1f5}h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #1f3b63;padding-bottom:.2rem}
        @media print{body{margin:0}h2{break-after:avoid}table{break-inside:auto}}</style></head><body>
        <h1>\(e(title))</h1>

        """
        for b in blocks {
            switch b {
            case .heading(let level, let text): out += "<h\(min(6, level + 1))>\(e(text))</h\(min(6, level + 1))>\n"
            case .paragraph(let text): out += "<p>\(e(text))</p>\n"
            case .list(let items): out += "<ul>\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let header, let rows):
                out += "<table><thead><tr>" + header.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                for r in rows { out += "<tr>" + r.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
                out += "</tbody></table>\n"
            case .footnotes(let notes):
                out += "<ol class=\"sources\">\n" + notes.enumerated().map { n, f in
                    "<li id=\"source-\(n + 1)\">[\(n + 1)] \(e(f.text))" + (f.url.map { " <a href=\"\(e($0))\">\(e($0))</a>" } ?? "") + "</li>\n"
                }.joined() + "</ol>\n"
            }
        }
        return out + "</body></html>\n"
    }
}

/// Escapes text for HTML element content and attribute values.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
