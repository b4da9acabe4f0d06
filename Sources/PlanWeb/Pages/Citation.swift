import PlanCore

/// A fact's source as a reader sees it: the publisher, linked to the publication when its
/// address is known, the title and day, the sentence the figure came from, and how the
/// published measure differs from the indicator. The same on every page that shows a value.
struct Citation {
    let fields: [String: Any]

    init(_ record: FactRecord, _ c: PageContext) {
        let p = record.provenance
        fields = [
            "publisher": record.source ?? c.catalog["source_none"],
            "url": p?.url ?? "",
            "title": p?.title ?? "",
            "published": p?.published.map(c.day) ?? "",
            "quote": p?.quote ?? "",
            "quote_lang": p?.quote.map { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } ? "ko" : "en" } ?? "",
            "definition_note": p?.definitionNote.map { Self.inLanguage($0, c.language) } ?? "",
        ]
    }

    /// A note written "한국어 / English" in the reader's language; any other note as it is.
    static func inLanguage(_ note: String, _ language: Language) -> String {
        BilingualNote.text(note, language)
    }
}
