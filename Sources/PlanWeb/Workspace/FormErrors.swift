/// What a refused form says, each message tied to the field at fault. The page opens with a
/// summary (the `form_errors` partial: a heading, then one link per field that moves to it)
/// that takes the focus on load and is announced; each field in error is marked
/// `aria-invalid="true"` and described by its message, shown under it (`invalid.<field id>` in
/// the templates). The page's title then starts with "오류:" / "Error:" (KWCAG 2.2 오류 정정).
struct FormErrors {
    private(set) var items: [(field: String, message: String)] = []
    /// Lines shown under the summary's links: every problem of a refused file, say.
    var details: [String] = []
    var more = ""

    init() {}

    init(_ field: String, _ message: String) { add(field, message) }

    /// The first message for a field stands; the summary keeps the order of the form.
    mutating func add(_ field: String, _ message: String) {
        if !items.contains(where: { $0.field == field }) { items.append((field, message)) }
    }

    var isEmpty: Bool { items.isEmpty }

    func message(_ field: String) -> String? { items.first { $0.field == field }?.message }

    /// The values the templates read: `form_errors` for the summary, `invalid` for the fields.
    var values: [String: Any] {
        guard !items.isEmpty else { return [:] }
        return [
            "form_errors": ["count": items.count, "items": items.map { ["field": $0.field, "message": $0.message] },
                            "details": details, "has_details": !details.isEmpty, "more": more],
            "invalid": Dictionary(items.map { ($0.field, $0.message) }) { first, _ in first },
        ]
    }
}
