import PlanCore

/// Where each organization stands in a round: every item the round asks of it, its stage in
/// the workflow (missing, draft, submitted, returned, approved), and whether it is late.
///
/// A round of a whole year is answered by any value of that year, as the reporting status
/// has always counted it. A round of part of a year (a quarter, a half) asks for the year's
/// values as they stand at its end, so only a value recorded on or after the period's last day
/// answers it; a task's or reform's status answers a round when it is as of a day within the
/// period or later. A task or reform already reported done and approved before the period
/// begins is not asked for again.
public struct RoundProgress: Sendable {
    public struct Item: Sendable, Hashable {
        public var kind: FactKind
        /// The indicator, project or task id.
        public var subject: String
        public var project: String
        /// The period key of the value asked for (`2022`), empty for a task's status.
        public var period: String
        public var stage: KeyState.Stage
        public var late: Bool
    }

    public struct Counts: Sendable, Hashable {
        public var due = 0, missing = 0, draft = 0, submitted = 0, returned = 0, approved = 0, late = 0

        /// Not yet sent to the office: not entered, kept as a draft, or returned.
        public var owed: Int { missing + draft + returned }
        /// The share approved, nil when nothing is due.
        public var shareDone: Double? { due == 0 ? nil : Double(approved) / Double(due) }

        mutating func add(_ item: Item) {
            due += 1
            switch item.stage {
            case .missing: missing += 1
            case .draft: draft += 1
            case .submitted: submitted += 1
            case .returned: returned += 1
            case .approved: approved += 1
            }
            if item.late { late += 1 }
        }
    }

    public let round: ReportingRound
    /// Items by organization id; "" holds the projects no organization reports on.
    public let items: [String: [Item]]

    public init(round: ReportingRound, index: PlanIndex, projectsByOrganization: [String: Set<String>], ledger: [FactKey: KeyState],
                today: CalendarDay) {
        self.round = round
        let late = today > round.due
        let year = String(round.period.start.year)
        let wholeYear = round.isYearly || round.period.granularity == .year
        let periodEnd = round.period.end
        func stage(_ key: FactKey) -> KeyState.Stage {
            guard let state = ledger[key] else { return .missing }
            if wholeYear && key.kind != .taskStatus { return state.stage }
            return KeyState(history: state.history.filter { fact in
                if case .taskStatus(_, let day, _, _) = fact.entry.draft { return day >= round.period.start }
                return fact.recordedAt.koreanDay >= periodEnd
            }).stage
        }
        func doneBefore(_ key: FactKey) -> Bool {
            ledger[key]?.history.contains { fact in
                guard fact.state == .approved, case .taskStatus(_, let day, let progress, _) = fact.entry.draft else { return false }
                return progress == .done && day < round.period.start
            } ?? false
        }
        var byProject = [[Item]](repeating: [], count: index.projects.count)
        func add(_ kind: FactKind, _ subject: String, project p: Int, period: String) {
            let key = FactKey(kind: kind, subject: subject, period: period)
            let s = stage(key)
            byProject[p].append(Item(kind: kind, subject: subject, project: index.projects[p].id, period: period, stage: s,
                                     late: late && (s == .missing || s == .draft || s == .returned)))
        }
        let asks = Set(round.items)
        for (p, project) in index.projects.enumerated() {
            if asks.contains(.budget) && !project.budget.isEmpty { add(.budget, project.id, project: p, period: year) }
            if asks.contains(.jobs) && !project.jobs.isEmpty { add(.jobs, project.id, project: p, period: year) }
        }
        if asks.contains(.indicators) {
            for i in index.indicators.indices { add(.observation, index.indicators[i].id, project: index.projectOfIndicator[i], period: year) }
        }
        if asks.contains(.tasks) || asks.contains(.reforms) {
            for (t, task) in index.tasks.enumerated() {
                let wanted = task.kind == .reform ? asks.contains(.reforms) : asks.contains(.tasks)
                let key = FactKey(kind: .taskStatus, subject: task.id, period: "")
                if wanted && !doneBefore(key) { add(.taskStatus, task.id, project: index.projectOfTask[t], period: "") }
            }
        }
        var items: [String: [Item]] = [:]
        var reported = Set<String>()
        for (org, projects) in projectsByOrganization {
            for id in projects.sorted() {
                guard let p = index.projectIndex[id], !byProject[p].isEmpty else { continue }
                items[org, default: []] += byProject[p]
                reported.insert(id)
            }
        }
        for (p, project) in index.projects.enumerated() where !reported.contains(project.id) && !byProject[p].isEmpty {
            items["", default: []] += byProject[p]
        }
        self.items = items
    }

    /// The organizations with items, in id order ("" last).
    public var organizations: [String] { items.keys.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) } }

    public func counts(_ organization: String) -> Counts {
        var c = Counts()
        for item in items[organization] ?? [] { c.add(item) }
        return c
    }

    /// Every organization's counts together; a project reported on by two counts once.
    public var total: Counts {
        var seen = Set<Item>()
        var c = Counts()
        for list in items.values { for item in list where seen.insert(item).inserted { c.add(item) } }
        return c
    }

    /// Every fact the given rounds need, of every state, by key: the yearly values of their
    /// years, budget and jobs, and tasks' statuses when asked for, found by index.
    public static func ledger(for rounds: [ReportingRound], store: any Store) async throws -> [FactKey: KeyState] {
        let asks = Set(rounds.flatMap(\.items))
        var facts: [StoredFact] = []
        if asks.contains(.indicators) {
            facts += try await store.observations(inPeriods: Set(rounds.filter { $0.items.contains(.indicators) }.map { String($0.period.start.year) }))
        }
        if asks.contains(.budget) { facts += try await store.facts(.budget, states: nil) }
        if asks.contains(.jobs) { facts += try await store.facts(.jobs, states: nil) }
        if asks.contains(.tasks) || asks.contains(.reforms) { facts += try await store.facts(.taskStatus, states: nil) }
        return KeyState.ledger(facts)
    }
}
