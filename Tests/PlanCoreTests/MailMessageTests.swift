import Foundation
import Testing
@testable import PlanCore

/// Notification emails as RFC 5322, 2047 and 5321 want them, and header injection refused.
@Suite("Mail messages: headers, encoded words, dot-stuffing, no injection")
struct MailMessageTests {
    let from = try! MailAddress(parsing: "디지털뉴딜반 <noreply@pmo.go.kr>")
    let to = try! MailAddress(name: "이서연", address: "lee@msit.go.kr")

    func message(subject: String = "[Planwatch] 「2022년 2분기 실적 점검」 자료 제출 요청", body: String = "본문") -> MailMessage {
        MailMessage(from: from, to: to, subject: subject, body: body, messageID: "<abc-123@pmo.go.kr>", date: Timestamp(iso: "2026-12-08T04:51:46Z")!)
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func headers(_ m: MailMessage, eightBit: Bool = true) throws -> [String] {
        let t = text(try m.rendered(eightBit: eightBit))
        return t.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
    }

    @Test("a Korean subject and names become UTF-8 encoded words of at most 75 characters, decoding to the original")
    func encodedWords() throws {
        let subject = "[Planwatch] 「2022년 2분기 실적 점검」 자료 제출 요청 (기한 2022년 7월 15일(금)) — 과학기술정보통신부 소관 사업 전체"
        let lines = try headers(message(subject: subject))
        var folded: [String] = []
        for line in lines {
            if line.hasPrefix(" ") { folded[folded.count - 1] += line } else { folded.append(line) }
        }
        let subjectLine = try #require(folded.first { $0.hasPrefix("Subject: ") })
        let words = subjectLine.dropFirst("Subject: ".count).split(separator: " ")
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { w -> [UInt8] in
            let b64 = String(w.dropFirst(10).dropLast(2))
            return [UInt8](Data(base64Encoded: b64)!)
        }
        // Each word is whole UTF-8 on its own (no character cut in two), and together they are the subject.
        #expect(decoded.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        #expect(String(decoding: decoded.joined(), as: UTF8.self) == subject)
        #expect(lines.contains { $0.hasPrefix("From: =?UTF-8?B?") && $0.hasSuffix(" <noreply@pmo.go.kr>") })
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test("Date, Message-ID, MIME and automatic-reply headers; CRLF everywhere")
    func headersPresent() throws {
        let bytes = try message().rendered(eightBit: true)
        let t = text(bytes)
        #expect(t.contains("Date: Tue, 08 Dec 2026 13:51:46 +0900\r\n"))
        #expect(t.contains("Message-ID: <abc-123@pmo.go.kr>\r\n"))
        #expect(t.contains("Content-Type: text/plain; charset=UTF-8\r\n") && t.contains("Content-Transfer-Encoding: 8bit\r\n"))
        #expect(t.contains("Auto-Submitted: auto-generated\r\n"))
        for (i, b) in bytes.enumerated() where b == 10 { #expect(i > 0 && bytes[i - 1] == 13, "a bare LF at \(i)") }
        for (i, b) in bytes.enumerated() where b == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10, "a bare CR at \(i)") }
    }

    @Test("without 8BITMIME, or with a line over 998 octets, the body goes as base64 that decodes to it")
    func base64Body() throws {
        let body = "첫 줄\n" + String(repeating: "가", count: 400)
        for (eightBit, m) in [(false, message(body: "짧은 본문")), (true, message(body: body))] {
            let t = text(try m.rendered(eightBit: eightBit))
            #expect(t.contains("Content-Transfer-Encoding: base64\r\n"))
            let encoded = t.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
            let decoded = String(decoding: Data(base64Encoded: encoded)!, as: UTF8.self)
            #expect(decoded == m.body.replacingOccurrences(of: "\n", with: "\r\n"))
            #expect(t.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        }
    }

    @Test("CR or LF in a subject, a display name or a Message-ID is refused, never a new header", arguments: [
        "제목\r\nBcc: victim@example.com", "제목\nBcc: x@y.z", "제목\rX: y", "tab\there", "line\u{2028}sep", "nul\u{0}",
    ])
    func injection(value: String) {
        #expect(throws: MailError.headerInjection(field: "subject")) { try message(subject: value).rendered(eightBit: true) }
        #expect(throws: MailError.headerInjection(field: "name")) { try MailAddress(name: value, address: "lee@msit.go.kr") }
        var m = message()
        m.messageID = "<a@b>\r\nBcc: x@y.z"
        #expect(throws: MailError.headerInjection(field: "Message-ID")) { try m.rendered(eightBit: true) }
    }

    @Test("a reason with line breaks and 'Bcc:' stays in the body")
    func reasonInBody() throws {
        let lines = try headers(message(body: "반려 사유: 확인 필요\r\n\r\nBcc: victim@example.com\n.\n"))
        #expect(!lines.contains { $0.hasPrefix("Bcc") })
        #expect(lines.filter { !$0.hasPrefix(" ") }.count == 10)
    }

    @Test("addresses: strict ASCII local@domain only", arguments: [
        ("lee@msit.go.kr", true), ("a.b+c@x-y.example", true), ("lee@localhost", false), ("이서연@msit.go.kr", false),
        ("lee@msit.go.kr>\r\nRCPT TO:<x@y.z", false), ("<lee@msit.go.kr>", false), ("lee@@msit.go.kr", false), (".lee@msit.go.kr", false),
        ("lee..x@msit.go.kr", false), ("lee @msit.go.kr", false), ("lee@-msit.go.kr", false), ("", false),
    ])
    func addresses(address: String, valid: Bool) {
        #expect(MailAddress.isValid(address) == valid)
    }

    @Test("From as an operator writes it")
    func parsing() throws {
        #expect(try MailAddress(parsing: "\"Digital New Deal Office\" <noreply@pmo.go.kr>").name == "Digital New Deal Office")
        #expect(try MailAddress(parsing: "noreply@pmo.go.kr").name == nil)
        #expect(throws: MailError.self) { try MailAddress(parsing: "Office <not an address>") }
        #expect(try MailAddress(parsing: "Kim \"K\" <k@pmo.go.kr>").header == "\"Kim \\\"K\\\"\" <k@pmo.go.kr>")
    }

    @Test("dot-stuffing: a line that starts with a dot gets another, the text ends with CRLF . CRLF", arguments: [
        (".\r\n", "..\r\n.\r\n"), ("a\r\n.b\r\n..c", "a\r\n..b\r\n...c\r\n.\r\n"), ("x\n.\ny", "x\r\n..\r\ny\r\n.\r\n"),
        ("", ".\r\n"), ("bare\rcr", "bare\r\ncr\r\n.\r\n"),
    ])
    func dotStuffing(input: String, output: String) {
        #expect(text(SMTPData.encode(Array(input.utf8))) == output)
    }
}
