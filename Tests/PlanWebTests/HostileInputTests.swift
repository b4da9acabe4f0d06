import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// Hostile and careless input to the forms and the API: each gets a clear 4xx answer, nothing
/// is written, and the server keeps answering.
@Suite("Hostile input to forms and the API")
struct HostileInputTests {
    @Test func everyBadRequestIsAnsweredAndWritesNothing() async throws {
        let f = try await WorkspaceFixture.make()
        let reporter = try await f.token(role: .reporter, organization: "msit")
        let coordinator = try await f.token(role: .coordinator, organization: "pmo")
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let headBefore = try await f.store.auditHead()
            var tried = 0
            func expectRefused(_ answer: Fetched, _ what: String) {
                tried += 1
                #expect((400..<500).contains(answer.status.code), "\(what): \(answer.status.code)")
            }
            let api = "/api/v1/projects/1-1/reports"
            let auth: HTTPFields = [.authorization: "Bearer \(reporter)"]
            func observation(_ indicator: String = "1-1.data-market-size", period: String = "2025", value: String = "1조원") -> String {
                #"{"observations":[{"indicatorId":\#(Self.json(indicator)),"period":\#(Self.json(period)),"value":\#(Self.json(value))}]}"#
            }
            // The API: SQL-ish and script-ish text where ids go, impossible dates and numbers, unknown ids.
            for hostile in ["1'; DROP TABLE observations; --", "<script>alert(1)</script>", "../../etc/passwd", "1-1.data-market-size\u{0}", String(repeating: "가", count: 81)] {
                expectRefused(try await client.post(api, json: observation(hostile), headers: auth), "indicator \(hostile)")
            }
            for period in ["0000-00-00", "9999-99-99", "2025-02-30", "-1", "20255", "2025-Q5", "2025-H3", "'25.下'; --"] {
                expectRefused(try await client.post(api, json: observation(period: period), headers: auth), "period \(period)")
            }
            for value in ["1e400", "-1", "NaN", "Infinity", "1조원; DROP", "99999999999999999999999999조원", "", "%"] {
                expectRefused(try await client.post(api, json: observation(value: value), headers: auth), "value \(value)")
            }
            expectRefused(try await client.post(api, json: #"{"jobs":[{"year":0,"jobs":"1"}]}"#, headers: auth), "year 0")
            expectRefused(try await client.post(api, json: #"{"jobs":[{"year":99999999999,"jobs":"1"}]}"#, headers: auth), "year huge")
            expectRefused(try await client.post(api, json: #"{"tasks":[{"taskId":"1-1.public-data","date":"0000-00-00","progress":"done","evidence":"x"}]}"#, headers: auth), "date 0000")
            expectRefused(try await client.post(api, json: #"{"tasks":[{"taskId":"1-1.public-data","date":"9999-99-99","progress":"done","evidence":"x"}]}"#, headers: auth), "date 9999")
            expectRefused(try await client.post("/api/v1/projects/..%2F..%2Fetc/reports", json: observation(), headers: auth), "project traversal")
            expectRefused(try await client.post("/api/v1/reports/observation/-1/approve", json: "{}", headers: [.authorization: "Bearer \(coordinator)"]), "negative id")
            expectRefused(try await client.post("/api/v1/reports/nothing/1/approve", json: "{}", headers: [.authorization: "Bearer \(coordinator)"]), "unknown kind")
            // Wrong or missing content types, and bodies that are not JSON.
            for (type, body) in [("text/plain", observation()), ("application/xml", "<observations/>"), ("application/json", "{"), ("application/json", "[]"),
                                 ("application/json", String(repeating: "[", count: 100_000))] {
                let answer = try await client.execute(uri: api, method: .post, headers: auth.merging([.contentType: type]), body: ByteBuffer(string: body)) {
                    Fetched(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
                }
                expectRefused(answer, "content \(type) \(body.prefix(20))")
            }
            // An oversized API body.
            let huge = #"{"observations":[{"indicatorId":"1-1.data-market-size","period":"2025","value":""# + String(repeating: "9", count: 11 << 20) + #""}]}"#
            expectRefused(try await client.post(api, json: huge, headers: auth), "11 MB body")

            // Forms: the same kinds of value through the report form.
            for value in ["<script>alert(1)</script>", "1'; DROP TABLE observations; --", "1e400", "-5"] {
                let answer = try await client.post("/admin/projects/1-1/report", form: ["_csrf": lee.csrf, "period": "2025", "action": "save",
                                                                                       "v.1-1.data-market-size": value], headers: lee.headers)
                expectRefused(answer, "form value \(value)")
            }
            let traversal = try await client.post("/admin/projects/../../etc/report", form: ["_csrf": lee.csrf], headers: lee.headers)
            expectRefused(traversal, "form traversal")
            // Files: path traversal in every file-serving path.
            for path in ["/static/../Package.swift", "/static/..%2F..%2FPackage.swift", "/data/..%2F..%2Fetc%2Fpasswd", "/data/../Plans/digital-new-deal.yaml",
                         "/static/%2e%2e/%2e%2e/etc/passwd", "/admin/projects/1-1/template.csv?kind=../../etc/passwd"] {
                let answer = try await client.fetch(path, headers: lee.headers)
                tried += 1
                #expect(!answer.body.contains("root:x:0:0") && !answer.body.contains("swift-tools-version"), "\(path) leaked a file")
            }

            #expect(try await f.store.facts(.observation, states: nil).isEmpty, "nothing was recorded")
            #expect(try await f.store.facts(.jobs, states: nil).isEmpty)
            #expect(try await f.store.facts(.taskStatus, states: nil).isEmpty)
            #expect(try await f.store.auditHead() == headBefore, "no audit event for refused input")
            #expect(try await client.fetch("/healthz").status == .ok, "the server still answers")
            print("hostile input: \(tried) requests refused or contained, nothing written")
        }
    }

    static func json(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var fields = self
        for field in other { fields[field.name] = field.value }
        return fields
    }
}
