/// A report as HTML: a page of its own that prints on A4 as the office files it (page numbers and
/// the as-of date in the bottom margin, table headers repeated on every page, no row cut in two),
/// and the same content as a fragment the workspace shows inside its own page.
extension ReportDocument {
    public var html: String {
        let e = HTMLText.escape
        return """
        <!doctype html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>body{font-family:"Noto Sans KR","NanumGothic","Nanum Gothic","Malgun Gothic",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a;word-break:keep-all}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .45rem;text-align:left;vertical-align:top}
        th{background:#eef1f5}h1{font-size:1.6rem;text-align:center;margin-bottom:.25rem}.subtitle{text-align:center;margin:0;color:#333}
        h2{font-size:1.3rem;border-bottom:2px solid #1f3b63;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem}
        ul.outline,ol.sources{list-style:none;padding:0}.outline-1{font-weight:700;margin-top:.6rem}.outline-2{padding-left:1.2rem}.outline-3{padding-left:2.6rem}
        \(Self.printStyle(running: running))</style></head><body>
        \(bodyHTML())</body></html>

        """
    }

    /// The rules that make the page print as a document: A4, the as-of date and "page / pages"
    /// in the bottom margin, headers repeated, rows kept whole, headings kept with what follows.
    public static func printStyle(running: String) -> String {
        let font = "font-family:\"Noto Sans KR\",\"NanumGothic\",\"Nanum Gothic\",\"Malgun Gothic\",sans-serif"
        return "@page{size:A4;margin:18mm 16mm 20mm;@bottom-left{content:\"\(cssString(running))\";font-size:9pt;color:#333;\(font)}"
            + "@bottom-right{content:counter(page) \" / \" counter(pages);font-size:9pt;color:#333;\(font)}}"
            + "@media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}thead{display:table-header-group}"
            + "tr,li{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}}"
    }

    /// Text as the content of a CSS string: quotes and backslashes escaped, and nothing left that
    /// could end the string, the rule or the `<style>` element around it.
    public static func cssString(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\"", "\\": out += "\\" + String(c)
            case "\n", "\r", "<", ">", "{", "}", ";": out += "\\" + String(c.value, radix: 16) + " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The report without the page around it: its title block, then its blocks in order. The
    /// title is a heading of level `top` (2 inside a page that has its own `h1`).
    public func bodyHTML(top: Int = 1) -> String {
        let e = HTMLText.escape
        var out = "<article class=\"report\">\n<h\(top) class=\"title\">\(e(title))</h\(top)>\n"
        for line in subtitle { out += "<p class=\"subtitle\">\(e(line))</p>\n" }
        for b in blocks {
            switch b {
            case .heading(let level, let text): out += "<h\(min(6, level + top))>\(e(text))</h\(min(6, level + top))>\n"
            case .paragraph(let text): out += "<p>\(e(text))</p>\n"
            case .list(let items): out += "<ul>\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            case .outline(let items):
                out += "<ul class=\"outline\">\n" + items.map { "<li class=\"outline-\($0.level.rawValue)\">\(e($0.line))</li>\n" }.joined() + "</ul>\n"
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
        return out + "</article>\n"
    }
}
