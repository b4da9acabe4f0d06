import Foundation
import HTTPTypes
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// Machine clients report, submit, approve and return through the API with tokens.
@Suite struct ReportingAPITests {
    @Test func aClientReportsAndACoordinatorDecides() async throws {
        let f = try await WorkspaceFixture.make()
        let reporter = try await f.token(role: .reporter, organization: "msit")
        let coordinator = try await f.token(role: .coordinator, organization: "pmo")
        try await f.withClient { client in
            let bad = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.data-market-size","period":"2025","value":"많이"},
                                 {"indicatorId":"nope","period":"2025","value":"1"}]}
                """, headers: [.authorization: "Bearer \(reporter)"])
            #expect(bad.status == .badRequest)
            let problem = try JSONValue.parse(bad.body)
            #expect(problem["errors"]?.array?.count == 2)
            #expect(try await f.store.facts(.observation, states: nil).isEmpty)

            let drafts = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.data-market-size","period":"2025","value":"44.1조원","source":"조사"}],
                 "budget":[{"fiscalYear":2025,"allocated":"1.2조원","executed":"1조 1,000억원"}],
                 "jobs":[{"year":2025,"jobs":"3만"}]}
                """, headers: [.authorization: "Bearer \(reporter)"])
            #expect(drafts.status == .created, "\(drafts.body)")
            let receipt = try JSONValue.parse(drafts.body)
            #expect(receipt["state"]?.string == "draft")
            #expect(receipt["facts"]?.array?.count == 3)
            let submitted = try await client.post("/api/v1/projects/1-1/reports/submit", json: #"{"year":2025}"#, headers: [.authorization: "Bearer \(reporter)"])
            #expect(submitted.status == .ok)
            #expect(try JSONValue.parse(submitted.body)["facts"]?.array?.count == 3)

            let observation = try #require(try await f.store.facts(.observation, states: [.submitted]).first)
            let budget = try #require(try await f.store.facts(.budget, states: [.submitted]).first)
            // Reporters do not approve.
            #expect(try await client.post("/api/v1/reports/observation/\(observation.id)/approve", json: "{}",
                                          headers: [.authorization: "Bearer \(reporter)"]).status == .forbidden)
            let approved = try await client.post("/api/v1/reports/observation/\(observation.id)/approve", json: "{}",
                                                 headers: [.authorization: "Bearer \(coordinator)"])
            #expect(approved.status == .ok)
            #expect(f.site.model.facts.observations.count == 1)
            // Deciding twice is a conflict.
            let twice = try await client.post("/api/v1/reports/observation/\(observation.id)/approve", json: "{}",
                                              headers: [.authorization: "Bearer \(coordinator)"])
            #expect(twice.status == .conflict)
            let noReason = try await client.post("/api/v1/reports/budget/\(budget.id)/return", json: #"{"reason":" "}"#,
                                                 headers: [.authorization: "Bearer \(coordinator)"])
            #expect(noReason.status == .badRequest)
            let returned = try await client.post("/api/v1/reports/budget/\(budget.id)/return", json: #"{"reason":"집행액 확인 필요"}"#,
                                                 headers: [.authorization: "Bearer \(coordinator)"])
            #expect(returned.status == .ok)
            #expect(try await f.store.fact(.budget, id: budget.id)?.returnReason == "집행액 확인 필요")
            let missing = try await client.post("/api/v1/reports/jobs/999999/approve", json: "{}", headers: [.authorization: "Bearer \(coordinator)"])
            #expect(missing.status == .notFound)
            // The audit chain names the token.
            let events = try await f.store.auditEvents(after: 0, limit: 1000)
            #expect(events.contains { $0.action == "fact.approve" && $0.actor.hasPrefix("token:") })
            #expect(try await f.store.verifyAudit().isIntact)
        }
    }

    @Test func twoValuesForOnePeriodInOneRequestAreRefusedNamingBoth() async throws {
        let f = try await WorkspaceFixture.make()
        let reporter = try await f.token(role: .reporter, organization: "msit")
        try await f.withClient { client in
            let both = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.data-market-size","period":"2024","value":"40조원"},
                                 {"indicatorId":"1-1.ai-specialist-firms","period":"2024","value":"90"},
                                 {"indicatorId":"1-1.data-market-size","period":"2024","value":"41조원"}],
                 "jobs":[{"year":2024,"jobs":"3만"},{"year":2024,"jobs":"4만"}]}
                """, headers: [.authorization: "Bearer \(reporter)"])
            #expect(both.status == .conflict, "\(both.body)")
            let errors = try JSONValue.parse(both.body)["errors"]?.array ?? []
            let messages = errors.compactMap { $0["message"]?.string }
            #expect(messages.contains { $0.hasPrefix("observations[2] repeats observations[0] (1-1.data-market-size 2024)") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("jobs[1] repeats jobs[0] (1-1 2024)") }, "\(messages)")
            #expect(try await f.store.facts(.observation, states: nil).isEmpty)
            #expect(try await f.store.facts(.jobs, states: nil).isEmpty)
        }
    }

    @Test func aReportCarriesItsSourceAndNullIsRefused() async throws {
        let f = try await WorkspaceFixture.make()
        let reporter = try await f.token(role: .reporter, organization: "msit")
        try await f.withClient { client in
            let auth: HTTPFields = [.authorization: "Bearer \(reporter)"]
            // No request field is nullable: null is refused, naming where, instead of read as left out.
            let null = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"tasks":[{"taskId":"1-1.public-data","date":"2024-01-01","progress":"notStarted","evidence":"x","provenance":{"definitionNote":null}}]}
                """, headers: auth)
            #expect(null.status == .badRequest && null.body.contains("tasks[0].provenance.definitionNote is null"))
            // The document's lengths hold for sources too.
            let long = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"tasks":[{"taskId":"1-1.public-data","date":"2024-01-01","progress":"notStarted","evidence":"x","source":"\(String(repeating: "0", count: 2001))",
                           "provenance":{"quote":"\(String(repeating: "가", count: 2001))"}}]}
                """, headers: auth)
            #expect(long.status == .badRequest && long.body.contains("tasks.source") && long.body.contains("tasks.provenance.quote"))
            // A publication date before the year reported ended is a forecast: refused, with the field named.
            let early = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.ai-specialist-firms","period":"2025","value":"140","source":"과학기술정보통신부",
                                  "provenance":{"url":"https://www.msit.go.kr/a","published":"2025-06-01"}}]}
                """, headers: auth)
            #expect(early.status == .badRequest && early.body.contains("observations.provenance.published") && early.body.contains("forecast"))
            let good = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.ai-specialist-firms","period":"2025","value":"140","source":"과학기술정보통신부",
                                  "provenance":{"title":"AI 산업 실태조사","url":"https://www.msit.go.kr/a","published":"2026-03-02","quote":"140개"}}]}
                """, headers: auth)
            #expect(good.status == .created, "\(good.body)")
            let stored = try await f.store.facts(.observation, states: nil).first
            #expect(stored?.entry.provenance?.published == CalendarDay(iso: "2026-03-02") && stored?.entry.provenance?.quote == "140개")
        }
    }

    @Test func aReportCarriesTheBasisItsFigureWasCountedOn() async throws {
        let f = try await WorkspaceFixture.make()
        let reporter = try await f.token(role: .reporter, organization: "msit")
        try await f.withClient { client in
            let auth: HTTPFields = [.authorization: "Bearer \(reporter)"]
            // Too long for a name, and a control character: refused, naming the field.
            let long = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.public-data-opened","period":"2025","value":"86,951개","basis":"\(String(repeating: "가", count: 201))"}]}
                """, headers: auth)
            #expect(long.status == .badRequest && long.body.contains("observations.basis") && long.body.contains("longer than 200"))
            let control = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.public-data-opened","period":"2025","value":"86,951개","basis":"목록\\u0007건수"}]}
                """, headers: auth)
            #expect(control.status == .badRequest && control.body.contains("observations.basis") && control.body.contains("control character"))
            // The same period on the plan's basis and on another: two figures, neither a revision of the other.
            let good = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"observations":[{"indicatorId":"1-1.public-data-opened","period":"2025","value":"15만개"},
                                 {"indicatorId":"1-1.public-data-opened","period":"2025","value":"86,951개","basis":"공공데이터포털 목록 건수 / portal listings"}]}
                """, headers: auth)
            #expect(good.status == .created, "\(good.body)")
            let stored = try await f.store.facts(.observation, states: nil).sorted { $0.id < $1.id }
            #expect(stored.map(\.key.basis) == ["", "공공데이터포털 목록 건수 / portal listings"] && stored.allSatisfy { $0.entry.supersedes == nil })
        }
    }

    @Test func theSchemaLimitsHoldAndEveryAPIPathNamesItsMethods() async throws {
        let f = try await WorkspaceFixture.make()
        let coordinator = try await f.token(role: .coordinator, organization: "pmo")
        let auth: HTTPFields = [.authorization: "Bearer \(coordinator)"]
        try await f.withClient { client in
            let long = String(repeating: "가", count: 2001)
            let tooLong = try await client.post("/api/v1/projects/1-1/reports", json: """
                {"tasks":[{"taskId":"1-1.public-data","date":"2024-01-02","progress":"inProgress","evidence":"\(long)"}],
                 "jobs":[{"year":2024,"jobs":""}]}
                """, headers: auth)
            #expect(tooLong.status == .badRequest)
            let fields = try JSONValue.parse(tooLong.body)["errors"]?.array?.compactMap { $0["field"]?.string }
            #expect(fields == ["jobs.jobs", "tasks.evidence"])
            #expect(try await f.store.facts(.taskStatus, states: nil).isEmpty)

            // A submit with no body at all submits every draft: none here.
            let bare = try await client.execute(uri: "/api/v1/projects/1-1/reports/submit", method: .post, headers: auth, body: nil) {
                Fetched(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
            }
            #expect(bare.status == .ok, "\(bare.body)")
            #expect(try JSONValue.parse(bare.body)["facts"]?.array?.isEmpty == true)

            let get = try await client.fetch("/api/v1/projects/1-1/reports")
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            let delete = try await client.execute(uri: "/api/v1/assessments", method: .delete, headers: [:], body: nil) { $0 }
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET, HEAD")
        }
    }
}
