/// One reply of an SMTP server (RFC 5321 §4.2): a three-digit code and one or more lines of
/// text. A multi-line reply repeats its code on every line, with `-` after the code on every
/// line but the last.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    /// The text of each line, without the code and separator.
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx: the command was accepted.
    public var isPositive: Bool { (200..<300).contains(code) }
    /// 3xx: go on (after DATA, after AUTH).
    public var isIntermediate: Bool { (300..<400).contains(code) }
    /// 4xx: try again later (a relay that is busy, a mailbox that is full for now).
    public var isTransient: Bool { (400..<500).contains(code) }
    /// 5xx: this will never work as given.
    public var isPermanent: Bool { (500..<600).contains(code) }

    public var description: String { "\(code) " + lines.joined(separator: " / ") }
}

/// Why a server's reply could not be read. A server that breaks the protocol is not trusted
/// with the rest of the conversation.
public enum SMTPReplyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line does not start with three digits (2xx to 5xx) and a separator.
    case malformed(line: String)
    /// A line of a multi-line reply carries another code than the first.
    case codeChanged(expected: Int, found: Int)
    /// A line longer than `SMTPReplyParser.maxLineBytes`.
    case lineTooLong
    /// A reply of more than `SMTPReplyParser.maxLines` lines.
    case tooManyLines

    public var description: String {
        switch self {
        case .malformed(let line): return "the mail server sent a line that is not an SMTP reply: \(line.prefix(80).debugDescription)"
        case .codeChanged(let a, let b): return "the mail server changed the code within one reply (\(a), then \(b))"
        case .lineTooLong: return "the mail server sent a reply line longer than \(SMTPReplyParser.maxLineBytes) bytes"
        case .tooManyLines: return "the mail server sent a reply of more than \(SMTPReplyParser.maxLines) lines"
        }
    }
}

/// Reads SMTP replies from bytes as they arrive, whatever their chunking. It holds at most
/// one line and one reply in memory, so a hostile server cannot make it grow without bound.
public struct SMTPReplyParser: Sendable {
    /// RFC 5321 allows 512 octets per reply line; servers in the wild send longer ones.
    public static let maxLineBytes = 4096
    public static let maxLines = 128

    private var line: [UInt8] = []
    private var pending: (code: Int, lines: [String])?
    private var replies: [SMTPReply] = []
    private var failure: SMTPReplyError?

    public init() {}

    /// Bytes received but not yet part of a complete reply: after the reply to STARTTLS this
    /// must be empty, or a man in the middle has slipped plain text in before the handshake.
    public var hasBufferedBytes: Bool { !line.isEmpty || pending != nil }

    /// Adds bytes from the server.
    public mutating func feed<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        guard failure == nil else { return }
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                let complete = line
                line.removeAll(keepingCapacity: true)
                finish(complete)
                if failure != nil { return }
            } else {
                guard line.count < Self.maxLineBytes else {
                    failure = .lineTooLong
                    return
                }
                line.append(byte)
            }
        }
    }

    /// The next complete reply, nil until one is, or the error that ended the conversation.
    public mutating func next() throws(SMTPReplyError) -> SMTPReply? {
        if !replies.isEmpty { return replies.removeFirst() }
        if let failure { throw failure }
        return nil
    }

    private mutating func finish(_ bytes: [UInt8]) {
        guard bytes.count >= 3, bytes[0] >= UInt8(ascii: "2"), bytes[0] <= UInt8(ascii: "5"),
              bytes[1] >= UInt8(ascii: "0"), bytes[1] <= UInt8(ascii: "9"),
              bytes[2] >= UInt8(ascii: "0"), bytes[2] <= UInt8(ascii: "9") else {
            failure = .malformed(line: String(decoding: bytes.prefix(200), as: UTF8.self))
            return
        }
        let code = Int(bytes[0] - 48) * 100 + Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        let last: Bool
        if bytes.count == 3 {
            last = true
        } else if bytes[3] == UInt8(ascii: " ") {
            last = true
        } else if bytes[3] == UInt8(ascii: "-") {
            last = false
        } else {
            failure = .malformed(line: String(decoding: bytes.prefix(200), as: UTF8.self))
            return
        }
        let text = bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : ""
        var reply = pending ?? (code, [])
        guard reply.code == code else {
            failure = .codeChanged(expected: reply.code, found: code)
            return
        }
        guard reply.lines.count < Self.maxLines else {
            failure = .tooManyLines
            return
        }
        reply.lines.append(text)
        if last {
            replies.append(SMTPReply(code: code, lines: reply.lines))
            pending = nil
        } else {
            pending = reply
        }
    }
}

/// What a server said it can do in its reply to EHLO (RFC 5321 §4.1.1.1): one keyword per line
/// after the greeting, with parameters.
public struct SMTPCapabilities: Sendable, Hashable {
    /// Keywords in upper case, with their parameters.
    public var keywords: [String: [String]]

    public init(ehlo reply: SMTPReply) {
        var keywords: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let first = words.first else { continue }
            keywords[first.uppercased()] = Array(words.dropFirst())
        }
        self.keywords = keywords
    }

    public var startTLS: Bool { keywords["STARTTLS"] != nil }
    public var eightBitMIME: Bool { keywords["8BITMIME"] != nil }
    /// The SASL mechanisms offered, upper case.
    public var authMechanisms: Set<String> { Set((keywords["AUTH"] ?? []).map { $0.uppercased() }) }
    /// The largest message the server takes, when it says.
    public var sizeLimit: Int? { keywords["SIZE"]?.first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
}
