import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The office opens a round in the workspace; the ministry sees it first thing, hears of it in
/// its inbox, and subscribes to its due dates; the office follows it by organization.
@Suite struct RoundsPagesTests {
    @Test func theOfficeOpensARoundAndTheMinistrySeesAndHearsOfIt() async throws {
        let f = try await WorkspaceFixture.make()
        let today = Timestamp.now.koreanDay
        try await Directory(store: f.store).setPreferences(username: "lee", email: "lee@msit.go.kr", language: .ko, muted: [], actor: .system, at: .now)
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            // Mistakes are named next to their fields, and nothing is opened.
            let bad = try await client.post("/admin/rounds", form: ["_csrf": park.csrf, "title_ko": "점검\r\nBcc: x@y.z", "period_year": String(today.year),
                                                                    "period_part": "Q9", "due": "2020-01-01"], headers: park.headers)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("id=\"round-title-ko-error\"") && bad.body.contains("id=\"round-period-error\"")
                    && bad.body.contains("id=\"round-items-error\""))
            #expect(try await f.store.rounds().isEmpty)
            let due = today.adding(days: 14)
            let opened = try await client.post("/admin/rounds", form: [
                "_csrf": park.csrf, "title_ko": "\(today.year)년 4분기 실적 점검", "title_en": "Q4 \(today.year) progress review",
                "period_year": String(today.year), "period_part": "Q4", "item.indicators": "1", "item.budget": "1", "item.jobs": "1", "due": due.iso,
            ], headers: park.headers)
            #expect(opened.status == .seeOther)
            let round = try #require(try await f.store.rounds().first)
            #expect(opened.headers[.location] == "/admin/rounds/\(round.key)?done=round_opened")
            let page = try await client.fetch("/admin/rounds/\(round.key)", headers: [.cookie: park.cookie])
            #expect(page.status == .ok && page.body.contains("과학기술정보통신부") && page.body.contains("기관별 현황"))
            let english = try await client.fetch("/admin/rounds/\(round.key)?lang=en", headers: [.cookie: park.cookie]).body
            #expect(english.contains("Q4 \(today.year) progress review") && english.contains("Ministry of Science and ICT"))
            let csv = try await client.fetch("/admin/rounds/\(round.key)/status.csv", headers: [.cookie: park.cookie])
            #expect(csv.body.hasPrefix("\u{FEFF}round,organization_id,organization,project_id,kind"))
            #expect(csv.body.contains(",msit,과학기술정보통신부,1-1,budget,1-1,") && csv.body.contains(",missing,no,\(due.iso)"))
            let xlsx = try await client.fetch("/admin/rounds/\(round.key)/status.xlsx", headers: [.cookie: park.cookie])
            #expect(xlsx.status == .ok && xlsx.headers[.contentType] == XLSXDownload.contentType)
            let status = try await client.fetch("/admin/status", headers: [.cookie: park.cookie]).body
            #expect(status.contains("/admin/rounds/\(round.key)") && status.contains("점검별 현황"))
            #expect(try await client.fetch("/admin/rounds/r999", headers: [.cookie: park.cookie]).status == .notFound)

            // The ministry's first page: its open rounds, nearest due date first, and what remains.
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let home = try await client.fetch("/admin", headers: [.cookie: lee.cookie]).body
            #expect(home.contains("진행 중인 점검") && home.contains("\(today.year)년 4분기 실적 점검") && home.contains("14일 남음"))
            let inbox = try await client.fetch("/admin/inbox", headers: [.cookie: lee.cookie]).body
            #expect(inbox.contains("자료 제출 요청") && inbox.contains("메일 발송 대기") && inbox.contains("이 서버는 메일을 발송하지 않습니다"))
            let newest = try #require(try await f.store.notifications(recipient: "lee", limit: 1).first)
            let read = try await client.post("/admin/inbox", form: ["_csrf": lee.csrf, "through": String(newest.id)], headers: lee.headers)
            #expect(read.status == .seeOther)
            #expect(try await f.store.unreadNotifications(recipient: "lee") == 0)
            // Another organization that the round asks too hears of its own items only.
            let choi = try await f.store.notifications(recipient: "choi", limit: 10)
            #expect(choi.count == 1 && !choi[0].content.body.contains("과학기술정보통신부"))

