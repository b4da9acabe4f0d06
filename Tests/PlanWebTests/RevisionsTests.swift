import Foundation
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The plan's record on the site and in the API (issue 23): Korean New Deal 2.0 in force from
/// 14 July 2021, the programme's end on 28 September 2022, both verdicts where a target moved.
@Suite("The plan's revisions and its end")
struct RevisionsTests {
    @Test("as of 2021-06-30 the 2020 targets decide; as of 2021-08-01 the 2.0 revision's 49조 and its new area")
    func versionInForce() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            let before = try JSONValue.parse(try await client.fetch("/api/v1/plan?asOf=2021-06-30").body)
            #expect(before["pillars"]?.array?.count == 4 && before["revision"] == nil)
            #expect(before["budget"]?.array?.last?["treasury"]?.int == 44_800_000_000_000)
            let after = try JSONValue.parse(try await client.fetch("/api/v1/plan?asOf=2021-08-01").body)
            #expect(after["pillars"]?.array?.count == 5 && after["revision"]?["effective"]?.string == "2021-07-14")
            #expect(after["budget"]?.array?.last?["treasury"]?.int == 49_000_000_000_000 && after["budget"]?.array?.last?["totalCost"] == nil)
            #expect(after["pillars"]?.array?.last?["title"]?["ko"]?.string == "초연결 신산업 육성")
            #expect(try await client.fetch("/api/v1/plan?asOf=2099-01-01").status == .notFound)
            #expect(try await client.fetch("/api/v1/plan?asOf=yesterday").status == .badRequest)

