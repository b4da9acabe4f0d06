/// Where an investment task or reform stands against its due period.
public enum TaskStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case done
    case onSchedule
    case late
    case notStarted

    public var severity: Int {
        switch self {
        case .late: return 0
        case .notStarted: return 1
        case .onSchedule: return 2
        case .done: return 3
        }
    }

    public static func < (a: TaskStatus, b: TaskStatus) -> Bool { a.severity < b.severity }

    public var korean: String {
        switch self {
        case .done: return "완료"
        case .onSchedule: return "정상 추진"
        case .late: return "지연"
        case .notStarted: return "미착수"
        }
    }

    public var english: String {
        switch self {
        case .done: return "done"
        case .onSchedule: return "on schedule"
        case .late: return "late"
        case .notStarted: return "not started"
        }
    }

    public func label(_ language: Language) -> String { language == .ko ? korean : english }
}
