/// The API's names for the provenance columns, so an error names the field the caller sent.
enum ProvenanceInputField {
    static func name(_ column: String) -> String {
        switch column {
        case "source_title": return "provenance.title"
        case "source_url": return "provenance.url"
        case "source_date": return "provenance.published"
        case "source_quote": return "provenance.quote"
        case "definition_note": return "provenance.definitionNote"
        default: return column
        }
    }
}
