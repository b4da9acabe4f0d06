import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

@Suite struct SiteTests {
    @Test func downloadsAreCSVWithBOMAndADataPackage() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            for name in ["projects", "budget", "jobs", "indicators", "targets", "tasks", "laws", "observations", "budget_executions",
                         "jobs_reports", "task_status_reports", "assessments"] {
                let r = try await client.fetch("/data/\(name).csv")
                #expect(r.status == .ok, "\(name)")
                #expect(r.body.hasPrefix("\u{FEFF}"), "\(name) has no BOM")
                #expect(r.headers[.contentType] == "text/csv; charset=utf-8")
            }
            let observations = try await client.fetch("/data/observations.csv").body
            #expect(observations.split(whereSeparator: \.isNewline).count == site.model.facts.observations.count + 1)
            let package = try JSONValue.parse(try await client.fetch("/data/datapackage.json").body)
            let paths = package["resources"]?.array?.compactMap { $0["path"]?.string } ?? []
            #expect(paths.contains("observations.csv"))
            #expect(paths.contains("projects.csv"))
            #expect(try await client.fetch("/data/secrets.csv").status == .notFound)
            #expect(try await client.fetch("/data/..%2F..%2Fetc%2Fpasswd").status == .notFound)
        }
    }

    /// A national plan's `datapackage.json` is described without its rows, and its
    /// `observations.csv` is written as it is sent; both must be what the small site serves.
    @Test func theDataPackageAndTheStreamedObservationsMatchTheWholeTables() async throws {
        let site = try await WebFixture.demo.value
        let model = site.model
        #expect(model.observations.count > 20)
        let whole = OpenDataExport.dataPackage(plan: model.plan, tables: OpenDataExport.tables(plan: model.plan, facts: model.facts), created: model.builtAt)
        let schema = OpenDataExport.dataPackage(plan: model.plan, tables: OpenDataExport.schemaTables(plan: model.plan), created: model.builtAt)
        #expect(schema.pretty == whole.pretty)

        let request = Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/data/observations.csv"),
                              body: RequestBody(buffer: ByteBuffer()))
        let response = DownloadRoutes.streamedObservations(model, request: request)
        let collected = CollectingWriter.Bytes()
        try await response.body.write(CollectingWriter(bytes: collected))
        let cached = try await WebFixture.withClient(site) { client in try await client.fetch("/data/observations.csv").body }
        #expect(String(buffer: collected.buffer) == cached)
        #expect(response.headers[.eTag] == "\"observations-\(model.version)\"")
        #expect(response.headers[.contentDisposition]?.contains("observations.csv") == true)
    }

    /// Keeps what a response body writes, for comparing.
    struct CollectingWriter: ResponseBodyWriter {
        final class Bytes: @unchecked Sendable {
            var buffer = ByteBuffer()
        }

        let bytes: Bytes
        mutating func write(_ buffer: ByteBuffer) async throws {
            var b = buffer
            bytes.buffer.writeBuffer(&b)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    @Test func searchFindsKoreanInsideWordsAndEnglish() throws {
        var plan = WebFixture.plan
        plan.pillars[0].projects[0].title.ko = "데이터댐 구축"
        let index = SearchIndex(plan)
        let dam = index.search("데이터").first { $0.0 == .project }?.1 ?? []
        #expect(dam.contains { $0.title.ko == "데이터댐 구축" })
        let law = index.search("원격교육").first { $0.0 == .law }?.1 ?? []
        #expect(law.contains { $0.title.ko == "(가칭)원격교육기본법" })
        let spaced = index.search("원격 교육")
        #expect(spaced.contains { $0.0 == .law })
        let english = index.search("REMOTE education")
        #expect(!english.isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("없는말없는말").isEmpty)
    }

    @Test func searchPageGroupsResultsByKindAndLinksThem() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            let page = try await client.fetch("/search?q=%EC%9B%90%EA%B2%A9%EA%B5%90%EC%9C%A1").body
            for heading in ["프로젝트", "지표", "과제", "법령"] where page.contains("<h2>\(heading)</h2>") {
                #expect(page.contains("<h2>\(heading)</h2>"))
            }
            #expect(page.contains("「(가칭)원격교육기본법」"))
            #expect(page.contains("href=\"/reforms#"))
            let none = try await client.fetch("/search?q=zzzzqqq&lang=en").body
            #expect(none.visibleText.contains("zzzzqqq"))
        }
    }

    @Test func metricsCountRequestsAndTellTheReadModelsAge() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            _ = try await client.fetch("/")
            _ = try await client.fetch("/projects/1-1")
            let metrics = try await client.fetch("/metrics", headers: WebFixture.ops).body
            #expect(metrics.contains("planwatch_http_requests_total{route=\"/\",method=\"GET\",status=\"200\"}"))
            #expect(metrics.contains("planwatch_http_request_duration_seconds_bucket{route=\"/projects/{id}\""))
            #expect(metrics.contains("planwatch_read_model_age_seconds"))
            #expect(metrics.contains("planwatch_read_model_version 1"))
            #expect(try await client.fetch("/healthz").body == "ok\n")
        }
    }

    @Test func readinessSaysHowFarTheReadModelIsBehindTheAuditChain() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let start = try await f.store.auditHead()
            #expect(try await client.fetch("/readyz", headers: WebFixture.ops).body.contains("audit events reflected \(start) of \(start)"))
            // A change made behind the server's back (as another server would) moves the head.
            try await Directory(store: f.store).addOrganization(OrganizationRecord(id: "moef", nameKo: "기획재정부", nameEn: "Ministry of Economy and Finance"),
                                                                actor: .system, at: .now)
            let head = try await f.store.auditHead()
            #expect(head > start)
            let before = try await client.fetch("/readyz", headers: WebFixture.ops)
            #expect(before.status == .ok && before.body.contains("of \(head)"))
            // The store follower notices within its interval.
            #expect(try await eventually { try await client.fetch("/readyz", headers: WebFixture.ops).body.contains("audit events reflected \(head) of \(head)") })
        }
    }

    @Test func republishingSwapsTheReadModelAndItsETags() async throws {
        let site = try await WebFixture.makeDemo()
        try await WebFixture.withClient(site) { client in
            let before = try await client.fetch("/api/v1/assessments")
            let store = try #require(site.store)
            let index = site.model.index
            let ids = try await store.append([FactEntry(.observation(indicatorId: "1-4.gci-rank", period: Period.year(2026)!, value: 3, text: nil))],
                                             state: .approved, actor: Actor("user:test"), at: .now)
            #expect(ids.count == 1)
            #expect(index.indicator("1-4.gci-rank") != nil)
            try await site.republish()
            // The store follower may have noticed the write too; either way a new model is out.
            #expect(site.model.version >= 2)
            let after = try await client.fetch("/api/v1/assessments", headers: [.ifNoneMatch: before.headers[.eTag] ?? ""])
            #expect(after.status == .ok)
            #expect(after.headers[.eTag] != before.headers[.eTag])
            let observations = try await client.fetch("/api/v1/indicators/1-4.gci-rank/observations").body
            #expect(observations.contains("\"period\":\"2026\""))
        }
    }

    @Test func sampleDataLoadsOnceAndIsMarked() async throws {
        let site = try await WebFixture.demo.value
        #expect(site.model.hasSampleData)
        #expect(site.model.facts.observations.count > 500)
        #expect(site.model.facts.budget.count == 12 * 6)
        #expect(!site.model.facts.taskStatuses.isEmpty)
        let store = try #require(site.store)
        let again = try await SampleData.load(into: store, index: site.model.index, planVersion: nil)
        #expect(again == 0)
        #expect(SampleData.rounds.map(\.day) == SampleData.rounds.map(\.day).sorted())
        try await WebFixture.withClient(WebFixture.bare()) { client in
            let page = try await client.fetch("/").body
            #expect(!page.contains("class=\"banner sample\""))
        }
    }

    @Test func statusColoursKeepContrastWithTheirText() throws {
        // The badges' colours are in the stylesheet; read them from there.
        let css = try #require(EmbeddedFiles.text("Sources/PlanWeb/Static/site.css"))
        for status in IndicatorStatus.allCases {
            let rule = try #require(css.firstMatch(of: try Regex("\\.s-\(status.rawValue)[^{]*\\{ background: (#[0-9a-f]{6});( color: (#[0-9a-f]{6});)?")))
            let background = String(rule.output[1].substring!)
            let text = rule.output.count > 3 ? rule.output[3].substring.map(String.init) ?? "#ffffff" : "#ffffff"
            #expect(SVG.contrast(background, text) >= 4.5, "\(status): \(background) on \(text)")
            #expect(text == SVG.textColour(status))
        }
        for status in TaskStatus.allCases {
            #expect(SVG.contrast(SVG.colour(status), "#ffffff") >= 4.5, "\(status)")
        }
        // Neighbouring verdicts differ in lightness, not only in hue, so colour-blind readers tell them apart.
        let order = IndicatorStatus.displayOrder.filter { $0 != .notYetAssessable && $0 != .reported }
        for (a, b) in zip(order, order.dropFirst()) {
            #expect(abs(SVG.luminance(SVG.colour(a)) - SVG.luminance(SVG.colour(b))) > 0.02 || a == .achieved, "\(a) and \(b)")
        }
        // Statuses are told apart by word as well as colour: every label differs.
        let labels = IndicatorStatus.allCases.map { Catalog.ko.status($0) }
        #expect(Set(labels).count == labels.count)
    }
}
