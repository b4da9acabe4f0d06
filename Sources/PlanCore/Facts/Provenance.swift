/// Where a published figure comes from, beyond the publisher a fact's `source` names: the
/// title of the release or report, the day it was published, its address, the sentence the
/// figure was read from, and how the published measure differs from the plan's indicator.
///
/// A reader who doubts a number can follow it to its source and read the words it came from;
/// a definition note keeps a value whose measure differs (a portal's dataset count against the
/// plan's table count) instead of dropping it or passing it off as the same thing.
public struct Provenance: Hashable, Sendable {
    public var title: String?
    public var url: String?
    public var published: CalendarDay?
    public var quote: String?
    public var definitionNote: String?

    public init(title: String? = nil, url: String? = nil, published: CalendarDay? = nil, quote: String? = nil, definitionNote: String? = nil) {
        self.title = title
        self.url = url
        self.published = published
        self.quote = quote
        self.definitionNote = definitionNote
    }

    /// Nil when every part is empty, so a fact without details carries no provenance at all.
    public init?(title: String?, url: String?, published: CalendarDay?, quote: String?, definitionNote: String?, orNilIfEmpty: Void) {
        guard title != nil || url != nil || published != nil || quote != nil || definitionNote != nil else { return nil }
        self.init(title: title, url: url, published: published, quote: quote, definitionNote: definitionNote)
    }

    /// One string holding every part, separated by the unit separator (U+001F, which no part
    /// may contain): how a log of millions of facts keeps a provenance as one interned reference.
    public var packed: String {
        [title, url, published?.iso, quote, definitionNote].map { $0 ?? "" }.joined(separator: "\u{1F}")
    }

    /// The provenance `packed` made, or nil for a string of another shape.
    public init?(packed: String) {
        let parts = packed.split(separator: "\u{1F}", omittingEmptySubsequences: false).map { $0.isEmpty ? nil : String($0) }
        guard parts.count == 5 else { return nil }
        let day = parts[2].flatMap { CalendarDay(iso: $0) }
        guard parts[2] == nil || day != nil else { return nil }
        self.init(title: parts[0], url: parts[1], published: day, quote: parts[3], definitionNote: parts[4])
    }

    /// The columns a provenance is stored, imported and exported in.
    public static let columns = ["source_title", "source_url", "source_date", "source_quote", "definition_note"]

    /// The parts in `columns` order.
    public var columnValues: [String?] { [title, url, published?.iso, quote, definitionNote] }
}
