import Foundation
import HummingbirdTesting
import PlanCore
import Testing
@testable import PlanWeb

/// What can be proved of accessibility without a browser (docs/accessibility.md): refused forms
/// link their summary to fields marked invalid and described by their message; every chart has a
/// name that says its trend; every table has a caption and a box the keyboard can scroll; no id
/// repeats; Korean on English pages is marked. The browser check (`accessibility.py`) runs
/// axe-core and the Nu HTML Checker over the same pages.
@Suite struct AccessibilityTests {
    static let publicPages = ["/", "/?asOf=2022-06-30", "/pillars/1", "/projects/1-1", "/projects/1-3", "/indicators/1-1.data-market-size",
                              "/indicators/1-4.gci-rank", "/indicators/1-3.5g-network", "/reforms", "/slipping", "/slipping?kind=tasks",
                              "/sources", "/data", "/method", "/search?q=%EB%8D%B0%EC%9D%B4%ED%84%B0"]

    @Test(arguments: ["demo", "published"])
    func chartsTablesAndIdsOfEveryPublicPage(_ which: String) async throws {
        let site = try await (which == "demo" ? WebFixture.demo : WebFixture.published).value
        try await WebFixture.withClient(site) { client in
            for language in ["ko", "en"] {
                for path in Self.publicPages {
                    let page = try await client.fetch(path + (path.contains("?") ? "&" : "?") + "lang=\(language)").body
                    let at = "\(which) \(path) (\(language))"
                    Self.expectNamedImages(page, at)
                    Self.expectCaptionedTables(page, at)
                    Self.expectUniqueIds(page, at)
                    // The skip link comes first and leads to the main content; no link opens a new window.
                    #expect(page.contains("<body>\n<a class=\"skip\" href=\"#main\">") && page.contains("<main id=\"main\">"), "\(at)")
                    #expect(!page.contains("target="), "\(at)")
                }
            }
        }
    }

    @Test func theIndicatorChartSaysItsTrendAndLeadsToItsTable() async throws {
        let site = try await WebFixture.demo.value
        try await WebFixture.withClient(site) { client in
            let ko = try await client.fetch("/indicators/1-1.data-market-size?lang=ko").body
            #expect(ko.contains("aria-describedby=\"chart-trend\""))
            #expect(ko.contains("<p class=\"trend\" id=\"chart-trend\">기준치 16.8조원(2019년)에서 "))
            #expect(ko.contains("<a href=\"#chart-data\">"))
            #expect(ko.contains("<div class=\"table-wrap\" id=\"chart-data\" role=\"region\" aria-labelledby=\"chart-data-caption\" tabindex=\"0\">"))
            let en = try await client.fetch("/indicators/1-1.data-market-size?lang=en").body
            #expect(en.contains("<p class=\"trend\" id=\"chart-trend\">From KRW 16.8 trillion (2019) up to "))
            // The project page's sparklines carry the sentence in their own name.
            let project = try await client.fetch("/projects/1-1?lang=ko").body
            #expect(project.contains("<desc id=\"spark-1-1.data-market-size-desc\">기준치 16.8조원(2019년)에서 "))
        }
    }

