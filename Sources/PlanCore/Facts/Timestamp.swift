import Foundation

/// An instant, in whole seconds since 1970-01-01T00:00:00Z: when a fact was recorded or approved.
///
/// Plans are judged by calendar days in Korea, so a day D means the whole of D in Korea
/// Standard Time (UTC+9, no daylight saving): `endOfDay(D)` is D+1 00:00 KST.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static let koreaOffset: Int64 = 9 * 3600

    /// 00:00 KST at the start of `day`.
    public static func startOfDay(_ day: CalendarDay) -> Timestamp {
        Timestamp(seconds: Int64(day.ordinal) * 86_400 - koreaOffset)
    }

    /// 00:00 KST after `day`: everything strictly before it happened on or before `day`.
    public static func endOfDay(_ day: CalendarDay) -> Timestamp {
        Timestamp(seconds: Int64(day.ordinal + 1) * 86_400 - koreaOffset)
    }

    /// The calendar day in Korea on which this instant falls.
    public var koreanDay: CalendarDay {
        let local = seconds + Self.koreaOffset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CalendarDay(ordinal: Int(days))
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    /// `2021-03-15T10:20:30Z`.
    public var iso: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let day = CalendarDay(ordinal: Int(days))
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso)T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    public var description: String { iso }

    /// Parses `2021-03-15` (00:00 KST that day), `2021-03-15T10:20:30Z`, `2021-03-15T10:20:30+09:00`,
    /// `2021-03-15 10:20` (KST when no offset is given), with optional fractional seconds.
    public init?(iso text: some StringProtocol) {
        let s = String(text).trimmingSpaces
        guard s.count >= 10, let day = CalendarDay(iso: s.prefix(10)) else { return nil }
        if s.count == 10 {
            self = Self.startOfDay(day)
            return
        }
        var rest = Substring(s.dropFirst(10))
        guard let sep = rest.first, sep == "T" || sep == " " else { return nil }
        rest = rest.dropFirst()
        var offset = Self.koreaOffset
        if rest.hasSuffix("Z") {
            offset = 0
            rest = rest.dropLast()
        } else if rest.count > 6, let signIndex = rest.index(rest.endIndex, offsetBy: -6, limitedBy: rest.startIndex),
                  rest[signIndex] == "+" || rest[signIndex] == "-" {
            let sign: Int64 = rest[signIndex] == "+" ? 1 : -1
            let zone = rest[rest.index(after: signIndex)...].split(separator: ":")
            guard zone.count == 2, let h = Int64(zone[0]), let m = Int64(zone[1]), h < 24, m < 60 else { return nil }
            offset = sign * (h * 3600 + m * 60)
            rest = rest[rest.startIndex..<signIndex]
        }
        if let dot = rest.firstIndex(of: ".") { rest = rest[rest.startIndex..<dot] }
        let parts = rest.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let h = Int64(parts[0]), let m = Int64(parts[1]),
              h < 24, m < 60 else { return nil }
        let sec = parts.count == 3 ? Int64(parts[2]) : 0
        guard let sec, sec < 61 else { return nil }
        seconds = Int64(day.ordinal) * 86_400 + h * 3600 + m * 60 + sec - offset
    }
}

extension Timestamp {
    /// The current instant.
    public static var now: Timestamp { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
}
