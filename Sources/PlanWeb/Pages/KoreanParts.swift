import Foundation

/// On an English page, the Korean that comes from the plan and from reports (a target as the
/// plan wrote it, an officer's evidence, a publisher's name, a number written as Koreans write
/// it) is marked `<span lang="ko">`, so a screen reader reads it with a Korean voice instead of
/// spelling it out or skipping it (WCAG 3.1.2 Language of Parts; KWCAG 2.2 기본 언어 표시).
///
/// It runs over the finished page, in text only: never inside a tag, nor inside elements whose
/// content cannot hold markup (`title`, `textarea`, `option`, `script`, `style`) or that are
/// SVG, nor inside an element already marked `lang="ko"`.
enum KoreanParts {
    /// `html` with every run of Korean in its text wrapped in `<span lang="ko">`.
    static func mark(_ html: String) -> String {
        guard html.unicodeScalars.contains(where: isKorean) else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var text = Substring()
        var rest = Substring(html)
        // Tags are found by Unicode scalar: a `>` followed by a combining mark is one `Character`
        // that is not `>`.
        while let open = rest.unicodeScalars.firstIndex(of: "<") {
            text = rest[..<open]
            out += markText(text)
            rest = rest[open...]
            guard let close = rest.unicodeScalars.firstIndex(of: ">") else { break }
            let tag = rest[...close]
            out += tag
            rest = rest[rest.index(after: close)...]
            let name = tagName(tag)
            // Content that must stay as it is: copied through to the matching end tag.
            if skipped.contains(name) || (!tag.hasPrefix("</") && !void.contains(name) && tag.contains(" lang=\"ko")) {
                let end = matchingEnd(of: name, in: rest)
                out += rest[..<end]
                rest = rest[end...]
            }
        }
        out += markText(rest)
        return out
    }

    static let skipped: Set<String> = ["title", "textarea", "option", "script", "style", "svg"]
    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    static func tagName(_ tag: Substring) -> String {
        tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
    }

    /// Where the element just opened ends: before its end tag, counting nested ones of its name.
    static func matchingEnd(of name: String, in s: Substring) -> Substring.Index {
        var depth = 1
        var i = s.startIndex
        while let lt = s[i...].unicodeScalars.firstIndex(of: "<") {
            let after = s[s.index(after: lt)...]
            let closing = after.hasPrefix("/")
            let n = (closing ? after.dropFirst() : after).prefix { $0.isLetter || $0.isNumber }.lowercased()
            if n == name {
                if closing {
                    depth -= 1
                    if depth == 0 { return lt }
                } else {
                    let end = after.unicodeScalars.firstIndex(of: ">") ?? after.endIndex
                    if after[..<end].last != "/" { depth += 1 }
                }
            }
            i = s.unicodeScalars.index(after: lt)
        }
        return s.endIndex
    }

    static func isKorean(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0x4E00...0x9FFF, 0x300C...0x300F: return true  // Hangul, Hanja, 「」『』
        default: return false
        }
    }

    /// A run of Korean: it starts at a Korean letter (with the digits written against it, as in
    /// `15위`) and goes on over Korean, digits, spaces, entities and the punctuation Korean uses
    /// between words; trailing spaces and punctuation that closes nothing are left outside.
    static let run = try! NSRegularExpression(pattern: "(?:[0-9][0-9.,]*)?[\\p{Script=Hangul}\\p{Script=Han}「『](?:[\\p{Script=Hangul}\\p{Script=Han}0-9 .,·%()~「」『』:/\\-]|&#?[A-Za-z0-9]+;)*")

    static func markText(_ text: Substring) -> String {
        guard text.unicodeScalars.contains(where: isKorean) else { return String(text) }
        let s = String(text)
        let ns = s as NSString
        var out = "", last = 0
        for m in run.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            var piece = ns.substring(with: m.range)
            piece = trimmed(piece)
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += "<span lang=\"ko\">\(piece)</span>"
            last = m.range.location + (piece as NSString).length
        }
        return out + ns.substring(from: last)
    }

    /// Drops what a run should not end with: spaces, separators, an entity (a quote mark) and a
    /// bracket it did not open.
    static func trimmed(_ piece: String) -> String {
        var p = piece
        while true {
            if let last = p.last, " .,·:/-~(".contains(last) { p.removeLast(); continue }
            if p.hasSuffix(";"), let amp = p.lastIndex(of: "&") { p = String(p[..<amp]); continue }
            if p.last == ")", p.filter({ $0 == "(" }).count < p.filter({ $0 == ")" }).count { p.removeLast(); continue }
            return p
        }
    }
}
