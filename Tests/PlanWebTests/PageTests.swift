import Foundation
import HTTPTypes
import HummingbirdTesting
import PlanCore
import Testing
@testable import PlanWeb

@Suite struct PageTests {
    static let pages = ["/", "/pillars/1", "/pillars/4", "/projects/1-1", "/projects/3-3", "/indicators/1-4.gci-rank",
                        "/indicators/1-1.data-market-size", "/reforms", "/reforms?status=late", "/method", "/data", "/search?q=%EB%8D%B0%EC%9D%B4%ED%84%B0",
                        "/slipping", "/slipping?kind=tasks"]

    @Test func everyPageAnswersInBothLanguages() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            for page in Self.pages {
                for lang in ["ko", "en"] {
                    let sep = page.contains("?") ? "&" : "?"
                    let r = try await client.fetch(page + sep + "lang=" + lang)
                    #expect(r.status == .ok, "\(page) \(lang)")
                    #expect(r.body.contains("<html lang=\"\(lang)\">"), "\(page) \(lang)")
                    #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                    // The CSP forbids inline styles and scripts, so the pages must not carry any.
                    #expect(!r.body.contains(" style=\""), "\(page) has an inline style")
                    #expect(!r.body.contains("<script"), "\(page) has a script")
                    #expect(!r.body.contains("{{"), "\(page) has an unrendered tag")
                }
            }
        }
    }

    /// A national plan has tens of thousands of slipping indicators: the home page shows the
    /// worst few and links to `/slipping`, which pages them all; past a hundred projects the
    /// pillars link to their pages instead of listing every project.
    @Test func homeShowsTheWorstFewAndSlippingPagesTheRest() async throws {
        let site = try await WebFixture.demo.value
        let model = site.model
        let c = PageContext(model: model, view: model.todayView, language: .ko, catalog: .ko, asOf: nil, path: "/", switchURL: "/?lang=en")
        let slipping = model.assessment.slippingIndicators.count
        #expect(slipping > 2)
        let capped = HomePage.context(c, shown: 2, listingProjectsUpTo: 5)
        #expect((capped["slipping"] as? [Any])?.count == 2)
        #expect((capped["slipping_more"] as? [String: String])?["label"] == "전체 \(slipping)개 보기")
        #expect((capped["pillars"] as? [[String: Any]])?.allSatisfy { ($0["projects"] as? [Any])?.isEmpty == true } == true)
        #expect(capped["list_projects"] as? Bool == false)
        let whole = HomePage.context(c)
        #expect((whole["slipping"] as? [Any])?.count == min(slipping, HomePage.slippingShown))
        #expect(whole["list_projects"] as? Bool == true)

        try await WebFixture.withClient(site) { client in
            let page = try await client.fetch("/slipping").body
            #expect(page.components(separatedBy: "<tr><td><span class=\"badge s-").count - 1 == min(slipping, SlippingPage.pageSize))
            #expect(page.visibleText.contains("부진·미달성 지표 \(slipping)"))
            let tasks = try await client.fetch("/slipping?kind=tasks&lang=en").body.visibleText
            #expect(tasks.contains("Tasks past due \(model.assessment.lateTasks.count)"))
            for bad in ["/slipping?page=0", "/slipping?page=99", "/slipping?page=x", "/slipping?kind=laws"] {
                #expect(try await client.fetch(bad).status == .notFound, "\(bad)")
            }
        }
    }

    @Test func homeShowsThePlansNumbersInEachLanguage() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let ko = try await client.fetch("/").body.visibleText
            // The plan's own commitments as announced, the 2.0 revision's 49조 in force beside the original 58.2조 (44.8조).
            for text in ["49조원", "58.2조원", "44.8조원", "23.4조원", "18.6조원", "90.3만 개", "39만 개", "5개 분야 13개 프로젝트", "D.N.A. 생태계 강화", "예시 자료",
                         "처음 약속(2020년 7월 14일)"] {
                #expect(ko.contains(text), "Korean home lacks \(text)")
            }
            let en = try await client.fetch("/?lang=en").body.visibleText
            for text in ["KRW 49 trillion", "KRW 58.2 trillion", "KRW 44.8 trillion", "903,000 jobs", "390,000 jobs", "5 pillars, 13 projects", "sample data",
                         "Original promise (14 Jul 2020)"] {
                #expect(en.contains(text), "English home lacks \(text)")
            }
        }
    }

    @Test func languageComesFromQueryThenCookieThenAcceptLanguage() async throws {
        let site = WebFixture.bare()
        try await WebFixture.withClient(site) { client in
            #expect(try await client.fetch("/").body.contains("<html lang=\"ko\">"))
            let asked = try await client.fetch("/?lang=en")
            #expect(asked.body.contains("<html lang=\"en\">"))
            #expect(asked.headers[.setCookie]?.hasPrefix("lang=en;") == true)
            #expect(asked.headers[.contentLanguage] == "en")
            #expect(try await client.fetch("/", headers: [.cookie: "lang=en"]).body.contains("<html lang=\"en\">"))
            #expect(try await client.fetch("/", headers: [.acceptLanguage: "en-US,en;q=0.9"]).body.contains("<html lang=\"en\">"))
            #expect(try await client.fetch("/", headers: [.acceptLanguage: "ko-KR,ko;q=0.9,en;q=0.8"]).body.contains("<html lang=\"ko\">"))
            #expect(try await client.fetch("/", headers: [.acceptLanguage: "fr-FR"]).body.contains("<html lang=\"ko\">"))
            // The query wins over the cookie.
            #expect(try await client.fetch("/?lang=ko", headers: [.cookie: "lang=en"]).body.contains("<html lang=\"ko\">"))
            // Every page links to itself in the other language, keeping its query.
            let search = try await client.fetch("/search?q=AI&lang=en").body
            #expect(search.contains("href=\"/search?q=AI&amp;lang=ko\""))
        }
    }

    @Test func everyLinkOnEveryPageResolves() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            var seen = Set<String>()
            for lang in ["ko", "en"] {
                var queue = ["/?lang=\(lang)"]
                while let uri = queue.popLast() {
                    let r = try await client.fetch(uri, headers: [.cookie: "lang=\(lang)"])
                    #expect(r.status == .ok, "\(uri) answered \(r.status.code)")
                    guard r.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                    for link in r.body.links where link.hasPrefix("/") {
                        let target = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                        guard !target.isEmpty, seen.insert(lang + target).inserted else { continue }
                        queue.append(target)
                    }
                }
            }
            // Every project, pillar and indicator page was reached by following links.
            #expect(seen.count > 200)
            #expect(seen.contains("ko/projects/4-3"))
        }
    }

    @Test func asOfShowsThePastAndRejectsBadDates() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let past = try await client.fetch("/?asOf=2022-06-30")
            #expect(past.status == .ok)
            #expect(past.body.contains("과거 기준일로 본 화면입니다"))
            #expect(past.body.visibleText.contains("기준일 2022년 6월 30일"))
            // Links keep the date.
            #expect(past.body.contains("href=\"/pillars/1?asOf=2022-06-30\""))
            // Before any value was approved, nothing can be assessed.
            let early = try await client.fetch("/?asOf=2020-12-31&lang=en").body.visibleText
            #expect(early.contains("Created so far nothing reported") && !early.contains("Created so far 0 jobs"))
            let bad = try await client.fetch("/?asOf=2022-13-01")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("2022-13-01"))
            let future = try await client.fetch("/?asOf=2999-01-01&lang=en")
            #expect(future.status == .badRequest)
            #expect(future.body.contains("is in the future"))
        }
    }

    @Test func missingPagesGetTheSitesErrorPageInTheReadersLanguage() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            let ko = try await client.fetch("/projects/9-9")
            #expect(ko.status == .notFound)
            #expect(ko.body.contains("페이지를 찾을 수 없습니다"))
            let en = try await client.fetch("/no/such/page", headers: [.cookie: "lang=en"])
            #expect(en.status == .notFound)
            #expect(en.body.contains("Page not found") || en.body.contains("not found"))
            #expect(en.body.contains("<html lang=\"en\">"))
            #expect(try await client.fetch("/indicators/nope").status == .notFound)
        }
    }

    @Test func indicatorPageHasChartTableAssessmentAndDownloads() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let page = try await client.fetch("/indicators/1-1.data-market-size").body
            #expect(page.contains("<svg class=\"chart\""))
            #expect(page.contains("role=\"img\""))
            #expect(page.contains("<caption id=\"chart-data-caption\">\(Catalog.ko["chart_table_caption"])</caption>"))
            #expect(page.visibleText.contains("43조원"))
            #expect(page.contains("판정 근거"))
            #expect(page.contains("href=\"/indicators/1-1.data-market-size.csv\""))
            let csv = try await client.fetch("/indicators/1-1.data-market-size.csv")
            #expect(csv.status == .ok)
            #expect(csv.body.hasPrefix("\u{FEFF}indicator_id,period,value"))
            #expect(csv.headers[.contentDisposition]?.contains("1-1.data-market-size.csv") == true)
            // A rank is drawn with first place on top and written as a rank.
            let rank = try await client.fetch("/indicators/1-4.gci-rank?lang=en").body.visibleText
            #expect(rank.contains("5th"))
        }
    }

    @Test func reformsListEveryLawAndFilterByStatus() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let all = try await client.fetch("/reforms").body
            #expect(all.contains("「(가칭)원격교육기본법」"))
            let rows = all.components(separatedBy: "<tr id=").count - 1
            #expect(rows == site.model.index.tasks.filter { $0.kind == .reform }.count)
            let late = try await client.fetch("/reforms?status=late").body
            let lateRows = late.components(separatedBy: "<tr id=").count - 1
            let expected = site.model.index.tasks.indices.filter {
                site.model.index.tasks[$0].kind == .reform && site.model.assessment.tasks[$0].status == .late
            }.count
            #expect(lateRows == expected)
            #expect(lateRows < rows)
        }
    }

    @Test func methodPageIsTheMethodDocumentInTheReadersLanguage() async throws {
        try await WebFixture.withClient(WebFixture.bare()) { client in
            let ko = try await client.fetch("/method").body
            #expect(ko.contains("<h3"))
            #expect(ko.visibleText.contains("기준일"))
            #expect(!ko.visibleText.contains("Which facts count"))
            // The version every assessment records, and what its edition changed, open the page.
            #expect(ko.visibleText.contains("방법 버전: \(PlanAssessment.methodVersion)") && ko.visibleText.contains("세 번째 판에서 바뀐 것"))
            #expect(!ko.visibleText.contains("What changed in the third edition"))
            let en = try await client.fetch("/method?lang=en").body
            #expect(en.visibleText.contains("Which facts count"))
            #expect(en.visibleText.contains("Method version: \(PlanAssessment.methodVersion)") && en.visibleText.contains("What changed in the third edition"))
            #expect(!en.visibleText.contains("세 번째 판에서 바뀐 것"))
        }
    }
}
