import PlanCore

/// When a round reminds: 7 days and 1 day before its due date, and the day after it.
///
/// Each reminder has a window of days in which it may still go out (a server that was down
/// on the day sends it late, but never after the next reminder's day), and none goes out for
/// a day that was not after the round was opened: a round opened three days before its due
/// date already told everyone, so its 7-day reminder is skipped.
public enum ReminderMilestone: String, Sendable, CaseIterable {
    case before7 = "before-7"
    case before1 = "before-1"
    case after1 = "after-1"

    /// The first and last day on which this reminder may go out.
    public func window(due: CalendarDay) -> ClosedRange<CalendarDay> {
        switch self {
        case .before7: return due.adding(days: -7)...due.adding(days: -2)
        case .before1: return due.adding(days: -1)...due
        case .after1: return due.adding(days: 1)...due.adding(days: 7)
        }
    }

    /// The reminder of `round` due on `today`, if any.
    public static func due(_ round: ReportingRound, today: CalendarDay) -> ReminderMilestone? {
        guard round.isOpen else { return nil }
        let opened = round.openedAt.koreanDay
        return allCases.first { m in
            let w = m.window(due: round.due)
            return w.contains(today) && w.lowerBound > opened
        }
    }
}
