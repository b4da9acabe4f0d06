import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

@Suite struct SecurityTests {
    @Test func signInRefusesWithoutAHintAndSessionsAreSafeCookies() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let page = try await client.fetch("/signin")
            let csrf = try #require(page.headers[.setCookie])
            #expect(csrf.contains("HttpOnly"))
            let cookie = String(csrf.split(separator: ";")[0])
            let token = String(cookie.split(separator: "=", maxSplits: 1)[1])
            let wrongPassword = try await client.post("/signin", form: ["_csrf": token, "username": "lee", "password": "not the password"],
                                                      headers: [.cookie: cookie])
            let noSuchUser = try await client.post("/signin", form: ["_csrf": token, "username": "nobody", "password": "not the password"],
                                                   headers: [.cookie: cookie])
            #expect(wrongPassword.status == .unauthorized)
            #expect(noSuchUser.status == .unauthorized)
            #expect(wrongPassword.body.contains(Catalog.ko["signin_refused"]))
            #expect(noSuchUser.body.contains(Catalog.ko["signin_refused"]))
            let ok = try await client.post("/signin", form: ["_csrf": token, "username": "lee", "password": WorkspaceFixture.passwords["lee"]!],
                                           headers: [.cookie: cookie])
            let session = try #require(ok.headers[.setCookie])
            #expect(session.hasPrefix("pw_session="))
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Lax"))
            #expect(!session.contains("Secure"))
            // Behind a TLS proxy the cookie is Secure.
            let secure = try await client.post("/signin", form: ["_csrf": token, "username": "lee", "password": WorkspaceFixture.passwords["lee"]!],
                                               headers: [.cookie: cookie, .forwardedProto: "https"])
            #expect(secure.headers[.setCookie]?.contains("Secure") == true)
            // Signing out ends the session on the server: the old cookie no longer works.
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            #expect(try await client.fetch("/admin", headers: [.cookie: lee.cookie]).status == .ok)
            let out = try await client.post("/signout", form: ["_csrf": lee.csrf], headers: lee.headers)
            #expect(out.status == .seeOther)
            let after = try await client.fetch("/admin", headers: [.cookie: lee.cookie])
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/signin") == true)
        }
    }

    @Test func signInIsRateLimitedPerAccountAndPerAddress() async throws {
        let f = try await WorkspaceFixture.make { $0.signInFailuresPerAccount = 3; $0.signInFailuresPerAddress = 6 }
        try await f.withClient { client in
            let form = try await WorkspaceFixture.signInForm(client)
            let (cookie, token) = (form.cookie, form.csrf)
            func attempt(_ user: String, _ password: String) async throws -> HTTPResponse.Status {
                try await client.post("/signin", form: ["_csrf": token, "username": user, "password": password], headers: [.cookie: cookie]).status
            }
            for _ in 0..<3 { #expect(try await attempt("lee", "wrong password!!") == .unauthorized) }
            // Now even the right password is refused for a while, with a clear message.
            let limited = try await client.post("/signin", form: ["_csrf": token, "username": "lee", "password": WorkspaceFixture.passwords["lee"]!],
                                                headers: [.cookie: cookie])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.contains(Catalog.ko["signin_limited"]))
            // Unknown accounts are limited the same way, so the limit says nothing about which exist.
            for _ in 0..<3 { _ = try await attempt("ghost", "wrong password!!") }
            #expect(try await attempt("ghost", "wrong password!!") == .tooManyRequests)
            // Per address: after 6 failures from here, another account is refused too.
            #expect(try await attempt("park", WorkspaceFixture.passwords["park"]!) == .tooManyRequests)
            #expect(try await f.store.auditEvents(after: 0, limit: 1000).contains { $0.action == "signin.limited" })
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRejected() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let none = try await client.post("/admin/projects/1-1/report", form: ["period": "2025", "action": "save", "v.1-1.data-market-size": "1조원"],
                                             headers: lee.headers)
            #expect(none.status == .forbidden)
            let wrong = try await client.post("/admin/projects/1-1/report", form: ["_csrf": "forged", "period": "2025", "action": "save",
                                                                                  "v.1-1.data-market-size": "1조원"], headers: lee.headers)
            #expect(wrong.status == .forbidden)
            #expect(wrong.body.contains(Catalog.ko["error_csrf"]))
            let noSignInCookie = try await client.post("/signin", form: ["_csrf": "x", "username": "lee", "password": "reporter password 1"])
            #expect(noSignInCookie.status == .forbidden)
            #expect(try await f.store.facts(.observation, states: nil).isEmpty)
        }
    }

    @Test func expiredSessionsSendPeopleToSignInAgain() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            // Age the session past the idle limit behind the server's back.
            for entry in try await f.store.directoryRecords(.session) {
                var s = try JSONDecoder().decode(SessionRecord.self, from: Data(entry.value.utf8))
                s.lastSeenAt -= f.site.settings.sessionIdleSeconds + 1
                try await f.store.putDirectoryRecord(.session, key: entry.key, value: String(decoding: try JSONEncoder().encode(s), as: UTF8.self),
                                                     audit: nil, actor: .system, at: .now)
            }
            let idle = try await client.fetch("/admin", headers: [.cookie: lee.cookie])
            #expect(idle.status == .seeOther)
            #expect(idle.headers[.location]?.hasPrefix("/signin?next=") == true)
            #expect(try await f.store.directoryRecords(.session).isEmpty)
            // The absolute limit holds even for a busy session.
            let park = try await WorkspaceFixture.signIn(client, "park")
            for entry in try await f.store.directoryRecords(.session) {
                var s = try JSONDecoder().decode(SessionRecord.self, from: Data(entry.value.utf8))
                s.createdAt -= f.site.settings.sessionMaxSeconds + 1
                try await f.store.putDirectoryRecord(.session, key: entry.key, value: String(decoding: try JSONEncoder().encode(s), as: UTF8.self),
                                                     audit: nil, actor: .system, at: .now)
            }
            #expect(try await client.fetch("/admin", headers: [.cookie: park.cookie]).status == .seeOther)
        }
    }

    @Test func revokedTokensAreRefused() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let secret = try await f.token(role: .reporter, organization: "msit")
            let body = #"{"observations":[{"indicatorId":"1-1.data-market-size","period":"2025","value":"44조원"}]}"#
            let ok = try await client.post("/api/v1/projects/1-1/reports", json: body, headers: [.authorization: "Bearer \(secret)"])
            #expect(ok.status == .created, "\(ok.body)")
            let id = try #require(try await Directory(store: f.store).tokens().first?.id)
            let admin = try await WorkspaceFixture.signIn(client, "admin")
            let revoked = try await client.post("/admin/tokens/\(id)/revoke", form: ["_csrf": admin.csrf], headers: admin.headers)
            #expect(revoked.status == .seeOther)
            let refused = try await client.post("/api/v1/projects/1-1/reports", json: body, headers: [.authorization: "Bearer \(secret)"])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(refused.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test func scriptInANoteIsEscapedEverywhere() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let script = "<script>alert('x')</script>"
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            _ = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2025", "action": "submit", "v.1-1.data-market-size": "44조원",
                "n.1-1.data-market-size": script, "src.1-1.data-market-size": script,
            ], headers: lee.headers)
            let park = try await WorkspaceFixture.signIn(client, "park")
            let fact = try #require(try await f.store.facts(.observation, states: [.submitted]).first)
            _ = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "approve", "pick": "observation:\(fact.id)"],
                                      headers: park.headers)
            let pages = [
                try await client.fetch("/admin/queue", headers: [.cookie: park.cookie]).body,
                try await client.fetch("/admin/audit", headers: [.cookie: park.cookie]).body,
                try await client.fetch("/admin/projects/1-1/report?period=2025", headers: [.cookie: lee.cookie]).body,
                try await client.fetch("/indicators/1-1.data-market-size").body,
                try await client.fetch("/indicators/1-1.data-market-size?lang=en").body,
            ]
            for page in pages {
                #expect(!page.contains("<script>"))
            }
            #expect(pages[3].contains("&lt;script&gt;"))
            // In the API, it is data in JSON, not markup.
            let api = try await client.fetch("/api/v1/indicators/1-1.data-market-size/observations").body
            #expect(api.contains("\\/script>") || api.contains("</script>"))
            #expect(try JSONValue.parse(api)["observations"]?.array?.first?["note"]?.string == script)
        }
    }

    @Test func uploadsAreLimitedInSizeWithAClearError() async throws {
        let f = try await WorkspaceFixture.make { $0.maxUploadBytes = 1 << 20 }
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let big = String(repeating: "1-1.data-market-size,2025,1\n", count: 60_000)
            let body = "--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(lee.csrf)\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n\(big)\r\n--B--\r\n"
            let response = try await client.execute(uri: "/admin/projects/1-1/upload", method: .post,
                                                    headers: [.cookie: lee.cookie, .contentType: "multipart/form-data; boundary=B"],
                                                    body: ByteBuffer(string: body)) { Fetched(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
            #expect(response.status == .contentTooLarge)
            #expect(response.body.contains("1MB"))
        }
    }

    @Test func theAccessLogKeepsNoQueryStringsAndOnlySafeRequestIds() {
        #expect(AccessLog.pathOnly("/signin?next=/admin&password=hunter2") == "/signin")
        #expect(AccessLog.pathOnly("/search?q=" + String(repeating: "x", count: 500)) == "/search")
        #expect(AccessLog.requestId(from: [.requestId: "lb-0123456789"]) == "lb-0123456789")
        for hostile in ["a\nforged log line", "<script>x</script>", "short", String(repeating: "a", count: 65)] {
            let id = AccessLog.requestId(from: [HTTPField.Name("X-Request-Id")!: hostile])
            #expect(id != hostile && id.count == 16 && id.allSatisfy(\.isHexDigit), "\(hostile) was not replaced")
        }
    }

    @Test func httpsAnswersCarryStrictTransportSecurity() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            let plain = try await client.fetch("/")
            #expect(plain.headers[.strictTransportSecurity] == nil)
            let proxied = try await client.fetch("/", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(proxied.headers[.strictTransportSecurity] == "max-age=31536000")
            #expect(proxied.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        }
    }

    @Test func changingAPasswordSignsOutEveryOtherSession() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let here = try await WorkspaceFixture.signIn(client, "lee")
            let elsewhere = try await WorkspaceFixture.signIn(client, "lee")
            let changed = try await client.post("/admin/password", form: ["_csrf": here.csrf, "current": WorkspaceFixture.passwords["lee"]!,
                                                                       "new": "a brand new passphrase", "confirm": "a brand new passphrase"],
                                                headers: here.headers)
            #expect(changed.status == .seeOther)
            #expect(try await client.fetch("/admin", headers: [.cookie: here.cookie]).status == .ok, "this browser stays signed in")
            #expect(try await client.fetch("/admin", headers: [.cookie: elsewhere.cookie]).status == .seeOther, "the other is signed out")
        }
    }

    @Test func signInSendsPeopleOnlyToPathsOfThisSite() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let form = try await WorkspaceFixture.signInForm(client)
            let (cookie, token) = (form.cookie, form.csrf)
            // A tab, newline or backslash is dropped by browsers, which then read `//evil.example`.
            for next in ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/",
                         "/\u{7F}/evil.example", " /admin", "/admin\u{0}", "javascript:alert(1)"] {
                let shown = try await client.fetch("/signin?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                #expect(shown.body.contains("name=\"next\" value=\"/admin\""), "the form kept next=\(next.debugDescription)")
                let answer = try await client.post("/signin", form: ["_csrf": token, "username": "lee", "password": WorkspaceFixture.passwords["lee"]!,
                                                                    "next": next], headers: [.cookie: cookie])
                #expect(answer.headers[.location] == "/admin", "next=\(next.debugDescription) sent to \(answer.headers[.location] ?? "")")
            }
            let good = try await client.post("/signin", form: ["_csrf": token, "username": "lee", "password": WorkspaceFixture.passwords["lee"]!,
                                                              "next": "/admin/projects/1-1/report?period=2025"], headers: [.cookie: cookie])
            #expect(good.headers[.location] == "/admin/projects/1-1/report?period=2025")
            // The error page's language link never points at another host.
            for path in ["//evil.example", "//evil.example/x", "///evil.example"] {
                let missing = try await client.fetch(path)
                #expect(missing.status == .notFound)
                #expect(!missing.body.links.contains { $0.hasPrefix("//") }, "\(path): \(missing.body.links)")
            }
            let page2 = try await client.fetch("//projects/1-1")
            #expect(!page2.body.links.contains { $0.hasPrefix("//") })
        }
    }

    @Test func parallelGuessesAreCountedBeforeThePasswordIsChecked() async throws {
        let f = try await WorkspaceFixture.make { $0.signInFailuresPerAccount = 3; $0.signInFailuresPerAddress = 100 }
        try await f.withClient { client in
            let form = try await WorkspaceFixture.signInForm(client)
            let (cookie, token) = (form.cookie, form.csrf)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for i in 0..<12 {
                    group.addTask {
                        try await client.post("/signin", form: ["_csrf": token, "username": "lee", "password": "wrong guess \(i)"],
                                              headers: [.cookie: cookie]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 3, "\(statuses.map(\.code))")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 9)
        }
    }

    @Test func theAddressLimitCountsTheClientATrustedProxyNames() async throws {
        let proxy: Set<String> = ["10.0.0.5"]
        #expect(ClientAddress.of(peer: "10.0.0.5", forwardedFor: "203.0.113.7", trustedProxies: proxy) == "203.0.113.7")
        // Only the entry the proxy appended: a client can write anything before it.
        #expect(ClientAddress.of(peer: "10.0.0.5", forwardedFor: "1.1.1.1, 203.0.113.7", trustedProxies: proxy) == "203.0.113.7")
        #expect(ClientAddress.of(peer: "10.0.0.5", forwardedFor: "2001:db8::1", trustedProxies: proxy) == "2001:db8::1")
        #expect(ClientAddress.of(peer: "10.0.0.5", forwardedFor: "not an address", trustedProxies: proxy) == "10.0.0.5")
        // From anyone else the header is ignored.
        #expect(ClientAddress.of(peer: "198.51.100.9", forwardedFor: "203.0.113.7", trustedProxies: proxy) == "198.51.100.9")
        #expect(ClientAddress.of(peer: "10.0.0.5", forwardedFor: "203.0.113.7", trustedProxies: []) == "10.0.0.5")
        // Through a live server behind a proxy on loopback: each client has its own address limit.
        let f = try await WorkspaceFixture.make { $0.signInFailuresPerAddress = 2; $0.trustedProxies = ["127.0.0.1"] }
        let app = try buildApplication(site: f.site, configuration: WebConfiguration(port: 0))
        try await app.test(.live) { client in
            let form = try await WorkspaceFixture.signInForm(client)
            let (cookie, token) = (form.cookie, form.csrf)
            func attempt(_ user: String, from address: String) async throws -> HTTPResponse.Status {
                try await client.post("/signin", form: ["_csrf": token, "username": user, "password": "wrong guess"],
                                      headers: [.cookie: cookie, .forwardedFor: address]).status
            }
            #expect(try await attempt("ghost1", from: "203.0.113.7") == .unauthorized)
            #expect(try await attempt("ghost2", from: "203.0.113.7") == .unauthorized)
            #expect(try await attempt("ghost3", from: "203.0.113.7") == .tooManyRequests)
            #expect(try await attempt("ghost4", from: "203.0.113.8") == .unauthorized, "another client behind the same proxy")
        }
    }

    @Test func failedSignInsAreAuditedWithTheNameCutAndEscaped() async throws {
        let f = try await WorkspaceFixture.make { $0.signInFailuresPerAccount = 1 }
        try await f.withClient { client in
            let form = try await WorkspaceFixture.signInForm(client)
            let (cookie, token) = (form.cookie, form.csrf)
            let hostile = "\u{1B}]0;owned\u{7}\u{1B}[2J" + String(repeating: "x", count: 3_000)
            for _ in 0..<2 {
                _ = try await client.post("/signin", form: ["_csrf": token, "username": hostile, "password": "wrong guess"], headers: [.cookie: cookie])
            }
            let events = try await f.store.auditEvents(after: 0, limit: 1000).filter { $0.action.hasPrefix("signin.") }
            #expect(events.map(\.action) == ["signin.failed", "signin.limited"])
            for e in events {
                let text = e.entity + e.after.compact
                #expect(text.utf8.count < 400, "\(e.action) keeps \(text.utf8.count) bytes")
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(e.action) keeps a control character")
            }
            // What `planwatch audit log` prints is escaped the same way, C1 controls and bidirectional overrides too.
            #expect(AuditText.printable("a\u{9B}2Jb\u{202E}c\u{1B}") == "a\\u{9b}2Jb\\u{202e}c\\u{1b}")
            #expect(AuditText.typed(String(repeating: "가", count: 100)) == String(repeating: "가", count: 64) + "…")
        }
    }

    @Test func passwordsAreReadWholeAndWithoutNUL() async throws {
        // bcrypt stops at a NUL and after 72 bytes: neither may shorten a password.
        let long = String(repeating: "가", count: 24)
        let hash = Passwords.hash(long + "first ending", cost: 4)
        #expect(hash.hasPrefix("sha256+$2"))
        #expect(Passwords.verify(long + "first ending", hash: hash))
        #expect(!Passwords.verify(long + "other ending", hash: hash), "the 73rd byte onwards counts")
        #expect(!Passwords.verify(long, hash: hash))
        // Hashes made before the change (plain bcrypt of the password) still verify.
        let legacy = "$2b$04$IJS412PUqGou5fntwBWkz.70i6LoCNUV6V9Sm1CCLgiIYSUUIBlMy"
        #expect(Passwords.verify("reporter password 1", hash: legacy))
        #expect(!Passwords.verify("reporter password 1\u{0}anything", hash: legacy), "a NUL is refused, not cut at")
        #expect(Passwords.problem(String(repeating: "a", count: 128)) == nil)
        #expect(Passwords.problem(String(repeating: "a", count: 129)) == "tooLong")
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            for new in ["short\u{0}padding padding", String(repeating: "가", count: 129)] {
                let answer = try await client.post("/admin/password", form: ["_csrf": lee.csrf, "current": WorkspaceFixture.passwords["lee"]!,
                                                                          "new": new, "confirm": new], headers: lee.headers)
                #expect(answer.status == .unprocessableContent, "\(new.count) characters: \(answer.status)")
            }
            let longest = String(repeating: "가", count: 128)
            let ok = try await client.post("/admin/password", form: ["_csrf": lee.csrf, "current": WorkspaceFixture.passwords["lee"]!,
                                                                  "new": longest, "confirm": longest], headers: lee.headers)
            #expect(ok.status == .seeOther)
            #expect(try await WorkspaceFixture.signIn(client, "lee", password: longest).cookie.hasPrefix("pw_session="))
        }
    }

    @Test func tokensExpireAndShowTheirLastUse() async throws {
        let f = try await WorkspaceFixture.make()
        let directory = Directory(store: f.store)
        // Made 400 days ago with the default lifetime of a year: expired.
        let stale = try await TokenIssuer.issue(name: "forgotten", role: .reporter, organizationId: "msit", directory: directory, actor: .system,
                                                at: Timestamp(seconds: Timestamp.now.seconds - 400 * 86_400))
        #expect(stale.token.expiresAt == stale.token.createdAt + 365 * 86_400)
        let fresh = try await f.token(role: .reporter, organization: "msit")
        try await f.withClient { client in
            let body = #"{"observations":[{"indicatorId":"1-1.data-market-size","period":"2025","value":"44조원"}]}"#
            let refused = try await client.post("/api/v1/projects/1-1/reports", json: body, headers: [.authorization: "Bearer \(stale.secret)"])
            #expect(refused.status == .unauthorized)
            #expect(refused.body.contains("expired"))
            let ok = try await client.post("/api/v1/projects/1-1/reports", json: body, headers: [.authorization: "Bearer \(fresh)"])
            #expect(ok.status == .created)
            // The administrator sees when each token expires and when it was last used.
            let admin = try await WorkspaceFixture.signIn(client, "admin")
            let page = try await client.fetch("/admin/tokens", headers: [.cookie: admin.cookie]).body
            #expect(page.contains(Catalog.ko["token_expired"]))
            #expect(page.contains(Catalog.ko["token_never_used"]))
            #expect(page.contains(AuditPage.kst(.now).prefix(10)))
            // A token made on the page lasts as long as asked, within one to 1,825 days.
            let made = try await client.post("/admin/tokens", form: ["_csrf": admin.csrf, "name": "nightly", "role": "reporter", "organization": "msit",
                                                                    "days": "30"], headers: admin.headers)
            #expect(made.status == .ok)
            let nightly = try #require(try await directory.tokens().first { $0.name == "nightly" })
            #expect(nightly.expiresAt == nightly.createdAt + 30 * 86_400)
            let tooLong = try await client.post("/admin/tokens", form: ["_csrf": admin.csrf, "name": "forever", "role": "reporter", "organization": "msit",
                                                                       "days": "100000"], headers: admin.headers)
            #expect(tooLong.status == .unprocessableContent)
        }
    }

    @Test func metricsAndReadinessAreNotPublic() async throws {
        let site = WebFixture.bare()
        // Without an operations token the site's port does not have them at all.
        let router = try buildRouter(site: site, fastPath: FastPathCache(site: site))
        try await Application(router: router).test(.router) { client in
            let metrics = try await client.fetch("/metrics", headers: WebFixture.ops), ready = try await client.fetch("/readyz", headers: WebFixture.ops)
            let live = try await client.fetch("/healthz")
            #expect(metrics.status == .notFound)
            #expect(ready.status == .notFound)
            #expect(live.status == .ok)
        }
        // With one, only a request that carries it sees them.
        try await WebFixture.withClient(site) { client in
            let anonymous = try await client.fetch("/metrics"), wrong = try await client.fetch("/metrics", headers: [.authorization: "Bearer guess"])
            #expect(anonymous.status == .notFound && wrong.status == .notFound)
            #expect(try await client.fetch("/readyz").status == .notFound)
            #expect(try await client.fetch("/metrics", headers: WebFixture.ops).status == .ok)
            #expect(try await client.fetch("/readyz", headers: WebFixture.ops).status == .ok)
        }
        // The operations listener serves them to whoever reaches it (it binds to loopback by default).
        try await Application(router: buildOperationsRouter(site: site)).test(.router) { client in
            let metrics = try await client.fetch("/metrics")
            #expect(metrics.status == .ok && metrics.body.contains("planwatch_read_model_version"))
            #expect(try await client.fetch("/readyz").status == .ok)
        }
    }

    @Test func serveStartsTheOperationsListenerBesideTheSite() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tokenFile = dir.appendingPathComponent("ops-token").path
        try Data((WebFixture.opsToken + "\n").utf8).write(to: URL(fileURLWithPath: tokenFile))
        let opsPort = Int.random(in: 49000...49999)
        guard let server = try await ServerProcess.start(db: "sqlite:" + dir.appendingPathComponent("ops.sqlite").path,
                                                         arguments: ["--ops-port", "\(opsPort)", "--ops-token-file", tokenFile]) else { return }
        #expect(try await Curl.answer(["\(server.url)/metrics"]).status == 404)
        #expect(try await Curl.answer(["-H", "Authorization: Bearer \(WebFixture.opsToken)", "\(server.url)/metrics"]).status == 200)
        #expect(try await Curl.run(["-sf", "http://127.0.0.1:\(opsPort)/readyz"]).hasPrefix("ready"))
        #expect(try await Curl.run(["-sf", "http://127.0.0.1:\(opsPort)/metrics"]).contains("planwatch_read_model_version"))
        await server.stop()
    }
}
