import Yams

/// Walks a composed YAML tree for the plan loader, collecting every problem with its line
/// and column instead of stopping at the first, so `plan check` can list them all.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var visited = 0
    /// How many nodes the file may expand to. Written out, a node takes at least half a byte of
    /// the file (`[a,b]`), so a file can hold at most two nodes a byte; more can only come from
    /// aliases that multiply nodes (an alias bomb). The bound grows with the file, so a plan of
    /// any size loads, while the work an alias bomb can cause stays linear in its size.
    let nodeLimit: Int

    init(file: String, sourceBytes: Int) {
        self.file = file
        nodeLimit = max(200_000, 2 * sourceBytes)
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ node: Node?, _ message: String) {
        report(node?.mark, .error, message)
    }

    func warning(_ node: Node?, _ message: String) {
        report(node?.mark, .warning, message)
    }

    func report(_ mark: Mark?, _ severity: Diagnostic.Severity, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                      severity: severity, message: message))
    }

    /// Counts nodes as they are read; false once the file is too large to be a plan.
    func admit() -> Bool {
        visited += 1
        if visited == nodeLimit {
            report(nil, .error, "the file expands to more than \(nodeLimit) YAML nodes, more than a file of its size can hold: aliases that multiply nodes are refused")
        }
        return visited < nodeLimit
    }

    // MARK: Shapes

    /// The mapping at `node` with only `allowed` keys; unknown keys are reported at their place.
    func fields(_ node: Node, _ context: String, allowed: [String]) -> Fields? {
        guard admit() else { return nil }
        guard let mapping = node.mapping else {
            error(node, "\(context) must be a mapping of keys to values, not \(kind(of: node))")
            return nil
        }
        let allowedSet = Set(allowed)
        for key in mapping.keys {
            guard let name = key.scalar?.string else {
                error(key, "keys in \(context) must be plain words")
                continue
            }
            if !allowedSet.contains(name) {
                if name.first?.isNumber == true {
                    error(key, "unknown key '\(name)' in \(context): a number with a comma inside { } must be quoted, e.g. value: \"1,300종\"")
                    continue
                }
                let hint = Self.closest(name, in: allowed).map { "; did you mean '\($0)'?" } ?? " (allowed: \(allowed.joined(separator: ", ")))"
                error(key, "unknown key '\(name)' in \(context)\(hint)")
            }
        }
        return Fields(node: node, mapping: mapping, context: context, reader: self)
    }

    /// The elements of a sequence, or an error when `node` is something else.
    func sequence(_ node: Node, _ context: String) -> [Node] {
        guard admit() else { return [] }
        if node.null != nil { return [] }
        guard let seq = node.sequence else {
            error(node, "\(context) must be a list (each item starting with '- '), not \(kind(of: node))")
            return []
        }
        return Array(seq)
    }

    func kind(of node: Node) -> String {
        switch node {
        case .scalar(let s): return "the text '\(s.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// Korean text with an optional or required English translation: `{ko: …, en: …}`, or a
    /// plain string for Korean only. `context` says where, for messages.
    func text(_ v: Node, _ context: String, needsEnglish: Bool = false) -> LocalizedText? {
        if let s = v.scalar?.string {
            guard !s.trimmingSpaces.isEmpty else {
                error(v, "\(context) must not be empty")
                return nil
            }
            if needsEnglish {
                error(v, "\(context) needs an English translation: write {ko: …, en: …}")
            }
            return LocalizedText(ko: s)
        }
        guard let f = fields(v, context, allowed: ["ko", "en"]) else { return nil }
        let ko = f.string("ko", required: true)
        let en = f.string("en", required: needsEnglish)
        guard let ko else { return nil }
        return LocalizedText(ko: ko.trimmingSpaces, en: en?.trimmingSpaces)
    }

    /// A scalar's text, or an error when the node is a list or mapping.
    func string(_ node: Node, _ context: String) -> String? {
        guard admit() else { return nil }
        guard let scalar = node.scalar else {
            error(node, "\(context) must be a single value, not \(kind(of: node))")
            return nil
        }
        return scalar.string
    }

    static func closest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

/// The keys of one YAML mapping, read with their places for error messages.
struct Fields {
    let node: Node
    let mapping: Node.Mapping
    let context: String
    let reader: YAMLReader

    /// The value under `key`, treating an explicit `null` or `~` as absent.
    subscript(_ key: String) -> Node? {
        guard let v = value(key), v.null == nil else { return nil }
        return v
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// The value of the first key written as `key`. Keys are compared as text: Yams's own lookup
    /// compares nodes, resolving each key's tag with a regular expression on every comparison,
    /// which was most of the time spent reading a plan.
    private func value(_ key: String) -> Node? {
        for (k, v) in mapping where k.scalar?.string == key { return v }
        return nil
    }

    func keyNode(_ key: String) -> Node? { mapping.keys.first { $0.scalar?.string == key } }

    /// The value under `key`, or an error at the mapping when it is missing.
    func required(_ key: String) -> Node? {
        if let v = self[key] { return v }
        reader.error(node, "missing required field '\(key)' in \(context)")
        return nil
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let v = required ? self.required(key) : self[key] else { return nil }
        guard let s = reader.string(v, "'\(key)' in \(context)") else { return nil }
        if required && s.trimmingSpaces.isEmpty {
            reader.error(v, "'\(key)' in \(context) must not be empty")
            return nil
        }
        return s
    }

    /// Korean text with an optional or required English translation: `{ko: …, en: …}`, or a plain string for Korean only.
    func text(_ key: String, required: Bool = false, needsEnglish: Bool = false) -> LocalizedText? {
        guard let v = required ? self.required(key) : self[key] else { return nil }
        return reader.text(v, "'\(key)' in \(context)", needsEnglish: needsEnglish)
    }

    /// A day written `YYYY-MM-DD`: a publication day, the day a revision took effect.
    func day(_ key: String, required: Bool = false) -> CalendarDay? {
        guard let v = required ? self.required(key) : self[key], let s = reader.string(v, "'\(key)' in \(context)") else { return nil }
        guard let day = CalendarDay(iso: s.trimmingSpaces) else {
            reader.error(v, "'\(key)' in \(context) must be a day written YYYY-MM-DD (for example 2021-07-14), not '\(s.prefix(40))'")
            return nil
        }
        return day
    }

    func period(_ key: String, required: Bool = false) -> Period? {
        guard let v = required ? self.required(key) : self[key], let s = reader.string(v, "'\(key)' in \(context)") else { return nil }
        do {
            return try PeriodParser.period(s)
        } catch {
            reader.error(v, "'\(key)' in \(context): \(error)")
            return nil
        }
    }

    func expression(_ key: String, required: Bool = false) -> (PeriodExpression, String, Node)? {
        guard let v = required ? self.required(key) : self[key], let s = reader.string(v, "'\(key)' in \(context)") else { return nil }
        do {
            return (try PeriodParser.expression(s), s, v)
        } catch {
            reader.error(v, "'\(key)' in \(context): \(error)")
            return nil
        }
    }

    func quantity(_ key: String, required: Bool = false) -> (Quantity, Node)? {
        guard let v = required ? self.required(key) : self[key], let s = reader.string(v, "'\(key)' in \(context)") else { return nil }
        do {
            return (try KoreanNumberParser.parse(s), v)
        } catch {
            reader.error(v, "'\(key)' in \(context): \(error)")
            return nil
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let v = self[key], let s = reader.string(v, "'\(key)' in \(context)") else { return nil }
        if let value = T(rawValue: s) { return value }
        let names = T.allCases.map(\.rawValue)
        let hint = YAMLReader.closest(s, in: names).map { "; did you mean '\($0)'?" } ?? ""
        reader.error(v, "'\(key)' in \(context) is '\(s)', which is not one of: \(names.joined(separator: ", "))\(hint)")
        return nil
    }

    func integer(_ key: String) -> Int? {
        guard let v = self[key], let s = reader.string(v, "'\(key)' in \(context)") else { return nil }
        guard let n = Int(s) else {
            reader.error(v, "'\(key)' in \(context) must be a whole number, not '\(s)'")
            return nil
        }
        return n
    }

    func list(_ key: String) -> [Node] {
        guard let v = self[key] else { return [] }
        return reader.sequence(v, "'\(key)' in \(context)")
    }

    func strings(_ key: String) -> [(String, Node)] {
        list(key).compactMap { n in reader.string(n, "'\(key)' in \(context)").map { ($0, n) } }
    }
}
