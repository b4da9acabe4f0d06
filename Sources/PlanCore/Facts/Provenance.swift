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

    /// The provenance stored as `columnValues` (a row's columns, a packed string's parts): nil
    /// when every part is empty, so a fact without details carries no provenance at all, or when
    /// the parts are not five or the day is not one.
    public init?(columnValues parts: [String?]) {
        let parts = parts.map { $0?.isEmpty == true ? nil : $0 }
        guard parts.count == Self.columns.count, parts.contains(where: { $0 != nil }) else { return nil }
        let day = parts[2].flatMap { CalendarDay(iso: $0) }
        guard parts[2] == nil || day != nil else { return nil }
        self.init(title: parts[0], url: parts[1], published: day, quote: parts[3], definitionNote: parts[4])
    }

    /// One string holding every part, separated by the unit separator (U+001F, which no part
    /// may contain): how a log of millions of facts keeps a provenance as one interned reference.
    public var packed: String { columnValues.map { $0 ?? "" }.joined(separator: "\u{1F}") }

    /// The provenance `packed` made, or nil for a string of another shape.
    public init?(packed: String) {
        self.init(columnValues: packed.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init))
    }

    /// The columns a provenance is stored, imported and exported in.
    public static let columns = ["source_title", "source_url", "source_date", "source_quote", "definition_note"]

    /// The parts in `columns` order.
    public var columnValues: [String?] { [title, url, published?.iso, quote, definitionNote] }
}
