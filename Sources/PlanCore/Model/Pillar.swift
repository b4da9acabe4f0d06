/// One of the plan's pillars ("1. D.N.A. 생태계 강화"), grouping projects under one aim.
public struct Pillar: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var projects: [Project]
    /// Money and jobs committed to the pillar as a whole, where a publication gives them at this
    /// level and not per project (an area added by a revision, say).
    public var budget: [BudgetCommitment]
    public var jobs: [JobsCommitment]

    public init(id: String, title: LocalizedText, summary: LocalizedText? = nil, projects: [Project] = [],
                budget: [BudgetCommitment] = [], jobs: [JobsCommitment] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.projects = projects
        self.budget = budget
        self.jobs = jobs
    }
}
