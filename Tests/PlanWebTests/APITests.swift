import Foundation
import HTTPTypes
import HummingbirdTesting
import PlanCore
import Testing
@testable import PlanWeb

@Suite struct APITests {
    @Test func planIsTheSameDocumentAsTheCommandLineExport() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let r = try await client.fetch("/api/v1/plan")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try JSONValue.parse(r.body).canonical == PlanJSON.document(site.model.plan).canonical)
        }
    }

    @Test func assessmentsAreTheSameDocumentAsTheCommandLineAssessment() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let model = site.model
            let today = try await client.fetch("/api/v1/assessments")
            let all = Array(model.index.indicators.indices)
            #expect(try JSONValue.parse(today.body).canonical == PlanViewJSON.document(model.todayView, indicators: all, page: nil).canonical)
            // The command line's document is the same, with the plan's record added beside it.
            let stripped = Self.without(["planVersion", "planBudget", "planJobs", "ended", "againstOriginal"], try JSONValue.parse(today.body))
            #expect(stripped.canonical == AssessmentJSON.document(model.assessment, index: model.index).canonical)
            let day = CalendarDay(year: 2022, month: 6, day: 30)!
            let past = try await client.fetch("/api/v1/assessments?asOf=2022-06-30")
            let view = model.view(asOf: day)
            #expect(try JSONValue.parse(past.body).canonical == PlanViewJSON.document(view, indicators: Array(view.index.indicators.indices), page: nil).canonical)
        }
    }

    @Test func assessmentsFilterAndPage() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let project = try JSONValue.parse(try await client.fetch("/api/v1/assessments?project=1-4").body)
            let ids = project["indicators"]?.array?.compactMap { $0["indicatorId"]?.string } ?? []
            #expect(!ids.isEmpty)
            #expect(ids.allSatisfy { $0.hasPrefix("1-4.") })
            // The project-level parts cover the projects of the indicators in the answer; the plan's and pillars' roll-ups stay whole.
            #expect(project["rollups"]?["projects"]?.array?.compactMap { $0["id"]?.string } == ["1-4"])
            #expect(project["budget"]?.array?.compactMap { $0["projectId"]?.string } == ["1-4"])
            #expect(project["jobs"]?.array?.count == 1)
            let projectTasks = site.model.index.tasks.indices.filter { site.model.index.projects[site.model.index.projectOfTask[$0]].id == "1-4" }
            #expect(project["tasks"]?.array?.count == projectTasks.count)
            #expect(project["rollups"]?["pillars"]?.array?.count == site.model.plan.pillars.count)
            #expect(project["rollups"]?["plan"]?["indicatorCount"]?.int == site.model.index.indicators.count)
            let whole = try JSONValue.parse(try await client.fetch("/api/v1/assessments").body)
            #expect(whole["budget"]?.array?.count == site.model.index.projects.count)
            let paged = try JSONValue.parse(try await client.fetch("/api/v1/assessments?limit=5&offset=10").body)
            #expect(paged["indicators"]?.array?.count == 5)
            #expect(paged["page"]?["total"]?.int == site.model.index.indicators.count)
            let missed = try JSONValue.parse(try await client.fetch("/api/v1/assessments?status=missed").body)
            #expect(missed["indicators"]?.array?.allSatisfy { $0["status"]?.string == "missed" } == true)
        }
    }

    @Test func projectIndicatorObservationsAndReforms() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let project = try JSONValue.parse(try await client.fetch("/api/v1/projects/1-1").body)
            #expect(project["id"]?.string == "1-1")
            let indicator = try JSONValue.parse(try await client.fetch("/api/v1/indicators/1-4.gci-rank").body)
            #expect(indicator["indicator"]?["measure"]?.string == "rank")
            #expect(indicator["assessment"]?["status"]?.string != nil)
            let observations = try JSONValue.parse(try await client.fetch("/api/v1/indicators/1-1.data-market-size/observations").body)
            let list = observations["observations"]?.array ?? []
            #expect(list.count == site.model.history(of: "1-1.data-market-size").count)
            #expect(list.contains { $0["current"]?.bool == true })
            let reforms = try JSONValue.parse(try await client.fetch("/api/v1/reforms").body)
            #expect(reforms["reforms"]?.array?.count == site.model.index.tasks.filter { $0.kind == .reform }.count)
        }
    }

    @Test func errorsAreProblemDocuments() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            for (uri, status) in [("/api/v1/projects/9-9", 404), ("/api/v1/indicators/nope", 404), ("/api/v1/indicators/nope/observations", 404),
                                  ("/api/v1/assessments?asOf=yesterday", 400), ("/api/v1/assessments?project=9-9", 404), ("/api/v1/assessments?offset=-1", 400),
                                  ("/api/v1/assessments?limit=abc", 400), ("/api/v1/nothing", 404)] {
                let r = try await client.fetch(uri)
                #expect(Int(r.status.code) == status, "\(uri)")
                #expect(r.headers[.contentType]?.hasPrefix("application/problem+json") == true, "\(uri)")
                let problem = try JSONValue.parse(r.body)
                #expect(problem["status"]?.int == status, "\(uri)")
                #expect(problem["title"]?.string?.isEmpty == false, "\(uri)")
            }
        }
    }

    @Test func everyGetAnswersWithAnETagAndHonoursIfNoneMatch() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            for uri in ["/api/v1/plan", "/api/v1/assessments", "/api/v1/projects/1-1", "/api/v1/reforms", "/api/v1/openapi.yaml",
                        "/", "/projects/1-1", "/data/observations.csv", "/data/datapackage.json", "/static/site.css"] {
                let first = try await client.fetch(uri)
                let etag = try #require(first.headers[.eTag], "\(uri) has no ETag")
                let again = try await client.fetch(uri, headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified, "\(uri)")
                #expect(again.body.isEmpty)
                let changed = try await client.fetch(uri, headers: [.ifNoneMatch: "\"other\""])
                #expect(changed.status == .ok, "\(uri)")
            }
            // Pages in different languages are different bytes with different tags.
            let ko = try await client.fetch("/").headers[.eTag]
            let en = try await client.fetch("/?lang=en").headers[.eTag]
            #expect(ko != en)
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            for uri in ["/", "/api/v1/plan", "/data/projects.csv"] {
                let get = try await client.fetch(uri)
                let head = try await client.fetch(uri, method: .head)
                #expect(head.status == .ok, "\(uri)")
                #expect(head.body.isEmpty)
                #expect(head.headers[.eTag] == get.headers[.eTag])
            }
        }
    }

    @Test func openAPIDocumentIsServed() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            let r = try await client.fetch("/api/v1/openapi.yaml")
            #expect(r.status == .ok)
            #expect(r.body.hasPrefix("openapi: 3.1"))
            for path in ["/plan:", "/projects/{id}:", "/indicators/{id}:", "/indicators/{id}/observations:", "/assessments:", "/reforms:"] {
                #expect(r.body.contains(path))
            }
        }
    }

    /// `value` with the given keys removed from every object in it.
    static func without(_ keys: Set<String>, _ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let pairs): return .object(pairs.filter { !keys.contains($0.0) }.map { ($0.0, without(keys, $0.1)) })
        case .array(let items): return .array(items.map { without(keys, $0) })
        default: return value
        }
    }
}
