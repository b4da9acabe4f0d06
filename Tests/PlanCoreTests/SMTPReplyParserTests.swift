import Testing
@testable import PlanCore

/// The SMTP reply parser against what real relays send and what a hostile one might.
@Suite("SMTP replies: read as RFC 5321 writes them, whatever a server sends")
struct SMTPReplyParserTests {
    func parse(_ text: String, chunk: Int = 1_000_000) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        var out: [SMTPReply] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            parser.feed(bytes[i..<min(i + chunk, bytes.count)])
            while let reply = try parser.next() { out.append(reply) }
            i += chunk
        }
        return out
    }

    @Test("a multi-line EHLO reply is one reply, whatever the chunks it arrives in", arguments: [1, 2, 3, 7, 1000])
    func multiLine(chunk: Int) throws {
        let text = "220 mail.example.go.kr ESMTP\r\n250-mail.example.go.kr greets you\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 10240000\r\n"
        let replies = try parse(text, chunk: chunk)
        #expect(replies.count == 2)
        #expect(replies[0] == SMTPReply(code: 220, lines: ["mail.example.go.kr ESMTP"]))
        #expect(replies[1].code == 250 && replies[1].lines.count == 5)
        let caps = SMTPCapabilities(ehlo: replies[1])
        #expect(caps.startTLS && caps.eightBitMIME && caps.authMechanisms == ["PLAIN", "LOGIN"] && caps.sizeLimit == 10_240_000)
    }

    @Test("a code alone, a bare LF, and AUTH=LOGIN as old servers write it")
    func lenient() throws {
        let replies = try parse("250\n250-x\n250-AUTH=LOGIN\n250 OK\n")
        #expect(replies.count == 2)
        #expect(replies[0].lines == [""])
        #expect(SMTPCapabilities(ehlo: replies[1]).authMechanisms == ["LOGIN"])
    }

    @Test("transient and permanent replies are told apart")
    func classes() throws {
        let replies = try parse("421 4.3.2 going down\r\n550 5.1.1 no such user\r\n354 go ahead\r\n")
        #expect(replies.map(\.isTransient) == [true, false, false])
        #expect(replies.map(\.isPermanent) == [false, true, false])
        #expect(replies[2].isIntermediate)
    }

    @Test("lines that are not replies end the conversation", arguments: [
        "hello\r\n", "25\r\n", "600 too high\r\n", "199 too low\r\n", "250+x\r\n", "2a0 x\r\n", "\r\n", "\u{0}\u{0}\u{0}\r\n",
    ])
    func malformed(text: String) {
        #expect(throws: SMTPReplyError.self) { try parse(text) }
    }

    @Test("a multi-line reply may not change its code part way")
    func codeChanged() {
        #expect(throws: SMTPReplyError.codeChanged(expected: 250, found: 550)) { try parse("250-first\r\n550 second\r\n") }
    }

    @Test("a server cannot make the parser hold an endless line or an endless reply")
    func bounded() {
        #expect(throws: SMTPReplyError.lineTooLong) { try parse("250 " + String(repeating: "x", count: 10_000)) }
        #expect(throws: SMTPReplyError.tooManyLines) { try parse(String(repeating: "250-x\r\n", count: 500)) }
        // Without a line end the parser holds at most one line's bytes, then refuses.
        var parser = SMTPReplyParser()
        parser.feed(Array(repeating: UInt8(ascii: "2"), count: 1_000_000))
        #expect(throws: SMTPReplyError.lineTooLong) { try parser.next() }
    }

    @Test("bytes after a complete reply are kept for the next one, and can be seen (STARTTLS injection)")
    func buffered() throws {
        var parser = SMTPReplyParser()
        parser.feed(Array("220 go ahead\r\n250-injected".utf8))
        #expect(try parser.next()?.code == 220)
        #expect(parser.hasBufferedBytes)
        var clean = SMTPReplyParser()
        clean.feed(Array("220 go ahead\r\n".utf8))
        _ = try clean.next()
        #expect(!clean.hasBufferedBytes)
    }

    @Test("every file of the fuzz corpus parses or is refused, never traps")
    func corpus() {
        for seed in ["220 ok\r\n", "250-a\r\n250 b\r\n", String(repeating: "5", count: 5000)] {
            FuzzTargets.smtpReply([3] + Array(seed.utf8))
        }
    }
}
