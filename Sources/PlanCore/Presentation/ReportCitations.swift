/// The sources a report cites, numbered in the order they are first cited, so each value the
/// report rests on carries "[n]" and the end of the report says where it comes from.
struct ReportCitations {
    private let records: [Int64: FactRecord]
    private let language: Language
    private var numbers: [String: Int] = [:]
    private(set) var notes: [ReportDocument.Footnote] = []

    init(records: [Int64: FactRecord], language: Language) {
        self.records = records
        self.language = language
    }

    /// " [n]" for the source of fact `id`, or "" when it has none.
    mutating func cite(_ id: Int64?) -> String {
        guard let id, let record = records[id], let publisher = record.source else { return "" }
        let p = record.provenance
        let key = [publisher, p?.title ?? "", p?.url ?? "", p?.published?.iso ?? ""].joined(separator: "\u{1F}")
        if let n = numbers[key] { return " [\(n)]" }
        var text = publisher
        if let title = p?.title { text += language == .ko ? ", 「\(title)」" : ", \"\(title)\"" }
        if let day = p?.published { text += language == .ko ? " (\(day.korean) 발표)" : " (published \(day.english))" }
        if let quote = p?.quote { text += " — “\(quote)”" }
        notes.append(ReportDocument.Footnote(text: text, url: p?.url))
        numbers[key] = notes.count
        return " [\(notes.count)]"
    }
}