            let closed = try await client.post("/admin/rounds/\(round.key)/close", form: ["_csrf": park.csrf], headers: park.headers)
            #expect(closed.headers[.location] == "/admin/rounds/\(round.key)?done=round_closed")
            #expect(try await f.store.rounds().first?.isOpen == false)
        }
    }

    @Test func preferencesSetTheAddressTheLanguageAndWhatComes() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let page = try await client.fetch("/admin/preferences", headers: [.cookie: lee.cookie]).body
            #expect(page.contains("name=\"kind.returned\" value=\"1\" checked disabled"))
            let bad = try await client.post("/admin/preferences", form: ["_csrf": lee.csrf, "email": "lee at msit", "language": "ko"], headers: lee.headers)
            #expect(bad.status == .unprocessableContent && bad.body.contains("id=\"pref-email-error\""))
            let saved = try await client.post("/admin/preferences", form: ["_csrf": lee.csrf, "email": "lee@msit.go.kr", "language": "en",
                                                                           "kind.submitted": "1", "kind.round-opened": "1"], headers: lee.headers)
            #expect(saved.status == .seeOther)
            let account = try #require(try await Directory(store: f.store).account("lee"))
            #expect(account.email == "lee@msit.go.kr" && account.language == .en)
            #expect(Set(account.mutedNotifications ?? []) == [.dueSoon, .overdue, .lateSummary, .approved, .revisionSubmitted, .revisionApproved])
            // Another organization's administrator sees the address masked.
            let admin = try await WorkspaceFixture.signIn(client, "admin")
            let accounts = try await client.fetch("/admin/accounts", headers: [.cookie: admin.cookie]).body
            #expect(!accounts.contains("lee@msit.go.kr") && accounts.contains("l•••@msit.go.kr"))
        }
    }

    @Test func theCalendarFeedGivesDueDatesAndNothingElseUntilRevoked() async throws {
        let f = try await WorkspaceFixture.make()
        let today = Timestamp.now.koreanDay
        _ = try await ReportingRounds(store: f.store, index: f.site.model.index, dueAfterDays: 60)
            .open(RoundDraft(title: LocalizedText(ko: "수시 점검; 특별, 자료", en: "Special review"), period: .year(today.year)!, items: [.tasks],
                             due: today.adding(days: 3)), actor: Actor("user:park"), at: .now)
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let made = try await client.post("/admin/preferences/calendar", form: ["_csrf": lee.csrf, "action": "renew"], headers: lee.headers).body
            let address = try #require(made.firstMatch(of: /\/calendar\/(pwc_[0-9a-f]{64})\.ics/).map { String($0.1) })
            let feed = try await client.fetch("/calendar/\(address).ics")
            #expect(feed.status == .ok && feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.body.hasPrefix("BEGIN:VCALENDAR\r\n") && feed.body.contains("SUMMARY:[제출 기한] 수시 점검\\; 특별\\, 자료"))
            #expect(feed.body.contains("DTSTART;VALUE=DATE:\(today.adding(days: 3).iso.replacingOccurrences(of: "-", with: ""))"))
            #expect(!feed.body.contains("lee") && !feed.body.contains("@msit"))
            #expect(try await client.fetch("/calendar/\(address).ics?lang=en").body.contains("SUMMARY:[Due] Special review"))
            #expect(try await client.fetch("/calendar/pwc_\(String(repeating: "0", count: 64)).ics").status == .notFound)
            #expect(try await client.fetch("/calendar/\(address)").status == .notFound)
            let revoked = try await client.post("/admin/preferences/calendar", form: ["_csrf": lee.csrf, "action": "revoke"], headers: lee.headers)
            #expect(revoked.status == .seeOther)
            #expect(try await client.fetch("/calendar/\(address).ics").status == .notFound)
        }
    }
}

/// The calendar feed read by the PyPI package `icalendar`, as a subscribing client would
/// (`Tests/Mail/check_feed.py`); with `PLANWATCH_TEST_SMTP=1`, which installs it.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLANWATCH_TEST_SMTP"] == "1"))
struct CalendarFeedValidityTests {
    @Test func theFeedParsesWithIcalendar() async throws {
        let f = try await WorkspaceFixture.make()
        let today = Timestamp.now.koreanDay
        let rounds = ReportingRounds(store: f.store, index: f.site.model.index, dueAfterDays: 60)
        let titles = ["2026년 4분기 실적 점검, 특별; 보고 \\ 긴 제목이 75바이트를 넘어 접혀야 하는 경우를 시험합니다", "수시 점검"]
        for (i, title) in titles.enumerated() {
            _ = try await rounds.open(RoundDraft(title: LocalizedText(ko: title), period: .year(today.year)!, items: [.indicators, .tasks],
                                                 due: today.adding(days: 5 + i)), actor: Actor("user:park"), at: .now)
        }
        let secret = try await Directory(store: f.store).renewCalendarFeed(organization: "msit", actor: .system, at: .now)
        let feed = try await f.withClient { client in try await client.fetch("/calendar/\(secret).ics").body }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-feed-\(UUID().uuidString).ics").path
        FileManager.default.createFile(atPath: path, contents: Data(feed.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ServerProcess.root.appendingPathComponent("Tests/Mail/check_feed.py").path, path]
            + titles.enumerated().map { "[제출 기한] \($1)=\(today.adding(days: 5 + $0).iso)" }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(report)")
    }
}
