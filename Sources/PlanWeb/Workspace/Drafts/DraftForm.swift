import PlanCore

/// The edit form of one item of a draft revision (`PlanItem`), described once and used three
/// ways: to render the fields from the item's YAML (or from what was typed), to write what was
/// typed into the item's YAML exactly as typed, and to put each problem the plan loader finds
/// beside the field that wrote the node. A field is named by the path of the node it fills
/// (`title.ko`, `targets.2.value`), so nothing is translated twice.
struct DraftForm {
    struct Field {
        enum Kind {
            case text, number, textarea, date
            case select([(value: String, label: String)])
            /// Check boxes: a list of the chosen values.
            case choices([(value: String, label: String)])
        }

        var path: String
        var label: String
        var kind: Kind = .text
        var hint: String?
        /// `en` for a field typed in English.
        var lang: String?
        var required = false
    }

    /// A list of like mappings (targets, budget commitments, laws), one table row each, with one
    /// blank row to add another and a box to remove a row.
    struct Rows {
        var key: String
        var caption: String
        var fields: [Field]
        /// Kept as an empty list when every row is removed (an indicator's targets), so the
        /// loader says what is missing at the list.
        var keepsEmpty = false
        /// A value changed without its wording (`asWritten`) being touched takes the typed text
        /// as its wording, so old wording never stands beside a new number.
        var values: [String] = []
    }

    struct Section {
        var legend: String
        var fields: [Field] = []
        var rows: Rows?
        /// Shown above the fields.
        var note: String?
    }

    var sections: [Section]
    /// Single mappings whose wording follows their value, as in `Rows.values` (`baseline`).
    var worded: [(path: String, values: [String])] = []

    static let maxRows = 200

    // MARK: Applying what was typed

    /// What was typed, written into `current` (the item's YAML), and for every node a field
    /// wrote, the field's name.
    struct Applied {
        var tree: YAMLTree
        var fieldOf: [YAMLPath: String]
        /// Field names in the order of the form.
        var order: [String]
    }

    func apply(_ form: SubmittedForm, to current: YAMLTree) -> Applied {
        var tree = current
        var fieldOf: [YAMLPath: String] = [:]
        var order: [String] = []
        for section in sections {
            for field in section.fields {
                let path = YAMLPath(field.path)
                fieldOf[path] = field.path
                order.append(field.path)
                tree.assign(path, Self.value(field, form: form, name: field.path))
            }
            if let rows = section.rows {
                let (list, names) = apply(rows, form: form, existing: current[rows.key]?.items ?? [])
                for (path, name) in names { fieldOf[path] = name }
                order += rows.fields.map { "\(rows.key).0.\($0.path)" }
                fieldOf[YAMLPath(rows.key)] = fieldOf[YAMLPath(rows.key)] ?? "\(rows.key).0.\(rows.fields.first?.path ?? "")"
                tree.assign(YAMLPath(rows.key), list.isEmpty && !rows.keepsEmpty ? nil : .sequence(list))
            }
        }
        for (path, values) in worded {
            let p = YAMLPath(path)
            guard var node = tree[p] else { continue }
            Self.reword(&node, was: current[p], values: values)
            tree.assign(p, node)
        }
        return Applied(tree: tree, fieldOf: fieldOf, order: order)
    }

    private func apply(_ rows: Rows, form: SubmittedForm, existing: [YAMLTree]) -> ([YAMLTree], [(YAMLPath, String)]) {
        let count = min(Int(form["rows.\(rows.key)"] ?? "") ?? existing.count, Self.maxRows)
        var list: [YAMLTree] = []
        var names: [(YAMLPath, String)] = []
        for r in 0..<count {
            let prefix = "\(rows.key).\(r)"
            if form["\(prefix).remove"] != nil { continue }
            let values = rows.fields.map { Self.value($0, form: form, name: "\(prefix).\($0.path)") }
            if values.allSatisfy({ $0 == nil }) { continue }
            var row = r < existing.count ? existing[r] : .mapping([])
            for (field, value) in zip(rows.fields, values) { row.assign(YAMLPath(field.path), value) }
            if !rows.values.isEmpty { Self.reword(&row, was: r < existing.count ? existing[r] : nil, values: rows.values) }
            let at = YAMLPath(rows.key).appending(list.count)
            names.append((at, "\(prefix).\(rows.fields.first?.path ?? "")"))
            for field in rows.fields { names.append((at.appending(YAMLPath(field.path)), "\(prefix).\(field.path)")) }
            list.append(row.isEmptyContainer ? .mapping([]) : row)
        }
        return (list, names)
    }

    /// The node a field writes: its text as typed (nil when empty), or the chosen values.
    static func value(_ field: Field, form: SubmittedForm, name: String) -> YAMLTree? {
        if case .choices = field.kind {
            let chosen = (form.fields[name] ?? []).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            return chosen.isEmpty ? nil : .sequence(chosen.map(YAMLTree.scalar))
        }
        let text = form.text(name)
        return text.isEmpty ? nil : .scalar(text)
    }

    /// A changed value whose wording was left as it was: the wording becomes what was typed
    /// (kept only when it says more than plain digits).
    static func reword(_ node: inout YAMLTree, was old: YAMLTree?, values: [String]) {
        let number = { (t: YAMLTree?) -> Double? in t?.scalar.flatMap { try? KoreanNumberParser.parse($0).value } }
        guard let changed = values.first(where: { key in
            let new = node[key]?.scalar, before = old?[key]?.scalar
            return new != before && (number(node[key]) == nil || number(node[key]) != number(old?[key]))
        }) else { return }
        guard node["asWritten"]?.scalar == old?["asWritten"]?.scalar else { return }
        let typed = node[changed]?.scalar ?? ""
        let plain = typed.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }
        node.set("asWritten", plain || typed.isEmpty ? nil : .scalar(typed))
    }

    // MARK: Placing problems

    /// The field a problem found at `path` (within the item) belongs to: the field that wrote the
    /// node; for a problem with a mapping, the field of a key the message names, else the first
    /// field within it.
    static func field(for path: YAMLPath, message: String, applied: Applied) -> String? {
        if let name = applied.fieldOf[path] { return name }
        for key in quotedWords(message) {
            if let name = applied.fieldOf[path.appending(YAMLPath(key))] { return name }
        }
        let inside = applied.fieldOf.filter { $0.key.hasPrefix(path) }.map(\.value)
        if let first = applied.order.first(where: inside.contains) ?? inside.min() { return first }
        var up = path.parent
        while let p = up {
            if let name = applied.fieldOf[p] { return name }
            up = p.parent
        }
        return nil
    }

    /// The words a message puts in single quotes: `'unit'`, `'en'`.
    static func quotedWords(_ message: String) -> [String] {
        message.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
