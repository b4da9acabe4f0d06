/// A published plan as data: pillars, projects, their budgets, jobs, indicators and tasks.
///
/// A plan is an immutable value loaded from a plan file. A revised plan is a new value (and a
/// new stored version) that says when it took effect and on whose word (`revision`); nothing
/// edits a plan in place, so every version stays on the record (`PlanHistory`).
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
    /// The day the plan was first published: when its original version took effect.
    public var published: CalendarDay?
    /// Money and jobs committed to the plan as a whole (the headline figures).
    public var budget: [BudgetCommitment]
    public var jobs: [JobsCommitment]
    /// Set on every version after the first: when it took effect, its title and sources.
    public var revision: PlanRevision?
    /// Set once the plan was discontinued or replaced, with the day and the sources.
    public var ended: PlanEnding?

    public init(id: String, title: LocalizedText, summary: LocalizedText? = nil, start: Period, end: Period,
                currency: String = "KRW", source: LocalizedText? = nil, sourceURL: String? = nil,
                organizations: [Organization] = [], pillars: [Pillar] = [], note: LocalizedText? = nil,
                published: CalendarDay? = nil, budget: [BudgetCommitment] = [], jobs: [JobsCommitment] = [],
                revision: PlanRevision? = nil, ended: PlanEnding? = nil) {
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
        self.published = published
        self.budget = budget
        self.jobs = jobs
        self.revision = revision
        self.ended = ended
    }

    /// The day this version took effect: its revision's, else the plan's publication, else the
    /// first day of its period.
    public var effective: CalendarDay { revision?.effective ?? published ?? start.start }

    public var projects: [Project] { pillars.flatMap(\.projects) }
    public var tasks: [PlanTask] { projects.flatMap(\.tasks) }
    public var reforms: [PlanTask] { tasks.filter { $0.kind == .reform } }
    /// Every indicator: table rows first, then task commitments, in plan order.
    public var indicators: [Indicator] { projects.flatMap(\.allIndicators) }
}