            let oldHome = try await client.fetch("/?asOf=2021-06-30").body.visibleText
            #expect(oldHome.contains("44.8조원") && !oldHome.contains("49조원") && oldHome.contains("4개 분야 12개 프로젝트"))
            let newHome = try await client.fetch("/?asOf=2021-08-01").body.visibleText
            #expect(newHome.contains("49조원") && newHome.contains("처음 약속(2020년 7월 14일): 총사업비 58.2조원, 국고 44.8조원"))
            #expect(newHome.contains("5개 분야 13개 프로젝트") && newHome.contains("2021년 7월 14일부터는 「한국판 뉴딜 2.0 추진계획」에 따라 바뀐 계획으로 판정합니다."))
            #expect(!oldHome.contains("바뀐 계획으로 판정합니다"))
            #expect(try await client.fetch("/pillars/5?asOf=2021-06-30").status == .notFound)
            let area = try await client.fetch("/pillars/5?asOf=2021-08-01")
            #expect(area.status == .ok && area.body.visibleText.contains("분야 전체의 약속: 2025년까지 2.6조원"))
        }
    }

    @Test("/revisions lists each change old → new with the sources that announced it, and what the sources do not give")
    func revisionsPage() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            let page = try await client.fetch("/revisions")
            #expect(page.status == .ok)
            let text = page.body.visibleText
            for expected in ["2021년 7월 14일 · 「한국판 뉴딜 2.0 추진계획」", "총사업비 58.2조원, 국고 44.8조원", "국고 49조원", "상향", "30개", "31개",
                             "초연결 신산업 육성", "발표 자료에 없는 것", "디지털 뉴딜 2.0의 총사업비", "2022년 9월 28일 · 계획의 종료", "데이터시장 규모"] {
                #expect(text.contains(expected), "the revisions page lacks \(expected)")
            }
            #expect(page.body.contains("http://ktab.ktab.kr/home/notice/press/1964&amp;page=97"))
            #expect(page.body.contains("<blockquote class=\"quote\" lang=\"ko\"><span class=\"visually-hidden\">원문: </span>“2025년까지 국비 총 49조원을 투입해"))
            let english = try await client.fetch("/revisions?lang=en").body.visibleText
            #expect(english.contains("Korean New Deal 2.0") && english.contains("raised") && english.contains("What the sources do not give"))
            // As of a day before the revision, it has not happened yet.
            let early = try await client.fetch("/revisions?asOf=2021-06-30").body.visibleText
            #expect(early.contains("이 날짜까지 바뀐 적이 없습니다") && !early.contains("「한국판 뉴딜 2.0 추진계획」"))
            // The API and the open data carry the record.
            let record = try JSONValue.parse(try await client.fetch("/api/v1/revisions").body)
            let revision = record["revisions"]?.array?.first
            #expect(record["revisions"]?.array?.count == 1 && revision?["effective"]?.string == "2021-07-14")
            let changes = revision?["changes"]?.array ?? []
            #expect(changes.count == 12)
            let budget = changes.first { $0["subject"]?.string == "budget plan by 2025" }
            #expect(budget?["kind"]?.string == "raised" && budget?["sources"]?.array?.first?.string == "msit-2022-01-26")
            #expect(record["ended"]?["on"]?.string == "2022-09-28" && record["ended"]?["kind"]?.string == "replaced")
        }
    }

    @Test("from 2022-09-28 every page says the programme ended, with its sources; the day before none does")
    func endedBanner() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            for path in ["/", "/pillars/1", "/projects/1-1", "/indicators/1-4.gci-rank", "/reforms", "/sources", "/slipping", "/revisions"] {
                let after = try await client.fetch("\(path)?asOf=2023-01-01").body
                #expect(after.contains("class=\"banner ended\""), "\(path) lacks the ending")
                #expect(after.contains("「대한민국 디지털 전략」으로 대체되어 사실상 끝났습니다") && after.contains("https://v.daum.net/v/20220929052702861"), "\(path)")
                let before = try await client.fetch("\(path)?asOf=2022-09-27").body
                #expect(!before.contains("class=\"banner ended\""), "\(path) shows an ending before it happened")
            }
            let english = try await client.fetch("/?asOf=2023-01-01&lang=en").body.visibleText
            #expect(english.contains("This plan effectively ended on 28 Sep 2022, when it was replaced by the Digital Strategy of Korea."))
            // A target due after the end says it was orphaned, or taken up by the successor.
            let orphan = try await client.fetch("/indicators/1-4.gci-rank?asOf=2023-01-01").body.visibleText
            #expect(orphan.contains("계획이 끝난 2022년 9월 28일 뒤입니다"))
            let continued = try await client.fetch("/indicators/1-1.data-market-size?asOf=2023-01-01").body.visibleText
            #expect(continued.contains("후속 계획 「대한민국 디지털 전략」이 이어받았습니다: 데이터 시장 50조원 이상('27)"))
        }
    }

    @Test("an indicator whose target moved is judged against both the target in force and the original promise")
    func bothVerdicts() async throws {
        let site = try await WebFixture.published.value
        let view = site.model.view(asOf: CalendarDay(iso: "2022-06-30")!)
        let position = try #require(view.index.indicatorIndex["1-1.big-data-platforms"])
        // Baseline 10 (2020), 16 in 2021: p = 6 / 21 against 31, 6 / 20 against 30; s = 365 / 1826.
        let revised = view.assessment.indicators[position], original = try #require(view.againstOriginal[position])
        #expect(revised.milestone?.value == 31 && original.milestone?.value == 30)
        #expect(abs((revised.path?.r ?? 0) - (6.0 / 21) / (365.0 / 1826)) < 1e-9 && abs((original.path?.r ?? 0) - (6.0 / 20) / (365.0 / 1826)) < 1e-9)
        #expect(view.againstOriginal.count == 1, "only the platforms' target moved")
        try await WebFixture.withClient(site) { client in
            let page = try await client.fetch("/indicators/1-1.big-data-platforms?asOf=2022-06-30").body.visibleText
            #expect(page.contains("처음 약속(2020년 7월 14일) 기준") && page.contains("목표 변경 이력"))
            #expect(page.contains("2025년 30개") && page.contains("2025년 31개"))
            #expect(page.contains("「한국판 뉴딜 2.0 추진계획」: 2025년 목표 상향 (30개 → 31개)"))
            let project = try await client.fetch("/projects/1-1?asOf=2022-06-30").body.visibleText
            #expect(project.contains("처음 약속 기준") && project.contains("2025년 목표 상향 (30개 → 31개)"))
            let api = try JSONValue.parse(try await client.fetch("/api/v1/assessments?asOf=2022-06-30&project=1-1").body)
            let platforms = api["indicators"]?.array?.first { $0["indicatorId"]?.string == "1-1.big-data-platforms" }
            #expect(platforms?["milestone"]?["value"]?.int == 31 && platforms?["againstOriginal"]?["milestone"]?["value"]?.int == 30)
            #expect(api["planVersion"]?["number"]?.int == 1 && api["planVersion"]?["effective"]?.string == "2021-07-14")
            // Before the revision there is one promise only.
            let early = try JSONValue.parse(try await client.fetch("/api/v1/assessments?asOf=2021-06-30&project=1-1").body)
            let alone = early["indicators"]?.array?.first { $0["indicatorId"]?.string == "1-1.big-data-platforms" }
            #expect(alone?["milestone"]?["value"]?.int == 30 && alone?["againstOriginal"] == nil && early["planVersion"]?["number"]?.int == 0)
        }
    }

    @Test("an indicator that a revision moves to another place in the plan keeps its values on its page, chart and download")
    func movedIndicatorKeepsItsValues() async throws {
        func plan(_ indicators: [String], revision: String = "") -> String {
            """
            format: planwatch-plan/1
            id: moved
            title: {ko: 옮긴 지표, en: A moved indicator}
            period: {start: 2020, end: 2035}
            published: 2020-07-14
            currency: KRW
            \(revision)pillars:
              - id: "1"
                title: {ko: 분야, en: Pillar}
                projects:
                  - id: "1-1"
                    title: {ko: 사업, en: Project}
                    indicators:
            \(indicators.map { "          - {id: \($0), name: {ko: 지표 \($0), en: Indicator \($0)}, unit: 개, baseline: {period: \"2020\", value: \"10\"}, targets: [{due: \"2025\", value: \"60\"}]}" }.joined(separator: "\n"))

            """
        }
        let revision = """
        revision:
          effective: 2030-07-14
          title: {ko: 개정, en: Revision}
          sources:
            - {id: pr, publisher: {ko: 부처, en: Ministry}, url: "https://example.go.kr/pr", published: 2030-07-14}

        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-moved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("moved.sqlite").path)
        try await store.migrate()
        for (name, yaml) in [("moved.yaml", plan(["x"])), ("moved-2.yaml", plan(["w", "x"], revision: revision))] {
            let loaded = PlanLoader.load(yaml: yaml, file: name)
            let parsed = try #require(loaded.plan, "\(loaded.diagnostics)")
            _ = try await store.loadPlan(bytes: Array(yaml.utf8), fileName: name, plan: parsed, actor: .system)
        }
        _ = try await store.append([FactEntry(.observation(indicatorId: "x", period: .year(2021)!, value: 23, text: nil))],
                                   state: .approved, actor: Actor("user:test"), at: .now)
        let history = try #require(try await store.planHistory())
        let site = Site(model: ReadModel(version: 1, history: history, facts: try await store.publishedFacts(), today: Timestamp.now.koreanDay), store: store)
        // The revision (in force from 2030) puts w before x, so today's version and the newest
        // number x differently.
        #expect(site.model.todayView.index.indicatorIndex["x"] == 0 && site.model.factIndex.indicatorIndex["x"] == 1)
        try await WebFixture.withClient(site) { client in
            let csv = try await client.fetch("/indicators/x/chart.csv").body
            #expect(csv.contains("x,actual,2021,2021-12-31,23,"), "\(csv)")
            let page = try await client.fetch("/indicators/x").body
            #expect(page.contains("23개"))
        }
    }
}
