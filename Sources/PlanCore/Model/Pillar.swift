/// One of the plan's pillars ("1. D.N.A. 생태계 강화"), grouping projects under one aim.
public struct Pillar: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var projects: [Project]

    public init(id: String, title: LocalizedText, summary: LocalizedText? = nil, projects: [Project] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.projects = projects
    }
}
