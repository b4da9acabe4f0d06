/// Writes a `YAMLTree` in block style, one key per line, and remembers where each node starts,
/// so a problem the plan loader reports at a line and column can be traced back to the node
/// (and so to the form field) it came from.
///
/// Text is written plain when YAML reads it back unchanged as text, and double-quoted with
/// escapes otherwise (a leading `'`, `: `, a control character, a line break), so every string
/// survives the trip exactly.
public struct YAMLEmitter {
    /// The written document.
    public private(set) var text = ""
    /// For each line (1-based), the columns (1-based) where nodes start and their paths.
    public private(set) var places: [Int: [(column: Int, path: YAMLPath)]] = [:]
    private var line = 1
    private let keepsPlaces: Bool

    /// `keepsPlaces: false` skips the bookkeeping when only the text is wanted (a download).
    public init(keepsPlaces: Bool = true) {
        self.keepsPlaces = keepsPlaces
    }

    public static func write(_ tree: YAMLTree) -> String {
        var emitter = YAMLEmitter(keepsPlaces: false)
        emitter.document(tree)
        return emitter.text
    }

    public mutating func document(_ tree: YAMLTree) {
        switch tree {
        case .mapping(let entries) where !entries.isEmpty:
            mapping(entries, indent: 0, path: .root, firstLinePrefix: nil)
        case .sequence(let items) where !items.isEmpty:
            sequence(items, indent: 0, path: .root)
        default:
            note(column: 1, .root)
            emit(inline(tree))
            newline()
        }
    }

    /// The path of the node that starts nearest before `column` on `line` (the deepest there), or
    /// on the nearest line above that has one.
    public func path(line: Int, column: Int) -> YAMLPath? {
        var l = line
        while l >= 1 {
            if let candidates = places[l], !candidates.isEmpty {
                let before = candidates.filter { $0.column <= column }
                return (before.max { ($0.column, $0.path.steps.count) < ($1.column, $1.path.steps.count) } ?? candidates.min { $0.column < $1.column })?.path
            }
            l -= 1
        }
        return nil
    }

    // MARK: Block structure

    /// A mapping's entries with their keys at column `indent + 1`; with `firstLinePrefix` ("- "),
    /// the first entry follows it on the current line.
    private mutating func mapping(_ entries: [YAMLEntry], indent: Int, path: YAMLPath, firstLinePrefix: String?) {
        for (n, entry) in entries.enumerated() {
            if n == 0, let prefix = firstLinePrefix {
                emit(String(repeating: " ", count: max(0, indent - prefix.count)) + prefix)
            } else {
                emit(String(repeating: " ", count: indent))
            }
            let column = indent + 1
            if n == 0 { note(column: column, path) }
            let childPath = path.appending(entry.key)
            emit(entry.key + ":")
            switch entry.value {
            case .mapping(let inner) where !inner.isEmpty:
                newline()
                mapping(inner, indent: indent + 2, path: childPath, firstLinePrefix: nil)
            case .sequence(let items) where !items.isEmpty:
                newline()
                sequence(items, indent: indent + 2, path: childPath)
            default:
                emit(" ")
                note(column: column + entry.key.count + 2, childPath)
                emit(inline(entry.value))
                newline()
            }
        }
    }

    private mutating func sequence(_ items: [YAMLTree], indent: Int, path: YAMLPath) {
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(i)
            let pad = String(repeating: " ", count: indent)
            if i == 0 { note(column: indent + 1, path) }
            switch item {
            case .mapping(let entries) where !entries.isEmpty:
                mapping(entries, indent: indent + 2, path: itemPath, firstLinePrefix: "- ")
            case .sequence(let inner) where !inner.isEmpty:
                emit(pad + "-")
                newline()
                sequence(inner, indent: indent + 2, path: itemPath)
            default:
                emit(pad + "- ")
                note(column: indent + 3, itemPath)
                emit(inline(item))
                newline()
            }
        }
    }

    /// A scalar, or an empty mapping or list, on one line.
    private func inline(_ tree: YAMLTree) -> String {
        switch tree {
        case .scalar(let s): return Self.scalar(s)
        case .mapping: return "{}"
        case .sequence: return "[]"
        }
    }

    private mutating func emit(_ s: String) { text += s }

    private mutating func newline() {
        text += "\n"
        line += 1
    }

    private mutating func note(column: Int, _ path: YAMLPath) {
        guard keepsPlaces else { return }
        places[line, default: []].append((column, path))
    }

    // MARK: Scalars

    /// `s` as a YAML scalar that reads back as exactly `s`.
    public static func scalar(_ s: String) -> String {
        isPlain(s) ? s : quoted(s)
    }

    /// Whether `s` can be written without quotes in block context and read back as the same text
    /// (never as null, never cut at a comment or a key). One pass over the UTF-8 bytes: a plan
    /// file is mostly such strings, and this decides for every one of them.
    static func isPlain(_ s: String) -> Bool {
        let utf8 = s.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if indicators.contains(first) || first == space || last == space || last == colon { return false }
        if s == "null" || s == "Null" || s == "NULL" || s == "~" { return false }
        var before2: UInt8 = 0, before: UInt8 = 0
        for b in utf8 {
            // Controls (a tab and line breaks among them) and DEL.
            if b < 0x20 || b == 0x7F { return false }
            // A key (": ") or a comment (" #") inside.
            if (before == colon && b == space) || (before == space && b == hash) { return false }
            // U+0080–U+009F (C2 80–C2 9F), U+2028/U+2029 (E2 80 A8/A9), U+FEFF (EF BB BF), U+FFFE/U+FFFF (EF BF BE/BF).
            if before == 0xC2 && b <= 0x9F { return false }
            if before2 == 0xE2 && before == 0x80 && (b == 0xA8 || b == 0xA9) { return false }
            if before2 == 0xEF && ((before == 0xBB && b == 0xBF) || (before == 0xBF && (b == 0xBE || b == 0xBF))) { return false }
            (before2, before) = (before, b)
        }
        return true
    }

    /// Characters that may not start a plain scalar.
    private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
    private static let space = UInt8(ascii: " "), colon = UInt8(ascii: ":"), hash = UInt8(ascii: "#")

    /// Characters YAML cannot hold as they are: controls, line breaks, the byte-order mark.
    static func needsEscape(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c.value == 0x2028 || c.value == 0x2029 || c.value == 0xFEFF
            || c.value == 0xFFFE || c.value == 0xFFFF
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(c) {
                    let hex = String(c.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
