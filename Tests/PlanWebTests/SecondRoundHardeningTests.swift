import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Synchronization
import Testing
@testable import PlanWeb

/// The second round of hardening (issue 24, docs/security.md): escaping by Unicode scalar, the
/// form parser's bounds, characters XML cannot carry, uploads apart from public pages, and four
/// eyes between people rather than credentials.
@Suite struct SecondRoundHardeningTests {
    final class Flag: Sendable {
        private let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .acquiring) }
        func set() { value.store(true, ordering: .releasing) }
    }

    static func contains(_ body: String, _ bytes: [UInt8]) -> Bool {
        let b = Array(body.utf8)
        guard b.count >= bytes.count else { return false }
        return (0...(b.count - bytes.count)).contains { Array(b[$0..<($0 + bytes.count)]) == bytes }
    }

    @Test("finding 5: a quote followed by a combining mark is escaped in every template value")
    func combiningMarksDoNotHideQuotes() async throws {
        let site = WebFixture.bare()
        try await WebFixture.withClient(site) { client in
            // `"` + U+0301 is one Character: escaping per Character never saw the quote.
            let page = try await client.fetch("/search?q=%22%CC%81%20autofocus%20onfocus%3Dalert(1)%20x%3D%22")
            #expect(page.status == .ok)
            #expect(!Self.contains(page.body, [0x22, 0xCC, 0x81]), "a raw quote before U+0301 reached the page")
            #expect(Self.contains(page.body, Array("&quot;\u{301}".utf8)))
        }
    }

    @Test("finding 5: only ASCII web addresses of RFC 3986 characters, without quotes, angle brackets or spaces")
    func webAddresses() {
        for good in ["https://kostat.go.kr/board.es?mid=a10301&bid=218", "http://example.org/a%20b#x", "https://xn--9n2bp8q.kr/"] {
            #expect(ProvenanceRules.isWebAddress(good), "\(good)")
        }
        for bad in ["https://example.org/\"\u{301}onmouseover=x", "https://example.org/'x", "https://example.org/<b>", "https://example.org/a b",
                    "https://예시.kr/", "https://example.org/\u{301}", "https://example.org/a\tb", "https://example.org/%zz", "javascript:alert(1)"] {
            #expect(!ProvenanceRules.isWebAddress(bad), "\(bad)")
        }
    }

    @Test("finding 6: the sign-in body is a few KB at most, read before it is parsed")
    func signInBodyIsSmall() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let form = try await WorkspaceFixture.signInForm(client)
            let padding = String(repeating: "a=b&", count: 4096)
            let big = try await client.post("/signin", form: ["_csrf": form.csrf, "username": "lee", "password": "x", "pad": padding],
                                             headers: [.cookie: form.cookie])
            #expect(big.status == .contentTooLarge, "\(big.status)")
        }
    }

    @Test("finding 6: a form of more fields than any page has is refused before it is decoded")
    func tooManyFields() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let body = "_csrf=\(lee.csrf)&period=2025&action=save&" + String(repeating: "a=b&", count: 20_000)
            let answer = try await client.execute(uri: "/admin/projects/1-1/report", method: .post, headers: lee.headers, body: ByteBuffer(string: body)) {
                $0.status
            }
            #expect(answer == .contentTooLarge, "\(answer)")
        }
    }

    @Test("finding 6: url-encoded fields decode in one pass: plus, percent escapes, bad escapes kept as typed, UTF-8")
    func urlEncodedDecoding() throws {
        let decoded: SubmittedForm? = SubmittedForm.urlEncoded(Array("a=1+2&b=%ED%95%9C%EA%B8%80&c=%zz%4&d&=e&a=3&f=%2B%26%3D".utf8))
        let form = try #require(decoded)
        #expect(form.fields["a"] == ["1 2", "3"])
        #expect(form["b"] == "한글" && form["c"] == "%zz%4" && form["d"] == "" && form[""] == "e" && form["f"] == "+&=")
    }

    @Test("finding 9: a multipart body of thousands of parts, or of a huge part header, is refused unparsed")
    func multipartBounds() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            var fields = [("_csrf", lee.csrf), ("kind", "observations")]
            for i in 0..<5000 { fields.append(("p\(i)", "")) }
            let many = DenialOfServiceTests.multipart(fields, boundary: "b")
            let answer = try await DenialOfServiceTests.post(client, "/admin/projects/1-1/upload", body: many, type: "multipart/form-data; boundary=b",
                                                             cookie: lee.cookie)
            #expect(answer.status == .badRequest, "\(answer.status)")
            let header = "--b\r\nContent-Disposition: form-data; name=\"kind\"\r\nX-Pad: \(String(repeating: "x", count: 20_000))\r\n\r\nobservations\r\n"
            let huge = DenialOfServiceTests.multipart([("_csrf", lee.csrf)], boundary: "b").replacingOccurrences(of: "--b--\r\n", with: header + "--b--\r\n")
            let hugeAnswer = try await DenialOfServiceTests.post(client, "/admin/projects/1-1/upload", body: huge, type: "multipart/form-data; boundary=b",
                                                                 cookie: lee.cookie)
            #expect(hugeAnswer.status == .badRequest, "\(hugeAnswer.status)")
        }
    }

    @Test("finding 8: a note holding a character XML cannot carry is refused through the API")
    func apiRefusesCharactersXMLCannotCarry() async throws {
        let f = try await WorkspaceFixture.make()
        let token = try await f.token(role: .reporter, organization: "msit")
        try await f.withClient { client in
            let body = #"{"observations":[{"indicatorId":"1-1.public-data-opened","period":"2025","value":"130","note":"a\uFFFFb"}]}"#
            let answer = try await client.post("/api/v1/projects/1-1/reports", json: body, headers: [.authorization: "Bearer \(token)"])
            #expect(answer.status == .badRequest, "\(answer.status) \(answer.body)")
            #expect(answer.body.contains("observations.note"))
        }
    }

    @Test("finding 4: an upload never waits behind the public pages' heavy work")
    func uploadsHaveTheirOwnLimiter() async throws {
        let f = try await WorkspaceFixture.make()
        // Every place of the public pages' limiter is taken until the upload has been answered.
        let release = Flag()
        let holders = Task.detached {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<f.site.holder.work.limit {
                    group.addTask {
                        await f.site.holder.work.run {
                            let start = Date()
                            while !release.isSet && Date().timeIntervalSince(start) < 30 { usleep(2000) }
                        }
                    }
                }
            }
        }
        defer { release.set() }
        try await Task.sleep(for: .milliseconds(200))
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let csv = "indicator_id,period,value\n1-1.public-data-opened,2025,130\n"
            let body = DenialOfServiceTests.multipart([("_csrf", lee.csrf), ("kind", "observations")], boundary: "b")
                .replacingOccurrences(of: "--b--\r\n", with: "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\(csv)\r\n--b--\r\n")
            let start = Date()
            let answer = try await DenialOfServiceTests.post(client, "/admin/projects/1-1/upload", body: body, type: "multipart/form-data; boundary=b",
                                                             cookie: lee.cookie)
            #expect(answer.status == .seeOther, "\(answer.status)")
            #expect(!release.isSet && Date().timeIntervalSince(start) < 20, "the upload waited for the public pages' work")
        }
        release.set()
        await holders.value
    }

    @Test("finding 12: an account's session and the token it made are one person for four eyes")
    func fourEyesComparesPeople() async throws {
        let f = try await WorkspaceFixture.make()
        // The administrator makes a coordinator's token for themself on the tokens page…
        let token = try await TokenIssuer.issue(name: "mine", role: .coordinator, organizationId: "pmo", directory: Directory(store: f.store),
                                                actor: Actor("user:admin"), at: .now).secret
        try await f.withClient { client in
            // …reports and submits a value through it…
            let body = #"{"submit":true,"observations":[{"indicatorId":"1-1.public-data-opened","period":"2025","value":"130"}]}"#
            #expect(try await client.post("/api/v1/projects/1-1/reports", json: body, headers: [.authorization: "Bearer \(token)"]).status == .created)
            let fact = try #require(try await f.store.facts(.observation, states: [.submitted]).last)
            // …and may not approve it in the queue with their session.
            let admin = try await WorkspaceFixture.signIn(client, "admin")
            let own = try await client.post("/admin/queue", form: ["_csrf": admin.csrf, "decision": "approve", "pick": "observation:\(fact.id)"],
                                            headers: admin.headers)
            #expect(own.status == .unprocessableContent, "\(own.status)")
            #expect(try await f.store.fact(.observation, id: fact.id)?.state == .submitted)
            // The other way round too: submitted with the session, approved with the token.
            #expect(try await client.report(admin, period: "2025", "submit", ["v.1-1.data-market-size": "44조원"]).status == .seeOther)
            let mine = try #require(try await f.store.facts(.observation, states: [.submitted]).first { $0.key.subject == "1-1.data-market-size" })
            let approve = try await client.post("/api/v1/reports/observation/\(mine.id)/approve", json: "{}", headers: [.authorization: "Bearer \(token)"])
            #expect(approve.status == .conflict, "\(approve.status)")
            // Another person (the coordinator) approves both.
            let park = try await WorkspaceFixture.signIn(client, "park")
            let other = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "approve", "pick": "observation:\(fact.id)"],
                                              headers: park.headers)
            #expect(other.status == .seeOther)
        }
    }
}
