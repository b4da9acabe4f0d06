import PlanCore

/// Renders the Markdown the project's documents use (headings, paragraphs, lists, tables,
/// block quotes, code blocks, rules; bold, italics, code and links inside) to HTML, escaping
/// all text. Enough for `docs/method.md` on `/method`; not a general CommonMark implementation.
enum MarkdownRenderer {
    static func html(_ markdown: String) -> String {
        var out = ""
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var paragraph: [String] = []
        var lastHeading: (id: String, text: String)?
        func flush() {
            if !paragraph.isEmpty {
                out += "<p>" + inline(paragraph.joined(separator: " ")) + "</p>\n"
                paragraph = []
            }
        }
        while let line = lines.first {
            lines = lines.dropFirst()
            let t = line.trimmingSpaces
            if t.isEmpty { flush(); continue }
            if t.hasPrefix("```") {
                flush()
                var code: [String] = []
                while let l = lines.first, !l.trimmingSpaces.hasPrefix("```") { code.append(l); lines = lines.dropFirst() }
                lines = lines.dropFirst()
                // A code block scrolls sideways on a phone: it takes the focus, so the keyboard can scroll it.
                out += "<pre tabindex=\"0\"><code>" + HTMLText.escape(code.joined(separator: "\n")) + "</code></pre>\n"
                continue
            }
            if let level = heading(t) {
                flush()
                let text = String(t.dropFirst(level + 1))
                lastHeading = (anchor(text), text)
                out += "<h\(level) id=\"\(HTMLText.escape(anchor(text)))\">\(inline(text))</h\(level)>\n"
                continue
            }
            if t == "---" || t == "***" { flush(); out += "<hr>\n"; continue }
            if t.hasPrefix("|") {
                flush()
                var rows = [t]
                while let l = lines.first, l.trimmingSpaces.hasPrefix("|") { rows.append(l.trimmingSpaces); lines = lines.dropFirst() }
                out += table(rows, under: lastHeading)
                continue
            }
            if t.hasPrefix(">") {
                flush()
                var quote = [String(t.dropFirst()).trimmingSpaces]
                while let l = lines.first, l.trimmingSpaces.hasPrefix(">") { quote.append(String(l.trimmingSpaces.dropFirst()).trimmingSpaces); lines = lines.dropFirst() }
                out += "<blockquote>" + html(quote.joined(separator: "\n")) + "</blockquote>\n"
                continue
            }
            if let marker = listMarker(t) {
                flush()
                let ordered = marker.ordered
                var items = [String(t.dropFirst(marker.length))]
                while let l = lines.first {
                    let lt = l.trimmingSpaces
                    if let m = listMarker(lt), m.ordered == ordered, !l.hasPrefix("  ") {
                        items.append(String(lt.dropFirst(m.length)))
                    } else if !lt.isEmpty, l.hasPrefix("  ") || l.hasPrefix("\t") {
                        items[items.count - 1] += (listMarker(lt) != nil ? "\n" : " ") + lt
                    } else {
                        break
                    }
                    lines = lines.dropFirst()
                }
                let tag = ordered ? "ol" : "ul"
                out += "<\(tag)>" + items.map { item in
                    let parts = item.split(separator: "\n").map(String.init)
                    let nested = parts.dropFirst()
                    return "<li>" + inline(parts.first ?? "") + (nested.isEmpty ? "" : html(nested.joined(separator: "\n"))) + "</li>"
                }.joined() + "</\(tag)>\n"
                continue
            }
            paragraph.append(t)
        }
        flush()
        return out
    }

    static func heading(_ t: String) -> Int? {
        let hashes = t.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), t.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    static func listMarker(_ t: String) -> (ordered: Bool, length: Int)? {
        if t.hasPrefix("- ") || t.hasPrefix("* ") { return (false, 2) }
        let digits = t.prefix { $0.isASCIIDigit }.count
        if digits > 0, t.dropFirst(digits).hasPrefix(". ") { return (true, digits + 2) }
        return nil
    }

    static func anchor(_ text: String) -> String {
        let kept = text.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
        return kept.split(separator: " ").joined(separator: "-")
    }

    /// A table in a box that scrolls sideways on a phone; the box takes the keyboard's focus (so
    /// it can be scrolled without a mouse) and is named by the heading the table is under, which
    /// is also its (hidden) caption.
    static func table(_ rows: [String], under heading: (id: String, text: String)? = nil) -> String {
        func cells(_ row: String) -> [String] {
            var r = row.trimmingSpaces
            if r.hasPrefix("|") { r.removeFirst() }
            if r.hasSuffix("|") { r.removeLast() }
            var out: [String] = [], cur = "", escaped = false
            for ch in r {
                if escaped { cur.append(ch); escaped = false; continue }
                if ch == "\\" { escaped = true; continue }
                if ch == "|" { out.append(cur.trimmingSpaces); cur = ""; continue }
                cur.append(ch)
            }
            out.append(cur.trimmingSpaces)
            return out
        }
        guard let header = rows.first else { return "" }
        let body = rows.dropFirst().filter { !$0.replacingOccurrences(of: " ", with: "").allSatisfy { "|-:".contains($0) } }
        let named = heading.map { " role=\"region\" aria-labelledby=\"\(HTMLText.escape($0.id))\"" } ?? ""
        let caption = heading.map { "<caption class=\"visually-hidden\">\(inline($0.text))</caption>" } ?? ""
        var out = "<div class=\"table-wrap\"\(named) tabindex=\"0\"><table>\(caption)<thead><tr>" + cells(header).map { "<th scope=\"col\">\(inline($0))</th>" }.joined() + "</tr></thead><tbody>"
        for r in body { out += "<tr>" + cells(r).map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }
        return out + "</tbody></table></div>\n"
    }

    /// Bold, italics, code and links; everything else escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        var s = Substring(text)
        while let c = s.first {
            if c == "`", let end = s.dropFirst().firstIndex(of: "`") {
                out += "<code>" + HTMLText.escape(String(s[s.index(after: s.startIndex)..<end])) + "</code>"
                s = s[s.index(after: end)...]
            } else if s.hasPrefix("**"), let end = s.dropFirst(2).range(of: "**") {
                out += "<strong>" + inline(String(s[s.index(s.startIndex, offsetBy: 2)..<end.lowerBound])) + "</strong>"
                s = s[end.upperBound...]
            } else if c == "[", let close = s.firstIndex(of: "]"), s[s.index(after: close)...].hasPrefix("("),
                      let paren = s[close...].firstIndex(of: ")") {
                let label = String(s[s.index(after: s.startIndex)..<close])
                let url = String(s[s.index(close, offsetBy: 2)..<paren])
                let safe = url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("/") || url.hasPrefix("#")
                out += safe ? "<a href=\"\(HTMLText.escape(url))\">\(inline(label))</a>" : inline(label)
                s = s[s.index(after: paren)...]
            } else if c == "*", s.count > 2, s.dropFirst().first != " ", let end = s.dropFirst().firstIndex(of: "*") {
                out += "<em>" + inline(String(s[s.index(after: s.startIndex)..<end])) + "</em>"
                s = s[s.index(after: end)...]
            } else {
                out += HTMLText.escape(String(c))
                s = s.dropFirst()
            }
        }
        return out
    }
}