    @Test func trendSentences() {
        func chart(_ language: Language, unit: String, lower: Bool = false, baseline: (Int, Double)?, targets: [(Int, Double)],
                   actuals: [(Int, Double, Bool)]) -> String {
            IndicatorChart(title: "t", unit: PlanCore.Unit.named(unit), lowerIsBetter: lower, baseline: baseline.map { (Period.year($0.0)!, $0.1) },
                           targets: targets.map { (Period.year($0.0)!, $0.1) },
                           actuals: actuals.map { IndicatorChart.Point(period: Period.year($0.0)!, value: $0.1, provisional: $0.2) },
                           language: language, catalog: .of(language)).description
        }
        let cloud = (baseline: (2020, 17.0), targets: [(2022, 50.0), (2025, 100.0)], actuals: [(2023, 27.9, false)])
        #expect(chart(.ko, unit: "%", baseline: cloud.baseline, targets: cloud.targets, actuals: cloud.actuals)
                == "기준치 17%(2020년)에서 2023년 27.9%로 올랐고, 2025년 목표(100%)에는 못 미침")
        #expect(chart(.en, unit: "%", baseline: cloud.baseline, targets: cloud.targets, actuals: cloud.actuals)
                == "From 17% (2020) up to 27.9% (2023), short of the 2025 target of 100%")
        // A rank rises as its number falls; a target reached says so.
        #expect(chart(.ko, unit: "위", lower: true, baseline: (2019, 15), targets: [(2022, 7)], actuals: [(2021, 4, false)])
                == "기준치 15위(2019년)에서 2021년 4위로 올랐고, 2022년 목표(7위)를 달성함")
        #expect(chart(.en, unit: "위", lower: true, baseline: (2019, 15), targets: [(2022, 7)], actuals: [(2021, 4, true)])
                == "From 15th (2019) up to 4th (2021, provisional), reaching the 2022 target of 7th")
        // Counts grow; without a baseline the first value is where the trend starts; with no value yet, it says so.
        #expect(chart(.ko, unit: "개", baseline: nil, targets: [(2025, 150)], actuals: [(2021, 60, false), (2023, 90, true)])
                == "2021년 60개에서 2023년 90개(잠정)로 늘었고, 2025년 목표(150개)에는 못 미침")
        #expect(chart(.ko, unit: "원", baseline: (2019, 16.8e12), targets: [(2025, 43e12)], actuals: [])
                == "기준치 16.8조원(2019년), 2025년 목표 43조원, 아직 보고된 실적 없음")
        #expect(chart(.en, unit: "원", baseline: (2019, 16.8e12), targets: [(2025, 43e12)], actuals: [])
                == "Baseline KRW 16.8 trillion (2019); target KRW 43 trillion by 2025; no value reported yet")
    }

    @Test func koreanOnEnglishPagesIsMarked() {
        #expect(KoreanParts.mark("<p>Target as written: 시장규모 16.8조원(&#39;19)</p>")
                == "<p>Target as written: <span lang=\"ko\">시장규모 16.8조원(&#39;19)</span></p>")
        #expect(KoreanParts.mark("<td>GCI 15위</td>") == "<td>GCI <span lang=\"ko\">15위</span></td>")
        #expect(KoreanParts.mark("<p>예시 자료 (sample). Results for &#39;데이터&#39;.</p>")
                == "<p><span lang=\"ko\">예시 자료</span> (sample). Results for &#39;<span lang=\"ko\">데이터</span>&#39;.</p>")
        // Never inside a tag, an option, a title, an SVG, or what is already Korean.
        let untouched = "<title>계획</title><a href=\"/\" hreflang=\"ko\" lang=\"ko\">한국어</a><input value=\"과기부\"><select><option>과기부</option></select><svg><desc>기준치</desc></svg><blockquote lang=\"ko\">“인용”</blockquote>"
        #expect(KoreanParts.mark(untouched) == untouched)
        #expect(KoreanParts.mark("<link rel=\"alternate\" hreflang=\"ko\" href=\"/\"><p>법</p>") == "<link rel=\"alternate\" hreflang=\"ko\" href=\"/\"><p><span lang=\"ko\">법</span></p>")
    }

    @Test func refusedFormsLinkTheirSummaryToInvalidFields() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            // Sign-in refused: both fields are marked, the summary leads to the name.
            let form = try await WorkspaceFixture.signInForm(client)
            let refused = try await client.post("/signin", form: ["_csrf": form.csrf, "username": "lee", "password": "wrong password!!"],
                                                headers: [.cookie: form.cookie])
            Self.expectSummaryLinksInvalidFields(refused.body, fields: ["username"], "sign-in")

            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let report = try await client.report(lee, period: "2025", "save", ["v.1-1.ai-specialist-firms": "백사십", "budget.allocated": "많이"])
            #expect(report.status == .unprocessableContent)
            Self.expectSummaryLinksInvalidFields(report.body, fields: ["v.1-1.ai-specialist-firms", "budget.allocated"], "report")
            let task = "1-1.data-control-tower"
            let tasks = try await client.post("/admin/projects/1-1/tasks", form: ["_csrf": lee.csrf, "action": "save", "p.\(task)": "done",
                                                                                 "d.\(task)": "2021-03-02", "e.\(task)": ""], headers: lee.headers)
            Self.expectSummaryLinksInvalidFields(tasks.body, fields: ["e.\(task)"], "tasks")
            let password = try await client.post("/admin/password", form: ["_csrf": lee.csrf, "current": "not mine", "new": "x", "confirm": "y"],
                                                 headers: lee.headers)
            Self.expectSummaryLinksInvalidFields(password.body, fields: ["current"], "password")

            let admin = try await WorkspaceFixture.signIn(client, "admin")
            let account = try await client.post("/admin/accounts", form: ["_csrf": admin.csrf, "username": "Bad Name!", "organization": "nowhere",
                                                                         "role": "reporter", "password": "short"], headers: admin.headers)
            Self.expectSummaryLinksInvalidFields(account.body, fields: ["new-username", "new-org", "new-password"], "accounts")
            let org = try await client.post("/admin/organizations", form: ["_csrf": admin.csrf, "id": "msit", "name_ko": ""], headers: admin.headers)
            Self.expectSummaryLinksInvalidFields(org.body, fields: ["org-id", "org-ko"], "organizations")
            let token = try await client.post("/admin/tokens", form: ["_csrf": admin.csrf, "name": "", "role": "admin", "days": "0", "organization": ""],
                                              headers: admin.headers)
            Self.expectSummaryLinksInvalidFields(token.body, fields: ["token-name", "token-role", "token-days", "token-org"], "tokens")
        }
    }

    // MARK: - What each check reads in a page

    static func matches(_ pattern: String, _ s: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = s as NSString
        return regex.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }

    static func ids(_ page: String) -> [String] { matches("\\sid=\"([^\"]+)\"", page).map { $0[1] } }

    /// The opening tag of the element with this id.
    static func tag(withId id: String, _ page: String) -> String? {
        matches("<[a-zA-Z]+[^>]*\\sid=\"\(NSRegularExpression.escapedPattern(for: id))\"[^>]*>", page).first?[0]
    }

    /// Every `<svg role="img">` is named: by aria-label, or by aria-labelledby ids that exist.
    static func expectNamedImages(_ page: String, _ at: String) {
        let all = ids(page)
        for svg in matches("<svg[^>]*role=\"img\"[^>]*>", page).map({ $0[0] }) {
            let label = matches("aria-label=\"([^\"]+)\"", svg).first?[1] ?? ""
            let by = matches("aria-labelledby=\"([^\"]+)\"", svg).first?[1].split(separator: " ").map(String.init) ?? []
            #expect(!label.isEmpty || (!by.isEmpty && by.allSatisfy(all.contains)), "\(at): an SVG without a name: \(svg)")
        }
    }

    /// Every table has a caption, and its box takes the focus and is named by the caption.
    static func expectCaptionedTables(_ page: String, _ at: String) {
        let tables = matches("<table[^>]*>\\s*(<caption[^>]*>)?", page)
        for t in tables where t[1].isEmpty { Issue.record("\(at): a table without a caption") }
        for wrap in matches("<div class=\"table-wrap\"[^>]*>", page).map({ $0[0] }) {
            #expect(wrap.contains("tabindex=\"0\""), "\(at): \(wrap)")
        }
    }

    static func expectUniqueIds(_ page: String, _ at: String) {
        var seen = Set<String>()
        for id in ids(page) {
            #expect(!seen.contains(id), "\(at): the id \(id) repeats")
            seen.insert(id)
        }
    }

    /// The page says it is an error in its title, opens with a summary that links to each of
    /// `fields`, and each is marked invalid and described by a message that is on the page.
    static func expectSummaryLinksInvalidFields(_ page: String, fields: [String], _ at: String) {
        #expect(matches("<title>(오류|Error): ", page).count == 1, "\(at): the title does not say error")
        guard let summary = matches("<div class=\"error-summary\"[^>]*role=\"alert\"[^>]*>(.*?)</div>", page).first else {
            Issue.record("\(at): no error summary")
            return
        }
        #expect(summary[0].contains("tabindex=\"-1\""))
        let links = matches("href=\"#([^\"]+)\"", summary[1]).map { $0[1] }
        for field in fields { #expect(links.contains(field), "\(at): the summary does not link to \(field): \(links)") }
        let all = ids(page)
        for link in links {
            guard let tag = tag(withId: link, page) else {
                Issue.record("\(at): the summary links to #\(link), which is not on the page")
                continue
            }
            #expect(tag.contains("aria-invalid=\"true\""), "\(at): \(tag)")
            let described = matches("aria-describedby=\"([^\"]+)\"", tag).first?[1] ?? ""
            #expect(!described.isEmpty && all.contains(described), "\(at): \(link) is not described by its message")
        }
        expectUniqueIds(page, at)
    }
}
