/// Where an investment task or reform stands against its due period.
public enum TaskStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case done
    case onSchedule
    case late
    /// Past its due date with nothing reported at all: overdue for the office to chase, but no
    /// evidence either way for a reader, so it is not called late.
    case unreported
    case notStarted

    public var severity: Int {
        switch self {
        case .late: return 0
        case .unreported: return 1
        case .notStarted: return 2
        case .onSchedule: return 3
        case .done: return 4
        }
    }

    /// Past the due date and not reported done: what the coordinating office chases.
    public var isOverdue: Bool { self == .late || self == .unreported }

    public static func < (a: TaskStatus, b: TaskStatus) -> Bool { a.severity < b.severity }

    public var korean: String {
        switch self {
        case .done: return "완료"
        case .onSchedule: return "정상 추진"
        case .late: return "지연"
        case .unreported: return "기한 지남·보고 없음"
        case .notStarted: return "미착수"
        }
    }

    public var english: String {
        switch self {
        case .done: return "done"
        case .onSchedule: return "on schedule"
        case .late: return "late"
        case .unreported: return "past due, unreported"
        case .notStarted: return "not started"
        }
    }

    public func label(_ language: Language) -> String { language == .ko ? korean : english }
}
