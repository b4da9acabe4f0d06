/// The publication a fact names: its publisher and, where given, the title, address and day.
/// Two figures from the same release share one, so a list of sources or a report's notes name
/// each publication once.
public struct Publication: Hashable, Sendable {
    public var publisher: String
    public var title: String?
    public var url: String?
    public var published: CalendarDay?

    /// The publication of `record`, or nil when it names no publisher.
    public init?(_ record: FactRecord) {
        guard let publisher = record.source else { return nil }
        self.publisher = publisher
        title = record.provenance?.title
        url = record.provenance?.url
        published = record.provenance?.published
    }
}
