/// A small structured document, written once and rendered as Markdown, HTML, a workbook and a
/// Hangul document, so every form of a report says the same thing, figure for figure.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(Int, String)
        case paragraph(String)
        case list([String])
        /// The 개조식 outline Korean reports are written in: □ headings, ○ points, - details.
        case outline([OutlineItem])
        case table([String], [[String]])
        /// Numbered sources, cited in the text as [1], [2]…
        case footnotes([Footnote])
    }

    /// One line of a 개조식 outline. Its level says its mark and indent.
    public struct OutlineItem: Sendable, Hashable {
        public enum Level: Int, Sendable, CaseIterable {
            case heading = 1, point, detail

            /// □ for a heading, ○ for a point, - for a detail.
            public var mark: String {
                switch self {
                case .heading: return "□"
                case .point: return "○"
                case .detail: return "-"
                }
            }
        }

        public var level: Level
        public var text: String

        public init(_ level: Level, _ text: String) {
            self.level = level
            self.text = text
        }

        /// The line as printed: its mark, a space, its words.
        public var line: String { "\(level.mark) \(text)" }
    }

    /// One cited source: the words, and the address when there is one.
    public struct Footnote: Sendable, Hashable {
        public var text: String
        public var url: String?

        public init(text: String, url: String?) {
            self.text = text
            self.url = url
        }

        /// The note as printed after its number: its words, then its address.
        public var line: String { text + (url.map { " \($0)" } ?? "") }
    }

    public var title: String
    public var language: Language
    /// The lines under the title: the date the report is as of, the method it follows.
    public var subtitle: [String] = []
    /// What every printed page carries in its margin beside the page number ("2022년 6월 30일 기준").
    public var running: String = ""
    /// The day the report is as of: its date wherever a format records one.
    public var day: CalendarDay?
    public var blocks: [Block] = []

    public init(title: String, language: Language) {
        self.title = title
        self.language = language
    }

    public var markdown: String {
        var out = "# \(title)\n"
        if !subtitle.isEmpty { out += "\n" + subtitle.map { "*\($0)*" }.joined(separator: "  \n") + "\n" }
        for b in blocks {
            out += "\n"
            switch b {
            case .heading(let level, let text): out += String(repeating: "#", count: min(6, level + 1)) + " \(text)\n"
            case .paragraph(let text): out += text + "\n"
            case .list(let items): out += items.map { "- \($0)" }.joined(separator: "\n") + "\n"
            case .outline(let items):
                out += items.map { String(repeating: "  ", count: $0.level.rawValue - 1) + "- \($0.line)" }.joined(separator: "\n") + "\n"
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
