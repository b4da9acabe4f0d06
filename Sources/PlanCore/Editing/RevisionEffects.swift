/// What a draft revision would do to today's verdicts: every indicator and task it changes,
/// judged on the same approved facts under the version in force and under the draft, so a
/// coordinator sees before submitting that "1-2 smart factories: on track → moderate progress
/// under the new target", and that a dropped indicator's values are kept.
public struct RevisionEffects: Sendable {
    /// One changed indicator: its verdict before and after (nil: it is not in that version).
    public struct IndicatorEffect: Sendable, Hashable {
        public var id: String
        public var name: LocalizedText
        public var before: IndicatorStatus?
        public var after: IndicatorStatus?
        /// Approved values on record for it (what a dropped indicator keeps).
        public var approvedValues: Int
    }

    public struct TaskEffect: Sendable, Hashable {
        public var id: String
        public var kind: PlanTask.Kind
        public var title: LocalizedText
        public var before: TaskStatus?
        public var after: TaskStatus?
        public var approvedReports: Int
    }

    public var indicators: [IndicatorEffect]
    public var tasks: [TaskEffect]

    /// `changes` (the draft against the version in force) judged as of `asOf`: `current` is the
    /// version in force with its assessment; `observations` are grouped by `factIndex`.
    public init(changes: [PlanChange], current: PlanIndex, assessment: PlanAssessment, draft: Plan,
                observations: ObservationTable, factIndex: PlanIndex, taskReports: [TaskStatusReport], asOf: AsOf) {
        var indicatorIds: [String] = [], taskIds: [String] = []
        for change in changes {
            switch change.item {
            case .indicator(let id) where !indicatorIds.contains(id): indicatorIds.append(id)
            case .task(let id) where !taskIds.contains(id): taskIds.append(id)
            default: break
            }
        }
        let draftItems = DraftItems(draft, indicators: Set(indicatorIds), tasks: Set(taskIds))
        var scratch: [Int] = []
        indicators = indicatorIds.map { id in
            let slot = factIndex.indicatorIndex[id]
            let before = current.indicatorIndex[id].map { assessment.indicators[$0].status }
            let after = draftItems.indicators[id].map { indicator in
                IndicatorAssessor.assess(indicator, series: slot.map { observations.series(for: $0, asOf: asOf, scratch: &scratch) } ?? [], asOf: asOf).status
            }
            let name = draftItems.indicators[id]?.name ?? current.indicator(id)?.name ?? LocalizedText(ko: id)
            return IndicatorEffect(id: id, name: name, before: before, after: after, approvedValues: slot.map { observations.history(of: $0).count } ?? 0)
        }
        let reports = Dictionary(grouping: taskReports, by: \.taskId)
        tasks = taskIds.compactMap { id in
            guard let task = draftItems.tasks[id] ?? current.task(id) else { return nil }
            let before = current.taskIndex[id].map { assessment.tasks[$0].status }
            let after = draftItems.tasks[id].map { TaskAssessment.assess($0, reports: reports[id] ?? [], asOf: asOf).status }
            return TaskEffect(id: id, kind: task.kind, title: task.title, before: before, after: after, approvedReports: reports[id]?.count ?? 0)
        }
    }
}

/// The changed indicators and tasks of a draft, found in one pass (the first of an id, as
/// `PlanIndex` keeps it), without indexing the whole draft: a revision of 1,000 indicators of a
/// plan of 100,000 looks up 1,000.
struct DraftItems {
    var indicators: [String: Indicator] = [:]
    var tasks: [String: PlanTask] = [:]

    init(_ draft: Plan, indicators wanted: Set<String>, tasks wantedTasks: Set<String>) {
        guard !wanted.isEmpty || !wantedTasks.isEmpty else { return }
        for pillar in draft.pillars {
            for project in pillar.projects {
                for i in project.indicators where wanted.contains(i.id) && indicators[i.id] == nil { indicators[i.id] = i }
                for t in project.tasks {
                    if wantedTasks.contains(t.id) && tasks[t.id] == nil { tasks[t.id] = t }
                    for i in t.indicators where wanted.contains(i.id) && indicators[i.id] == nil { indicators[i.id] = i }
                }
            }
        }
    }
}
