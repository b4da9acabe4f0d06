import Foundation
import PlanCore
import Synchronization

/// The `Date` header value (RFC 9110 IMF-fixdate), formatted once per second.
enum HTTPDate {
    private static let cached = Mutex<(Int, String)>((0, ""))
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static var now: String {
        let seconds = Int(Date().timeIntervalSince1970)
        return cached.withLock { c in
            if c.0 != seconds { c = (seconds, format(seconds)) }
            return c.1
        }
    }

    static func format(_ seconds: Int) -> String {
        let dayNumber = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let date = CalendarDay(ordinal: dayNumber)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[dayNumber % 7]), \(two(date.day)) \(months[date.month - 1]) \(date.year) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60)) GMT"
    }
}
