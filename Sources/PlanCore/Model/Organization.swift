/// A ministry or agency that owns projects or tasks and reports on them.
public struct Organization: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var abbreviation: LocalizedText?

    public init(id: String, name: LocalizedText, abbreviation: LocalizedText? = nil) {
        self.id = id
        self.name = name
        self.abbreviation = abbreviation
    }
}
