/// A published document a plan's revision or ending rests on: who published it, its title, its
/// address and day, and the words it was read from. A reader who doubts that the goalposts moved
/// can open it and read the sentence for themselves.
public struct PlanSource: Hashable, Sendable, Codable, Identifiable {
    /// Short and stable, so a change can name the source it comes from (`msit-2022-01-26`).
    public var id: String
    public var publisher: LocalizedText
    public var title: String?
    public var url: String?
    public var published: CalendarDay?
    /// The sentence the fact was read from, character for character, in the source's language.
    public var quote: String?
    /// What the document is, where the copy read does not show its headline.
    public var note: LocalizedText?

    public init(id: String, publisher: LocalizedText, title: String? = nil, url: String? = nil, published: CalendarDay? = nil,
                quote: String? = nil, note: LocalizedText? = nil) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.url = url
        self.published = published
        self.quote = quote
        self.note = note
    }
}
