import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The quarterly review in the workspace (read on the page, downloaded as HWPX and the other
/// forms), the print stylesheet, and the charts the press can reuse: standalone SVGs, the CSV of
/// the points drawn, and an indicator's chart other sites may frame.
@Suite("The review and charts for reuse")
struct ReviewAndChartsTests {
    struct Download: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    func download(_ client: any TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> Download {
        try await client.execute(uri: uri, method: .get, headers: headers, body: nil) { r in
            Download(status: r.status, headers: r.headers, bytes: Array(r.body.readableBytesView))
        }
    }

    @Test("a coordinator reads the review and downloads it as the command line writes it, byte for byte")
    func review() async throws {
        let f = try await WorkspaceFixture.make()
        let site = f.site
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let page = try await client.fetch("/admin/review?asOf=2022-06-30", headers: [.cookie: park.cookie])
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2 class=\"title\">디지털 뉴딜 이행 점검 결과</h2>"))
            #expect(page.body.contains("href=\"/admin/review/hwpx?asOf=2022-06-30&amp;language=ko\""))
            #expect(page.body.contains("href=\"/static/print/2022-06-30-ko.css\""), "the printed review carries its own date")

            let hwpx = try await download(client, "/admin/review/hwpx?asOf=2022-06-30&language=en", headers: [.cookie: park.cookie])
            #expect(hwpx.status == .ok && hwpx.headers[.contentType] == "application/hwp+zip")
            #expect(hwpx.headers[.contentDisposition]?.contains("filename=\"review-2022-06-30-en.hwpx\"") == true)
            let model = site.model
            let day = CalendarDay(iso: "2022-06-30")!
            let doc = QuarterlyReport.document(model.assessment(asOf: day), index: model.index, language: .en, facts: model.facts)
            #expect(hwpx.bytes == (try HWPXWriter.bytes(doc)))

            let md = try await download(client, "/admin/review/md?asOf=2022-06-30&language=en", headers: [.cookie: park.cookie])
            #expect(md.text == doc.markdown)
            let xlsx = try await download(client, "/admin/review/xlsx?asOf=2022-06-30", headers: [.cookie: park.cookie])
            #expect(xlsx.status == .ok && xlsx.bytes.starts(with: [0x50, 0x4B]))
        }
    }

    @Test("a bad date, a date before the plan, a future date, a bad language and an unknown format are refused plainly")
    func refused() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("/admin/review?asOf=2022-02-30", .badRequest, "기준일 형식이 올바르지 않습니다"),
                ("/admin/review/hwpx?asOf=2019-12-31", .badRequest, "계획 시작일"),
                ("/admin/review/hwpx?asOf=2999-01-01", .badRequest, "미래 날짜"),
                ("/admin/review?language=fr", .badRequest, "ko 또는 en"),
                ("/admin/review/%3Cscript%3E", .notFound, ""),
                ("/admin/review/pdf", .notFound, ""),
            ]
            for (uri, status, words) in cases {
                let r = try await client.fetch(uri, headers: [.cookie: park.cookie])
                #expect(r.status == status, "\(uri)")
                #expect(words.isEmpty || r.body.contains(words), "\(uri)")
                #expect(!r.body.contains("<script>"))
            }
            #expect(try await client.fetch("/admin/review/hwpx").status == .seeOther, "signed out: to the sign-in page")
        }
    }

    @Test("an indicator's chart downloads as an SVG with its title, date, source and address drawn in, and alt text")
    func svg() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            let r = try await download(client, "/indicators/1-4.gci-rank/chart.svg?asOf=2022-06-30")
            #expect(r.status == .ok && r.headers[.contentType] == "image/svg+xml; charset=utf-8")
            let svg = r.text
            #expect(XMLParser(data: Data(r.bytes)).parse(), "the SVG must be well-formed XML")
            #expect(svg.contains("<title id=\"press-title\">") && svg.contains("<desc id=\"press-desc\">"))
            #expect(svg.contains(">2022년 6월 30일 기준 · 판정: "))
            #expect(svg.contains(">출처: 「디지털 뉴딜」(기준치·목표)"))
            #expect(svg.contains(">http://127.0.0.1:8080/indicators/1-4.gci-rank</text>"))
            let english = try await download(client, "/indicators/1-4.gci-rank/chart.svg?asOf=2022-06-30&lang=en")
            #expect(english.text.contains(">As of 30 Jun 2022 · Verdict: "))
        }
    }

    @Test("the CSV holds exactly the points the chart draws")
    func csv() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            let r = try await download(client, "/indicators/1-4.gci-rank/chart.csv?asOf=2022-06-30")
            #expect(r.status == .ok && r.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let lines = r.text.dropFirst().split(separator: "\r\n").map(String.init)
            #expect(lines.first == "indicator_id,series,period,period_end,value,unit,value_status,source,basis")
            let c = PageContext(model: site.model, view: site.model.view(asOf: CalendarDay(iso: "2022-06-30")!), language: .ko,
                                catalog: .ko, asOf: CalendarDay(iso: "2022-06-30"), path: "/", switchURL: "/")
            let position = site.model.index.indicatorIndex["1-4.gci-rank"]!
            let (drawing, _) = SiteCharts.indicatorDrawing(position, c)
            let drawn = (drawing.baseline == nil ? 0 : 1) + drawing.targets.count + drawing.actuals.count
            #expect(lines.count - 1 == drawn)
            #expect(lines.filter { $0.contains(",actual,") }.count == drawing.actuals.count)
        }
    }

    @Test("every chart of the home, pillar and project pages has its SVG and CSV, linked from the page")
    func everyChart() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            for page in ["/", "/pillars/1", "/projects/1-1", "/indicators/1-4.gci-rank"] {
                let html = try await client.fetch(page).body
                let files = html.links.filter { ($0.hasSuffix(".svg") || $0.hasSuffix(".csv")) && $0.contains("chart") }
                #expect(files.count >= 2, "\(page) links no chart files")
                for file in files {
                    let r = try await download(client, file)
                    #expect(r.status == .ok, "\(file)")
                    if file.hasSuffix(".svg") { #expect(XMLParser(data: Data(r.bytes)).parse(), "\(file) is not well-formed") }
                }
            }
            #expect(try await client.fetch("/projects/1-1/charts/nope.svg").status == .notFound)
            #expect(try await client.fetch("/projects/9-9/charts/budget.svg").status == .notFound)
            #expect(try await client.fetch("/charts/budget.svg").status == .notFound)
            #expect(try await client.fetch("/indicators/1-3.5g-network/chart.svg").status == .notFound, "a qualitative indicator draws no chart")
        }
    }

    @Test("the embeddable chart may be framed by anyone and shows nothing else of the site; the page itself may not be framed")
    func embed() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            let r = try await client.fetch("/embed/indicators/1-4.gci-rank")
            #expect(r.status == .ok)
            let policy = r.headers[.contentSecurityPolicy] ?? ""
            #expect(policy.contains("frame-ancestors *") && !policy.contains("'unsafe-inline'") && policy.contains("form-action 'none'"))
            #expect(r.headers[.frameOptions] == nil)
            #expect(!r.body.contains("<nav") && !r.body.contains("<form") && !r.body.contains("/static/site.css"))
            #expect(r.body.contains("<svg class=\"chart\"") && r.body.contains("class=\"badge s-"))
            #expect(r.body.contains("href=\"http://127.0.0.1:8080/indicators/1-4.gci-rank\" target=\"_blank\""))
            let page = try await client.fetch("/indicators/1-4.gci-rank")
            #expect(page.headers[.frameOptions] == "DENY" && page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(page.body.contains("&lt;iframe src=&quot;http://127.0.0.1:8080/embed/indicators/1-4.gci-rank&quot;"))
            #expect(try await client.fetch("/embed/indicators/nope").status == .notFound)
        }
    }

    @Test("the printed margin carries the plan and the date; a name that is not a date and a language is not found")
    func printStyle() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            let ko = try await client.fetch("/static/print/2022-06-30-ko.css")
            #expect(ko.status == .ok && ko.body == "@page { @bottom-left { content: \"디지털 뉴딜 · 2022년 6월 30일 기준\"; } }\n")
            let en = try await client.fetch("/static/print/2022-06-30-en.css")
            #expect(en.body.contains("Digital New Deal · as of 30 Jun 2022"))
            for bad in ["2022-02-30-ko.css", "2022-06-30-fr.css", "x.css", "2022-06-30-ko.css.map", "%22%7D-ko.css"] {
                #expect(try await client.fetch("/static/print/\(bad)").status == .notFound, "\(bad)")
            }
            let home = try await client.fetch("/?asOf=2022-06-30&lang=en")
            #expect(home.body.contains("<link rel=\"stylesheet\" media=\"print\" href=\"/static/print/2022-06-30-en.css\">"))
        }
    }
}
