/// The sources a report cites, numbered in the order they are first cited, so each value the
/// report rests on carries "[n]" and the end of the report says where it comes from.
struct ReportCitations {
    private let records: [Int64: FactRecord]
    private let language: Language
    private var numbers: [Publication: Int] = [:]
    private(set) var notes: [ReportDocument.Footnote] = []

    init(records: [Int64: FactRecord], language: Language) {
        self.records = records
        self.language = language
    }

    /// " [n]" for the source of fact `id`, or "" when it has none.
    mutating func cite(_ id: Int64?) -> String {
        guard let id, let record = records[id], let publication = Publication(record) else { return "" }
        if let n = numbers[publication] { return " [\(n)]" }
        var text = publication.publisher
        if let title = publication.title { text += language == .ko ? ", 「\(title)」" : ", \"\(title)\"" }
        if let day = publication.published { text += language == .ko ? " (\(day.korean) 발표)" : " (published \(day.english))" }
        if let quote = record.provenance?.quote { text += " — “\(quote)”" }
        notes.append(ReportDocument.Footnote(text: text, url: publication.url))
        numbers[publication] = notes.count
        return " [\(notes.count)]"
    }
}
