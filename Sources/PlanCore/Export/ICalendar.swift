/// An iCalendar feed (RFC 5545) of all-day events: what a calendar client subscribes to. Text
/// is escaped (`\\`, `\;`, `\,`, `\n`), control characters are dropped, and every content line
/// is folded at 75 octets without cutting a UTF-8 character, with CRLF line ends.
public struct ICalendar: Sendable {
    /// One day to remember, such as a reporting round's due date.
    public struct Event: Sendable, Hashable {
        /// Stable across feeds, so a client updates the event instead of adding another.
        public var uid: String
        /// When the event's content last changed.
        public var stamp: Timestamp
        public var day: CalendarDay
        public var summary: String
        public var description: String
        public var url: String?
        /// Bumped whenever the event changes after it was first published.
        public var sequence: Int

        public init(uid: String, stamp: Timestamp, day: CalendarDay, summary: String, description: String, url: String? = nil, sequence: Int = 0) {
            self.uid = uid
            self.stamp = stamp
            self.day = day
            self.summary = summary
            self.description = description
            self.url = url
            self.sequence = sequence
        }
    }

    public var productId: String
    /// The calendar's name, shown by clients (`X-WR-CALNAME`).
    public var name: String
    public var events: [Event]

    public init(productId: String, name: String, events: [Event]) {
        self.productId = productId
        self.name = name
        self.events = events
    }

    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + Self.escape(productId), "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:Asia/Seoul",
                     "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H"]
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escape(e.uid), "DTSTAMP:" + Self.utc(e.stamp),
                      "DTSTART;VALUE=DATE:" + Self.date(e.day), "DTEND;VALUE=DATE:" + Self.date(e.day.adding(days: 1)),
                      "SEQUENCE:\(e.sequence)", "SUMMARY:" + Self.escape(e.summary), "DESCRIPTION:" + Self.escape(e.description),
                      "TRANSP:TRANSPARENT"]
            if let url = e.url { lines.append("URL;VALUE=URI:" + Self.clean(url)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT as RFC 5545 §3.3.11 escapes it; line breaks become `\n`, other controls are dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default: if !MailHeader.isControl(scalar) { out.unicodeScalars.append(scalar) }
            }
            previousCR = scalar == "\r"
        }
        return out
    }

    /// A URI value: no escaping applies, so anything that could end the line is dropped.
    static func clean(_ s: String) -> String { String(String.UnicodeScalarView(s.unicodeScalars.filter { !MailHeader.isControl($0) })) }

    /// Folds a content line: at most 75 octets a line, continuations start with one space.
    public static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        var width = 0
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if width + bytes.count > 75 {
                out += [13, 10, 32]
                width = 1
            }
            out += bytes
            width += bytes.count
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func date(_ d: CalendarDay) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    static func utc(_ t: Timestamp) -> String {
        t.iso.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}
