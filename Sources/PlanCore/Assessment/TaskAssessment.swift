/// Where a task or reform stands as of a date: done, on schedule, late or not started,
/// from its latest approved status report and its due period.
public struct TaskAssessment: Hashable, Sendable {
    public var taskId: String
    public var kind: PlanTask.Kind
    public var status: TaskStatus
    public var due: Period?
    public var latest: TaskStatusReport?
    /// Done, but reported done only after the due period ended.
    public var completedLate: Bool

    static func assess(_ task: PlanTask, reports: [TaskStatusReport], asOf: AsOf) -> TaskAssessment {
        let known = Revisions.current(reports, asOf: asOf, record: \.record, applies: { $0.asOfDay <= asOf.day }, key: \.record.id)
        let latest = known.max { a, b in (a.asOfDay, a.record.recordedAt, a.record.id) < (b.asOfDay, b.record.recordedAt, b.record.id) }
        let due = task.due
        let overdue = due.map { $0.end < asOf.day } ?? false
        let status: TaskStatus
        var completedLate = false
        switch latest?.progress {
        case .done:
            status = .done
            // The first report of completion dates it; reporting "done" again later does not make it late.
            let firstDone = known.filter { $0.progress == .done }.min { ($0.asOfDay, $0.record.id) < ($1.asOfDay, $1.record.id) }
            if let due, let firstDone { completedLate = firstDone.asOfDay > due.end }
        case .inProgress:
            status = overdue ? .late : .onSchedule
        case .notStarted:
            status = overdue ? .late : .notStarted
        case nil:
            // Nothing reported is no evidence that a task is late, only that it is overdue for a report.
            status = overdue ? .unreported : .notStarted
        }
        return TaskAssessment(taskId: task.id, kind: task.kind, status: status, due: due, latest: latest, completedLate: completedLate)
    }
}
