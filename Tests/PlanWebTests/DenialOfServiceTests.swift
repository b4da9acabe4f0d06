import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
@testable import PlanStore
import Testing
@testable import PlanWeb

/// Requests that cost the sender little and the server much (docs/security.md, V11 and 12.1):
/// each is refused before the work, or the work is bounded by how much of it can be kept.
/// Tests never time anything; they count the work instead. `scripts/load-check` measures the
/// same requests against a running server.
@Suite struct DenialOfServiceTests {
    static func multipart(_ fields: [(String, String)], boundary: String) -> String {
        fields.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined() + "--\(boundary)--\r\n"
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, body: String, type: String, cookie: String) async throws -> Fetched {
        try await client.execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: type], body: ByteBuffer(string: body)) {
            Fetched(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
        }
    }

    @Test func multipartIsParsedOnlyWhereFilesAreExpected() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            // A stranger's multipart sign-in with an 8,000-character boundary: refused unread.
            let form = try await WorkspaceFixture.signInForm(client)
            let (cookie, token) = (form.cookie, form.csrf)
            let long = String(repeating: "-", count: 8000)
            let dashes = String(repeating: "-", count: 200_000)
            let signIn = try await Self.post(client, "/signin", body: dashes, type: "multipart/form-data; boundary=\(long)", cookie: cookie)
            #expect(signIn.status == .unsupportedMediaType)
            // Even a well-formed multipart sign-in: the form takes fields only.
            let wellFormed = Self.multipart([("_csrf", token), ("username", "lee"), ("password", WorkspaceFixture.passwords["lee"]!)], boundary: "b")
            #expect(try await Self.post(client, "/signin", body: wellFormed, type: "multipart/form-data; boundary=b", cookie: cookie).status
                == .unsupportedMediaType)
            // An upload form with a boundary longer than RFC 2046 allows is refused, not searched.
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let tooLong = String(repeating: "a", count: 71)
            let upload = Self.multipart([("_csrf", lee.csrf), ("kind", "observations")], boundary: tooLong)
            #expect(try await Self.post(client, "/admin/projects/1-1/upload", body: upload, type: "multipart/form-data; boundary=\(tooLong)",
                                        cookie: lee.cookie).status == .badRequest)
            let longest = String(repeating: "a", count: 70)
            let fine = Self.multipart([("_csrf", lee.csrf), ("kind", "observations")], boundary: longest)
            let answer = try await Self.post(client, "/admin/projects/1-1/upload", body: fine, type: "multipart/form-data; boundary=\(longest)",
                                             cookie: lee.cookie)
            #expect(answer.status == .unprocessableContent && answer.body.contains(Catalog.ko["upload_no_file"]), "\(answer.status)")
        }
    }

    @Test func formsWithNoTokenToMatchAreRefusedUnread() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            // No session and no sign-in cookie: there is no token the body could match.
            let anonymous = try await client.execute(uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                     body: ByteBuffer(string: "_csrf=x&username=lee&password=x")) { $0.status }
            #expect(anonymous == .forbidden)
        }
    }

    @Test func pastAssessmentsAreForgottenLeastRecentlyUsedFirst() async throws {
        let holder = ReadModelHolder(ReadModel(version: 1, plan: WebFixture.plan, facts: .empty, today: Timestamp.now.koreanDay))
        let first = CalendarDay(year: 2021, month: 1, day: 1)!
        let limit = ReadModelHolder.pastAssessmentLimit
        for d in 0..<limit { _ = await holder.view(asOf: first.adding(days: d)) }
        #expect(holder.pastAssessmentsComputed == limit)
        // New dates past the limit each cost one entry: the date read again just now stays.
        for d in limit..<(limit + 10) {
            _ = await holder.view(asOf: first)
            _ = await holder.view(asOf: first.adding(days: d))
        }
        #expect(holder.pastAssessmentsComputed == limit + 10, "the first date was never computed again")
        _ = await holder.view(asOf: first.adding(days: limit - 1))
        #expect(holder.pastAssessmentsComputed == limit + 10, "nor was a recent one")
    }

    @Test func coldAssessmentsAreSharedAndRunABoundedNumberAtATime() async throws {
        let holder = ReadModelHolder(ReadModel(version: 1, plan: WebFixture.plan, facts: .empty, today: Timestamp.now.koreanDay))
        let days = (0..<4).map { CalendarDay(year: 2022, month: 3, day: 1 + $0)! }
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<20 { group.addTask { _ = await holder.view(asOf: days[i % days.count]) } }
        }
        #expect(holder.pastAssessmentsComputed == days.count, "readers of one date share one assessment")
        #expect(holder.work.peak <= holder.work.limit)
    }

    @Test func downloadsThatIgnoreTheDateAreBuiltOnce() async throws {
        let site = WebFixture.bare()
        try await WebFixture.withClient(site) { client in
            let before = site.holder.cachedResponseCount
            for d in 1...10 { #expect(try await client.fetch("/data/plan.json?asOf=2021-01-\(d < 10 ? "0" : "")\(d)").status == .ok) }
            #expect(site.holder.cachedResponseCount == before + 1)
            // The assessment depends on the date; a date written two ways is one date.
            for asOf in ["2021-01-01", "2021-01-02"] { #expect(try await client.fetch("/data/assessments.csv?asOf=\(asOf)").status == .ok) }
            #expect(site.holder.pastAssessmentsComputed == 2)
            let bad = try await client.fetch("/?asOf=+021-01-01")
            #expect(bad.status == .badRequest)
            #expect(site.holder.pastAssessmentsComputed == 2)
        }
    }

    @Test func theAuditPageWalksOnlyWhatWasAppendedSinceItsLastView() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            #expect(try await client.fetch("/admin/audit", headers: [.cookie: park.cookie]).status == .ok)
            let first = try #require(f.site.auditVerifiedThrough)
            // An edit before the checkpoint is not walked again by the page…
            let sqlite = try #require(f.store as? SQLiteStore)
            try await sqlite.executeRaw("DROP TRIGGER audit_no_update")
            try await sqlite.executeRaw("UPDATE audit_events SET actor = 'user:mallory' WHERE seq = 1")
            _ = try await client.fetch("/admin", headers: [.cookie: park.cookie])
            let page = try await client.fetch("/admin/audit", headers: [.cookie: park.cookie]).body
            #expect(!page.contains(Catalog.ko["audit_broken"]))
            #expect(try #require(f.site.auditVerifiedThrough).seq >= first.seq)
            // …while the whole walk finds it.
            #expect(try await f.store.verifyAudit().firstProblem?.seq == 1)
        }
    }
}
