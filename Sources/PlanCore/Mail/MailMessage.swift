/// A plain-text email as Planwatch sends a notification: UTF-8 text, headers as RFC 5322 and
/// RFC 2047 want them, CRLF line ends throughout. The body goes as 8-bit text when the relay
/// takes 8BITMIME and every line fits in 998 octets, and as base64 otherwise.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var body: String
    /// `<token@domain>`, the same on every attempt, so a copy delivered twice can be recognised.
    public var messageID: String
    /// When the event happened; also the same on every attempt.
    public var date: Timestamp

    public init(from: MailAddress, to: MailAddress, subject: String, body: String, messageID: String, date: Timestamp) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// The whole message (headers, blank line, body) with CRLF line ends. Throws when the
    /// subject or the Message-ID would break the header block.
    public func rendered(eightBit: Bool) throws(MailError) -> [UInt8] {
        guard messageID.hasPrefix("<"), messageID.hasSuffix(">"),
              messageID.unicodeScalars.allSatisfy({ $0.isASCII && !MailHeader.isControl($0) && $0 != " " }) else {
            throw .headerInjection(field: "Message-ID")
        }
        let lines = Self.lines(body)
        let plain = eightBit && lines.allSatisfy { $0.utf8.count <= 998 } && !body.unicodeScalars.contains("\0")
        var headers = [
            "Date: " + MailDate.rfc5322(date),
            "From: " + from.header,
            "To: " + to.header,
            "Subject: " + (try MailHeader.unstructured(subject, field: "subject")),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: " + (plain ? "8bit" : "base64"),
            // RFC 3834: an automatic message, so out-of-office replies are not sent back.
            "Auto-Submitted: auto-generated",
            "X-Auto-Response-Suppress: All",
        ]
        headers.append("")
        var out = Array(headers.joined(separator: "\r\n").utf8) + [13, 10]
        if plain {
            out += Array(lines.joined(separator: "\r\n").utf8) + [13, 10]
        } else {
            let encoded = Base64.encode(Array(lines.joined(separator: "\r\n").utf8))
            var i = encoded.startIndex
            while i < encoded.endIndex {
                let end = encoded.index(i, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
                out += Array(encoded[i..<end].utf8) + [13, 10]
                i = end
            }
        }
        return out
    }

    /// The body's lines, whatever ends them (CRLF, LF or a lone CR).
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The text after DATA (RFC 5321 §4.5.2): every line that starts with a dot gets another, the
/// text ends with CRLF, and a line of one dot ends it.
public enum SMTPData {
    public static func encode(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 64)
        var line: [UInt8] = []
        func flush() {
            if line.first == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out += line
            out += [13, 10]
            line.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < message.count {
            let byte = message[i]
            // CRLF, a bare LF and a bare CR all end a line: a relay must never see LF or CR alone.
            if byte == 13 {
                flush()
                if i + 1 < message.count && message[i + 1] == 10 { i += 1 }
            } else if byte == 10 {
                flush()
            } else {
                line.append(byte)
            }
            i += 1
        }
        if !line.isEmpty { flush() }
        return out + Array(".\r\n".utf8)
    }
}

/// The Date header in Korea's time (+0900): `Tue, 08 Dec 2026 04:51:46 +0900`.
public enum MailDate {
    static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func rfc5322(_ t: Timestamp) -> String {
        let local = t.seconds + Timestamp.koreaOffset
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let rest = local - dayNumber * 86_400
        let day = CalendarDay(ordinal: Int(dayNumber))
        let weekday = days[Int(((dayNumber % 7) + 7) % 7)]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(two(Int64(day.day))) \(months[day.month - 1]) \(day.year) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) +0900"
    }
}
