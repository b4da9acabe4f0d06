/// A published plan as data: pillars, projects, their budgets, jobs, indicators and tasks.
///
/// A plan is an immutable value loaded from a plan file. A revised plan is a new value
/// (and a new stored version); nothing edits a plan in place.
public struct Plan: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var start: Period
    public var end: Period
    public var currency: String
    public var source: LocalizedText?
    public var sourceURL: String?
    public var organizations: [Organization]
    public var pillars: [Pillar]
    public var note: LocalizedText?

    public init(id: String, title: LocalizedText, summary: LocalizedText? = nil, start: Period, end: Period,
                currency: String = "KRW", source: LocalizedText? = nil, sourceURL: String? = nil,
                organizations: [Organization] = [], pillars: [Pillar] = [], note: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.summary = summary
        self.start = start
        self.end = end
        self.currency = currency
        self.source = source
        self.sourceURL = sourceURL
        self.organizations = organizations
        self.pillars = pillars
        self.note = note
    }

    public var projects: [Project] { pillars.flatMap(\.projects) }
    public var tasks: [PlanTask] { projects.flatMap(\.tasks) }
    public var reforms: [PlanTask] { tasks.filter { $0.kind == .reform } }
    /// Every indicator: table rows first, then task commitments, in plan order.
    public var indicators: [Indicator] { projects.flatMap(\.allIndicators) }
}
