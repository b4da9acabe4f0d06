/// The longest text each field may hold, whichever way it arrives: the API (openapi.yaml's
/// `maxLength`), the reporting forms and every import path (CSV and workbook), so a note too
/// long for the API is too long for an upload too. Counted in Unicode scalars.
public enum TextLimits {
    /// A sentence: a value in words, a source, a note, evidence, a title, a quote.
    public static let text = 2000
    /// An indicator, project or task id; a status or progress word.
    public static let id = 80
    /// A period, a year or a day.
    public static let period = 40
    /// An amount as typed (`1.2조원`).
    public static let amount = 80
    /// A web address.
    public static let url = 2048
    /// The basis a figure was counted on (`Observation.basis`): a name, not a note.
    public static let basis = 200

    /// The limit of an import column (`ImportFormat.columns`).
    public static func of(column: String) -> Int {
        switch column {
        case "indicator_id", "project_id", "task_id", "status", "progress": return id
        case "period", "fiscal_year", "year", "date", "source_date", "corrects": return period
        case "basis": return basis
        case "allocated", "executed", "jobs": return amount
        case "source_url": return url
        default: return text
        }
    }

    /// Whether `text` is within `limit` scalars, without counting past it.
    public static func fits(_ text: some StringProtocol, _ limit: Int) -> Bool {
        text.utf8.count <= limit || text.unicodeScalars.count <= limit
    }
}
