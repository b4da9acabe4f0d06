/// Where a task or reform stands, as its owner reported it, with the evidence for it
/// (Kausal Watch's manual status with a reason).
public struct TaskStatusReport: Hashable, Sendable {
    public enum Progress: String, Sendable, Hashable, Codable, CaseIterable {
        case notStarted, inProgress, done

        public var korean: String {
            switch self {
            case .notStarted: return "미착수"
            case .inProgress: return "추진 중"
            case .done: return "완료"
            }
        }

        public var english: String {
            switch self {
            case .notStarted: return "not started"
            case .inProgress: return "in progress"
            case .done: return "done"
            }
        }
    }

    public var record: FactRecord
    public var taskId: String
    /// The day the status applies from.
    public var asOfDay: CalendarDay
    public var progress: Progress
    public var evidence: String

    public init(record: FactRecord, taskId: String, asOfDay: CalendarDay, progress: Progress, evidence: String) {
        self.record = record
        self.taskId = taskId
        self.asOfDay = asOfDay
        self.progress = progress
        self.evidence = evidence
    }
}
