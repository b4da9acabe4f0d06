/// One of a pillar's projects ("1-1 국민생활과 밀접한 분야 데이터 구축·개방·활용"):
/// the unit that carries a budget, jobs, indicators and tasks.
public struct Project: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    /// The one-line overview (프로젝트 개요).
    public var summary: LocalizedText?
    /// The current situation (현재 상황) the plan starts from.
    public var situation: LocalizedText?
    /// The picture of the future (미래 모습) the plan aims at.
    public var vision: LocalizedText?
    public var leadOrganizations: [String]
    public var budget: [BudgetCommitment]
    public var jobs: [JobsCommitment]
    public var indicators: [Indicator]
    public var tasks: [PlanTask]
    public var note: LocalizedText?

    public init(id: String, title: LocalizedText, summary: LocalizedText? = nil, situation: LocalizedText? = nil,
                vision: LocalizedText? = nil, leadOrganizations: [String] = [], budget: [BudgetCommitment] = [],
                jobs: [JobsCommitment] = [], indicators: [Indicator] = [], tasks: [PlanTask] = [], note: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.summary = summary
        self.situation = situation
        self.vision = vision
        self.leadOrganizations = leadOrganizations
        self.budget = budget
        self.jobs = jobs
        self.indicators = indicators
        self.tasks = tasks
        self.note = note
    }

    /// The table indicators followed by every task's own indicators.
    public var allIndicators: [Indicator] { indicators + tasks.flatMap(\.indicators) }

    /// The number of 성과지표 table rows (a two-part cell counts once).
    public var indicatorRowCount: Int { Set(indicators.map(\.rowKey)).count }
}
