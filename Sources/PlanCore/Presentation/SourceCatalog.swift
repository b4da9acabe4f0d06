/// Every source the published figures name, each with the values it backs: what a reader who
/// wants to check the site against its sources starts from (`/sources`).
///
/// A source is a publisher with, where given, the publication's title, address and day; two
/// figures from the same release share one entry.
public struct SourceCatalog: Sendable {
    /// One value a source backs.
    public enum Backed: Sendable {
        case observation(Observation)
        case budget(BudgetExecution)
        case jobs(JobsReport)
        case task(TaskStatusReport)

        public var record: FactRecord {
            switch self {
            case .observation(let o): return o.record
            case .budget(let b): return b.record
            case .jobs(let j): return j.record
            case .task(let t): return t.record
            }
        }
    }

    public struct Entry: Sendable {
        public var publication: Publication
        /// In id order.
        public var backs: [Backed]
    }

    /// Newest publication first, then by publisher and title; sources without a day last.
    public let entries: [Entry]

    /// The sources of the facts known as of `asOf`: observations from `observations`
    /// (`ObservationTable.cited`), the rest from `reports`.
    public init(observations: [Observation], reports: FactSet, asOf: AsOf) {
        var all: [Backed] = observations.map { .observation($0) }
        all += reports.budget.map { .budget($0) } + reports.jobs.map { .jobs($0) } + reports.taskStatuses.map { .task($0) }
        var groups: [Publication: [Backed]] = [:]
        for b in all where b.record.isKnown(asOf) {
            guard let publication = Publication(b.record) else { continue }
            groups[publication, default: []].append(b)
        }
        entries = groups.map { Entry(publication: $0, backs: $1.sorted { $0.record.id < $1.record.id }) }.sorted { a, b in
            let (x, y) = (a.publication, b.publication)
            switch (x.published, y.published) {
            case let (p?, q?) where p != q: return p > q
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (x.publisher, x.title ?? "", x.url ?? "") < (y.publisher, y.title ?? "", y.url ?? "")
            }
        }
    }

    /// How many values the sources back in all.
    public var valueCount: Int { entries.reduce(0) { $0 + $1.backs.count } }
}
