import PlanCore
import PlanStore

/// The publication fields of a reporting form row (title, address, date, quote, definition
/// note), named `pt.ID`, `pu.ID`, `pd.ID`, `pq.ID` and `pn.ID`, checked as an import checks them.
enum ProvenanceFields {
    /// Field names by provenance column.
    static func names(_ id: String) -> [String: String] {
        ["source_title": "pt.\(id)", "source_url": "pu.\(id)", "source_date": "pd.\(id)", "source_quote": "pq.\(id)", "definition_note": "pn.\(id)"]
    }

    /// What the row's fields show: what was typed, else the open draft's provenance.
    static func values(_ id: String, typed: [String: String], _ p: Provenance?) -> [String: Any] {
        let n = names(id)
        return [
            "title_field": n["source_title"]!, "title": typed[n["source_title"]!] ?? p?.title ?? "",
            "url_field": n["source_url"]!, "url": typed[n["source_url"]!] ?? p?.url ?? "",
            "date_field": n["source_date"]!, "date": typed[n["source_date"]!] ?? p?.published?.iso ?? "",
            "quote_field": n["source_quote"]!, "quote": typed[n["source_quote"]!] ?? p?.quote ?? "",
            "definition_field": n["definition_note"]!, "definition": typed[n["definition_note"]!] ?? p?.definitionNote ?? "",
        ]
    }

    /// The row's provenance and what is wrong with it (`limited` caps each field's length).
    static func read(_ id: String, form: SubmittedForm, source: String?, periodEnd: CalendarDay, today: CalendarDay,
                     limited: (String) -> String?) -> (Provenance?, [ImportIssue]) {
        var parts: [String: String] = [:]
        for (column, field) in names(id) { parts[column] = limited(field) }
        let (provenance, problems) = ProvenanceRules.check(parts, source: source, periodEnd: periodEnd, today: today)
        return (provenance, problems.map(\.issue))
    }
}
