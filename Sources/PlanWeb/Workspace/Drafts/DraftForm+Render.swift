import PlanCore

/// What the `draft_item` template reads of a `DraftForm`: each field with its value (from the
/// item's YAML, or as typed when the form comes back refused), its problems and its label.
extension DraftForm {
    struct Marks {
        var errors: [String: [String]] = [:]
        var warnings: [String: [String]] = [:]
    }

    func render(_ tree: YAMLTree, typed: SubmittedForm?, marks: Marks, addRowTo: String? = nil, c: PageContext) -> [[String: Any]] {
        sections.enumerated().map { n, section in
            var out: [String: Any] = [
                "legend": section.legend, "note": section.note ?? "", "id": "section-\(n + 1)",
                "fields": section.fields.map { field in
                    let value = typed.map { $0[field.path] ?? "" } ?? Self.shown(tree[YAMLPath(field.path)], field)
                    let chosen = typed.map { Set($0.fields[field.path] ?? []) } ?? Set(tree[YAMLPath(field.path)]?.items.compactMap(\.scalar) ?? [])
                    return Self.field(field, name: field.path, label: field.label, value: value, chosen: chosen, marks: marks, inTable: false)
                },
            ]
            if let rows = section.rows {
                let existing = tree[rows.key]?.items ?? []
                var count = typed.flatMap { Int($0["rows.\(rows.key)"] ?? "") }.map { min($0, Self.maxRows) } ?? existing.count + 1
                if addRowTo == rows.key { count += 1 }
                count = max(count, 1)
                let rowData: [[String: Any]] = (0..<count).map { r in
                    let prefix = "\(rows.key).\(r)"
                    let node = r < existing.count ? existing[r] : nil
                    let number = c.catalog.format("draft_row_label", ["n": String(r + 1)])
                    return [
                        "label": number, "id": "row-\(rows.key)-\(r)",
                        "cells": rows.fields.map { field -> [String: Any] in
                            let name = "\(prefix).\(field.path)"
                            let value = typed.map { $0[name] ?? "" } ?? Self.shown(node?[YAMLPath(field.path)], field)
                            let chosen = typed.map { Set($0.fields[name] ?? []) } ?? Set(node?[YAMLPath(field.path)]?.items.compactMap(\.scalar) ?? [])
                            return Self.field(field, name: name, label: "\(rows.caption) \(number): \(field.label)", value: value, chosen: chosen,
                                              marks: marks, inTable: true)
                        },
                        "remove": "\(prefix).remove", "removed": typed?["\(prefix).remove"] != nil,
                        "remove_label": c.catalog.format("draft_row_remove", ["row": "\(rows.caption) \(number)"]),
                        "has_error": rows.fields.contains { marks.errors["\(prefix).\($0.path)"] != nil },
                    ]
                }
                out["rows"] = [
                    "key": rows.key, "caption": rows.caption, "count": count, "rows": rowData,
                    "headers": rows.fields.map { ["label": $0.label, "hint": $0.hint ?? ""] },
                    "add_label": c.catalog.format("draft_row_add", ["what": rows.caption]),
                ]
            }
            return out
        }
    }

    static func field(_ field: Field, name: String, label: String, value: String, chosen: Set<String>, marks: Marks, inTable: Bool) -> [String: Any] {
        let hint = !inTable && field.hint != nil
        let describe = [hint ? "hint-\(name)" : nil, marks.errors[name] != nil ? "err-\(name)" : nil, marks.warnings[name] != nil ? "warn-\(name)" : nil]
            .compactMap { $0 }.joined(separator: " ")
        var out: [String: Any] = [
            "in_table": inTable, "show_hint": hint, "describe": describe,
            "id": name, "name": name, "label": label, "short_label": field.label, "value": value, "hint": field.hint ?? "",
            "lang": field.lang ?? (name.hasSuffix(".ko") ? "ko" : ""), "required": field.required,
            "error": (marks.errors[name] ?? []).joined(separator: " "), "has_error": marks.errors[name] != nil,
            "warnings": marks.warnings[name] ?? [], "has_warnings": marks.warnings[name] != nil,
        ]
        switch field.kind {
        case .text: out["is_text"] = true
        case .number: out["is_text"] = true; out["numeric"] = true
        case .date: out["is_date"] = true
        case .textarea: out["is_textarea"] = true
        case .select(let options):
            out["is_select"] = true
            out["options"] = options.map { ["value": $0.value, "label": $0.label, "selected": $0.value == value] }
        case .choices(let options):
            out["is_choices"] = true
            out["choices"] = options.enumerated().map { i, o in
                ["value": o.value, "label": o.label, "checked": chosen.contains(o.value), "id": "\(name)-\(i)"]
            }
        }
        return out
    }

    /// A stored value as the form shows it: numbers with thousands separators.
    static func shown(_ node: YAMLTree?, _ field: Field) -> String {
        guard let text = node?.scalar else { return "" }
        guard case .number = field.kind else { return text }
        return grouped(text)
    }

    /// `1234567.5` → `1,234,567.5`; anything but plain digits is left as it is.
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
              parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return text }
        var out = ""
        for (i, ch) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (negative ? "-" : "") + out + (parts.count == 2 ? "." + parts[1] : "")
    }
}
