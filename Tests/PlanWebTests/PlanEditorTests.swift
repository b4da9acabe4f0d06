import Foundation
import HTTPTypes
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The plan editor through its forms, as a coordinator uses it: a draft, a refused value with
/// plan check's words beside its field, a raised target, a new task, a dropped reform, the diff
/// and what it does to verdicts, submission, four eyes, approval, and the revision public on
/// `/revisions` and deciding verdicts from its effective day. The same change written as YAML
/// and uploaded gives the same revision.
@Suite("The plan editor", .serialized)
struct PlanEditorTests {
    static let indicator = "4-2.smart-industrial-complexes"
    static let reform = "1-2.ai-ethics-and-law"
    static let source = (publisherKo: "관계부처 합동", publisherEn: "Joint ministries", title: "2022년 디지털 뉴딜 추진계획",
                         url: "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156490000", published: "2021-12-30",
                         quote: "스마트 산단을 20개로 확대한다")

    /// Opens a draft as `browser`; its path.
    static func open(_ client: any TestClientProtocol, _ browser: WorkspaceFixture.Browser) async throws -> String {
        let opened = try await client.post("/admin/drafts", form: ["_csrf": browser.csrf], headers: browser.headers)
        #expect(opened.status == .seeOther)
        let location = try #require(opened.headers[.location])
        return String(location.prefix { $0 != "?" })
    }

    /// Uploads `bytes` as a new draft: the response, and the draft's path when one was opened.
    static func uploadDraft(_ client: any TestClientProtocol, _ browser: WorkspaceFixture.Browser, _ bytes: [UInt8],
                            name: String) async throws -> (response: Fetched, draft: String?) {
        let response = try await client.upload("/admin/drafts/upload", file: bytes, name: name, fields: ["_csrf": browser.csrf],
                                               headers: [.cookie: browser.cookie])
        return (response, response.headers[.location].map { String($0.prefix { $0 != "?" }) })
    }

    /// The edit form of `path` as the browser would send it, changed by `edit`.
    static func edit(_ client: any TestClientProtocol, _ browser: WorkspaceFixture.Browser, _ path: String, action: String? = nil,
                     query: String = "", _ change: (inout FormFields) -> Void) async throws -> Fetched {
        let page = try await client.fetch(path + query, headers: [.cookie: browser.cookie])
        #expect(page.status == .ok, "\(path)")
        var fields = FormFields(page.body, action: action ?? path)
        change(&fields)
        return try await client.post(action ?? path, fields: fields, headers: browser.headers)
    }

    /// The three changes of the issue: a raised target, a new task, a dropped reform; then the
    /// revision's date, title and source, submitted.
    static func makeChanges(_ client: any TestClientProtocol, _ park: WorkspaceFixture.Browser, _ draft: String) async throws {
        let raised = try await edit(client, park, "\(draft)/indicators/\(indicator)") {
            $0["targets.1.value"] = "20개"
            $0["explanation.ko"] = "산단 추가 지정 계획 반영"
        }
        #expect(raised.status == .seeOther, "\(raised.body.visibleText.prefix(2000))")
        let task = try await edit(client, park, "\(draft)/projects/4-2/new-task", query: "?kind=investment") {
            $0["id"] = "4-2.smart-harbours"
            $0["title.ko"] = "스마트 항만 실증"
            $0["title.en"] = "Smart harbour pilots"
            $0["detail.ko"] = "부산항에서 스마트 항만 기술을 실증한다."
            $0["due"] = "'22.下"
        }
        #expect(task.status == .seeOther, "\(task.body.visibleText.prefix(2000))")
        let dropped = try await edit(client, park, "\(draft)/tasks/\(reform)", action: "\(draft)/tasks/\(reform)/drop") {
            $0["reason.ko"] = "「인공지능 기본법」 제정 과제로 옮겨 감"
        }
        #expect(dropped.status == .seeOther)
    }

    static func fillRevision(_ f: inout FormFields) {
        f["effective"] = "2022-01-01"
        f["title.ko"] = "디지털 뉴딜 2022년 보완"
        f["title.en"] = "Digital New Deal: the 2022 update"
        f["sources.0.publisher.ko"] = source.publisherKo
        f["sources.0.publisher.en"] = source.publisherEn
        f["sources.0.title"] = source.title
        f["sources.0.url"] = source.url
        f["sources.0.published"] = source.published
        f["sources.0.quote"] = source.quote
        f["action"] = "submit"
    }

    @Test("a coordinator raises a target, adds a task and drops a reform; a second approves; the site judges against the new target from its day")
    func wholePath() async throws {
        let f = try await EditorFixture.make()
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let draft = try await Self.open(client, park)
            // An invalid value is refused, with plan check's words beside the field, and kept as typed.
            let refused = try await Self.edit(client, park, "\(draft)/indicators/\(Self.indicator)") { $0["targets.1.value"] = "스무개" }
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("id=\"err-targets.1.value\""))
            #expect(refused.body.contains("aria-invalid=\"true\" aria-describedby=\"err-targets.1.value\"")
                    || refused.body.contains("aria-describedby=\"err-targets.1.value\""))
            #expect(refused.body.contains("value=\"스무개\""))
            #expect(refused.body.visibleText.contains("‘스무개’를 숫자로 읽을 수 없습니다"))
            #expect(refused.body.visibleText.contains("cannot read '스무개' as a number"))
            #expect(refused.body.contains("href=\"#targets.1.value\""))
            #expect(try await Self.draftPlan(f, draft).indicator(Self.indicator)?.targets[1].value == 15)

            try await Self.makeChanges(client, park, draft)
            // The diff, as /revisions will show it, and what it does to today's verdicts.
            let page = try await client.fetch(draft, headers: [.cookie: park.cookie]).body.visibleText
            #expect(page.contains("바뀐 내용 (3건)"))
            #expect(page.contains("상향 스마트 산단 지정 4-2.smart-industrial-complexes 2025년 목표 15개 20개"))
            #expect(page.contains("추가 스마트 항만 실증"))
            #expect(page.contains("삭제 AI 윤리기준 수립 및 AI 기본법제 정비"))
            #expect(page.contains("스마트 산단 지정 : 달성 → 새 목표 기준 평가 유보"))

            // Submitting without a source is refused at each field it needs.
            let incomplete = try await Self.edit(client, park, "\(draft)/revision") {
                Self.fillRevision(&$0)
                $0["sources.0.quote"] = ""
                $0["sources.0.url"] = ""
            }
            #expect(incomplete.status == .unprocessableContent)
            #expect(incomplete.body.contains("id=\"err-sources.0.quote\"") && incomplete.body.contains("id=\"err-sources.0.url\""))
            let submitted = try await Self.edit(client, park, "\(draft)/revision") { Self.fillRevision(&$0) }
            #expect(submitted.status == .seeOther, "\(submitted.body.visibleText.prefix(3000))")
            // Editing a submitted draft is refused.
            let late = try await Self.edit(client, park, "\(draft)/indicators/\(Self.indicator)") { $0["targets.1.value"] = "25개" }
            #expect(late.status == .conflict)

            // Four eyes: park may not approve what he wrote; yoon may.
            let lock = try #require(try await f.store.planDraft(id: Self.id(draft), content: false)?.lock)
            let own = try await client.post("\(draft)/approve", form: ["_csrf": park.csrf, "lock": String(lock)], headers: park.headers)
            #expect(own.status == .forbidden && own.body.visibleText.contains("직접 작성하거나 제출한 변경안은 승인할 수 없습니다"))
            let yoon = try await WorkspaceFixture.signIn(client, "yoon")
            #expect(try await f.store.notifications(recipient: "yoon", limit: 5).first?.content.kind == .revisionSubmitted)
            let day = CalendarDay(iso: "2024-06-30")!, earlier = CalendarDay(iso: "2021-12-31")!
            let (judgedBefore, earlierBefore) = (Self.status(f, on: day), Self.status(f, on: earlier))
            let approved = try await client.post("\(draft)/approve", form: ["_csrf": yoon.csrf, "lock": String(lock)], headers: yoon.headers)
            #expect(approved.status == .seeOther, "\(approved.body.visibleText.prefix(2000))")
            #expect(try await f.store.notifications(recipient: "park", limit: 5).first?.content.kind == .revisionApproved)

            // Public on /revisions with its source; the site judges against the new target from its day.
            let revisions = try await client.fetch("/revisions").body.visibleText
            #expect(revisions.contains("2022년 1월 1일 · 디지털 뉴딜 2022년 보완"))
            #expect(revisions.contains("2025년 목표 15개 20개 산단 추가 지정 계획 반영"))
            #expect(revisions.contains(Self.source.quote) && revisions.contains(Self.source.title))
            let before = try await client.fetch("/api/v1/plan?asOf=2021-12-31").body
            let after = try await client.fetch("/api/v1/plan?asOf=2022-01-01").body
            #expect(Self.target2025(before) == 15 && Self.target2025(after) == 20)
            let judged = try await client.fetch("/indicators/\(Self.indicator)?asOf=2024-06-30").body.visibleText
            #expect(judged.contains("20개"))
            let history = try #require(try await f.store.planHistory())
            #expect(history.versions.count == 3)
            #expect(history.inForce(on: CalendarDay(iso: "2022-01-01")!).plan.indicator(Self.indicator)?.targets[1].value == 20)
            #expect(history.inForce(on: CalendarDay(iso: "2021-12-31")!).plan.indicator(Self.indicator)?.targets[1].value == 15)
            // On a day after it took effect the new target decides; before, nothing changed.
            #expect(judgedBefore == .achieved)
            #expect(Self.status(f, on: day) != judgedBefore)
            #expect(Self.status(f, on: earlier) == earlierBefore)
            #expect(try await f.store.verifyAudit().firstProblem == nil)
        }
    }

    @Test("the same change written as YAML and uploaded gives the same revision")
    func yamlDoor() async throws {
        let browser = try await EditorFixture.make()
        let file = try await EditorFixture.make()
        let made: Plan = try await browser.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let draft = try await Self.open(client, park)
            try await Self.makeChanges(client, park, draft)
            let submitted = try await Self.edit(client, park, "\(draft)/revision") { Self.fillRevision(&$0) }
            #expect(submitted.status == .seeOther)
            return try await Self.approve(client, browser, draft)
        }
        // The same change, written as a plan file by hand from the plan in force.
        var plan = try #require(try await file.store.planHistory()).latest.plan
        let at = try #require(Self.position(of: Self.indicator, in: plan))
        plan.pillars[at.0].projects[at.1].indicators[at.2].targets[1].value = 20
        plan.pillars[at.0].projects[at.1].indicators[at.2].targets[1].asWritten = "20개"
        let p = try #require(plan.pillars.firstIndex { $0.projects.contains { $0.id == "4-2" } })
        let j = try #require(plan.pillars[p].projects.firstIndex { $0.id == "4-2" })
        plan.pillars[p].projects[j].tasks.append(PlanTask(id: "4-2.smart-harbours", kind: .investment, title: LocalizedText(ko: "스마트 항만 실증", en: "Smart harbour pilots"),
                                                          detail: LocalizedText(ko: "부산항에서 스마트 항만 기술을 실증한다."), due: try PeriodParser.period("2022-H2"),
                                                          dueAsWritten: "'22.下"))
        for q in plan.pillars.indices { for r in plan.pillars[q].projects.indices { plan.pillars[q].projects[r].tasks.removeAll { $0.id == Self.reform } } }
        plan.revision = PlanRevision(
            effective: CalendarDay(iso: "2022-01-01")!, title: LocalizedText(ko: "디지털 뉴딜 2022년 보완", en: "Digital New Deal: the 2022 update"),
            sources: [PlanSource(id: "source-1", publisher: LocalizedText(ko: Self.source.publisherKo, en: Self.source.publisherEn), title: Self.source.title,
                                 url: Self.source.url, published: CalendarDay(iso: Self.source.published), quote: Self.source.quote)],
            explanations: [ChangeExplanation(about: "indicator \(Self.indicator)", sources: ["source-1"], note: LocalizedText(ko: "산단 추가 지정 계획 반영")),
                           ChangeExplanation(about: "task \(Self.reform)", sources: ["source-1"], note: LocalizedText(ko: "「인공지능 기본법」 제정 과제로 옮겨 감"))])
        let yaml = PlanWriter.yaml(plan)
        let uploaded: Plan = try await file.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let (response, opened) = try await Self.uploadDraft(client, park, Array(yaml.utf8), name: "hand-written.yaml")
            #expect(response.status == .seeOther, "\(response.body.visibleText.prefix(2000))")
            let draft = try #require(opened)
            // The submission form comes filled from the file; submitting it as it stands.
            let submitted = try await Self.edit(client, park, "\(draft)/revision") { $0["action"] = "submit" }
            #expect(submitted.status == .seeOther, "\(submitted.body.visibleText.prefix(2000))")
            return try await Self.approve(client, file, draft)
        }
        #expect(uploaded == made)
        let base = try #require(try await file.store.planHistory()).versions[1].plan
        #expect(PlanDiff.changes(from: base, to: uploaded) == PlanDiff.changes(from: base, to: made))
    }

    @Test("a draft downloaded and uploaded again changes nothing, byte for byte")
    func roundTrip() async throws {
        let f = try await EditorFixture.make()
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let draft = try await Self.open(client, park)
            try await Self.makeChanges(client, park, draft)
            let file = try await client.fetch("\(draft)/plan.yaml", headers: [.cookie: park.cookie])
            #expect(file.status == .ok && file.headers[.contentType] == "application/yaml; charset=utf-8")
            #expect(file.headers[.contentDisposition]?.contains("digital-new-deal-draft-") == true)
            let before = try #require(try await f.store.planDraft(id: Self.id(draft), content: true))
            let again = try await client.upload("\(draft)/upload", file: Array(file.body.utf8), name: "same.yaml",
                                                fields: ["_csrf": park.csrf, "lock": String(before.lock)], headers: [.cookie: park.cookie])
            #expect(again.headers[.location]?.contains("done=draft_unchanged") == true)
            let after = try #require(try await f.store.planDraft(id: Self.id(draft), content: true))
            #expect(after.content == before.content && after.lock == before.lock)
            // As a new draft, the same file gives the same content.
            let second = try #require(try await Self.uploadDraft(client, park, Array(file.body.utf8), name: "same.yaml").draft)
            #expect(try await f.store.planDraft(id: Self.id(second), content: true)?.content == before.content)
        }
    }

    @Test("a draft is kept as its changes; one that reorders items (only a file can) is kept whole, and both read back, show their changes and download")
    func keptForms() async throws {
        let f = try await EditorFixture.make()
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let draft = try await Self.open(client, park)
            try await Self.makeChanges(client, park, draft)
            let kept = try #require(try await f.store.planDraft(id: Self.id(draft), content: true)?.content)
            #expect(PlanDelta.isDelta(kept))
            #expect(kept.count * 10 < PlanWriter.yaml(try await Self.draftPlan(f, draft)).utf8.count)

            // A file with one project's indicators in another order.
            var plan = f.site.model.history.latest.plan
            plan.pillars[0].projects[0].indicators.reverse()
            plan.revision = PlanRevision(effective: CalendarDay(iso: "2022-01-01")!, title: LocalizedText(ko: "순서 변경", en: "Reordered"))
            let reordered = plan
            let (response, opened) = try await Self.uploadDraft(client, park, Array(PlanWriter.yaml(reordered).utf8), name: "reordered.yaml")
            #expect(response.status == .seeOther, "\(response.body.visibleText.prefix(2000))")
            let whole = try #require(opened)
            let record = try #require(try await f.store.planDraft(id: Self.id(whole), content: true))
            let bytes = try #require(record.content)
            #expect(!PlanDelta.isDelta(bytes) && PlanLoader.load(data: Data(bytes), file: "whole.yaml").plan == reordered)
            // A server that does not hold either draft reads both from the store.
            let fresh = try await EditorFixture.reopened(f)
            try await fresh.withClient { other in
                let lee = try await WorkspaceFixture.signIn(other, "park")
                let page = try await other.fetch(draft, headers: [.cookie: lee.cookie]).body.visibleText
                #expect(page.contains("바뀐 내용 (3건)") && page.contains("상향 스마트 산단 지정"))
                let file = try await other.fetch("\(draft)/plan.yaml", headers: [.cookie: lee.cookie])
                #expect(PlanLoader.load(yaml: file.body, file: "d.yaml").plan == (try await Self.draftPlan(f, draft)))
                let wholePage = try await other.fetch(whole, headers: [.cookie: lee.cookie])
                #expect(wholePage.status == .ok && wholePage.body.visibleText.contains("순서 변경"))
                let wholeFile = try await other.fetch("\(whole)/plan.yaml", headers: [.cookie: lee.cookie])
                #expect(PlanLoader.load(yaml: wholeFile.body, file: "w.yaml").plan == reordered)
            }
        }
    }

    @Test("two coordinators saving the same item: the second is told who saved first, and keeps what they typed")
    func locking() async throws {
        let f = try await EditorFixture.make()
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let yoon = try await WorkspaceFixture.signIn(client, "yoon")
            let draft = try await Self.open(client, park)
            let path = "\(draft)/indicators/\(Self.indicator)"
            var parkForm = FormFields(try await client.fetch(path, headers: [.cookie: park.cookie]).body, action: path)
            var yoonForm = FormFields(try await client.fetch(path, headers: [.cookie: yoon.cookie]).body, action: path)
            // Another item saved meanwhile is no conflict.
            let other = try await Self.edit(client, yoon, "\(draft)/indicators/1-1.big-data-platforms") { $0["targets.0.value"] = "35개" }
            #expect(other.status == .seeOther)
            parkForm["targets.1.value"] = "18개"
            #expect(try await client.post(path, fields: parkForm, headers: park.headers).status == .seeOther)
            yoonForm["targets.1.value"] = "22개"
            let second = try await client.post(path, fields: yoonForm, headers: yoon.headers)
            #expect(second.status == .conflict)
            #expect(second.body.visibleText.contains("박서준 님이") || second.body.visibleText.contains("park 님이"))
            #expect(second.body.contains("value=\"22개\""))
            let plan = try await Self.draftPlan(f, draft)
            #expect(plan.indicator(Self.indicator)?.targets[1].value == 18)
            #expect(plan.indicator("1-1.big-data-platforms")?.targets[0].value == 35)
            // Having seen it, saving again goes through.
            var retry = FormFields(second.body, action: path)
            retry["targets.1.value"] = "22개"
            #expect(try await client.post(path, fields: retry, headers: yoon.headers).status == .seeOther)
            #expect(try await Self.draftPlan(f, draft).indicator(Self.indicator)?.targets[1].value == 22)
            // A submission is of the draft as park last saw it: a change saved since stops it.
            var submission = FormFields(try await client.fetch("\(draft)/revision", headers: [.cookie: park.cookie]).body, action: "\(draft)/revision")
            Self.fillRevision(&submission)
            let meanwhile = try await Self.edit(client, yoon, "\(draft)/indicators/1-1.big-data-platforms") { $0["targets.0.value"] = "36개" }
            #expect(meanwhile.status == .seeOther)
            let stale = try await client.post("\(draft)/revision", fields: submission, headers: park.headers)
            #expect(stale.status == .conflict && stale.body.visibleText.contains("다시 제출하십시오"))
            #expect(try await f.store.planDraft(id: Self.id(draft), content: false)?.state == .editing)
        }
    }

    @Test("hostile forms and files are refused and save nothing: odd fields, huge row counts, a reused id, another plan, broken YAML")
    func hostile() async throws {
        let f = try await EditorFixture.make()
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let draft = try await Self.open(client, park)
            let id = try Self.id(draft)
            let before = try #require(try await f.store.planDraft(id: id, content: true))
            let path = "\(draft)/indicators/\(Self.indicator)"
            for change in [
                { (f: inout FormFields) in f["rows.targets"] = "999999999" },
                { (f: inout FormFields) in f["targets.0.due"] = "'99" },
                { (f: inout FormFields) in f["unit"] = "<script>" },
                { (f: inout FormFields) in f["targets.0.comparator"] = "atMost" },
                { (f: inout FormFields) in f["name.ko"] = "" },
                { (f: inout FormFields) in f["lock"] = "not a number"; f["targets.0.value"] = "한 움큼" },
            ] {
                let response = try await Self.edit(client, park, path, change)
                #expect(response.status == .unprocessableContent || response.status == .seeOther, "\(response.status)")
                #expect(!response.body.contains("<script>\""))
            }
            #expect(try await f.store.planDraft(id: id, content: true)?.content == before.content)
            // A new indicator may not take an id the plan dropped, even in the same draft.
            let dropped = "1-1.big-data-platforms"
            let gone = try await Self.edit(client, park, "\(draft)/indicators/\(dropped)", action: "\(draft)/indicators/\(dropped)/drop") {
                $0["reason.ko"] = "시험"
            }
            #expect(gone.status == .seeOther)
            let reused = try await Self.edit(client, park, "\(draft)/projects/1-1/new-indicator") {
                $0["id"] = dropped
                $0["name.ko"] = "새 지표"
                $0["name.en"] = "New"
                $0["unit"] = "개"
                $0["targets.0.due"] = "2022"
                $0["targets.0.value"] = "10"
            }
            #expect(reused.status == .unprocessableContent && reused.body.contains("id=\"err-id\""))
            #expect(reused.body.visibleText.contains("삭제되었습니다"))
            for (name, content) in [("broken.yaml", "format: planwatch-plan/1\nid: [\n"), ("other.yaml", PlanWriter.yaml(Plan(id: "other-plan", title: LocalizedText(ko: "다른", en: "Other"), start: .year(2020)!, end: .year(2025)!))),
                                    ("binary.yaml", "\u{0}\u{1}\u{FFFF}")] {
                let response = try await Self.uploadDraft(client, park, Array(content.utf8), name: name).response
                #expect(response.status == .unprocessableContent, "\(name)")
                #expect(response.body.contains("error-summary"))
            }
            #expect(try await f.store.planDrafts().count == 1)
            #expect(try await client.fetch("/admin/drafts/999/indicators/x", headers: [.cookie: park.cookie]).status == .notFound)
            #expect(try await client.fetch("\(draft)/indicators/no-such-indicator", headers: [.cookie: park.cookie]).status == .notFound)
            // A reporter never reaches the editor.
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            #expect(try await client.fetch(draft, headers: [.cookie: lee.cookie]).status == .forbidden)
        }
    }

    // MARK: Helpers

    /// The indicator's verdict on `day` on the site as it stands.
    static func status(_ f: WorkspaceFixture, on day: CalendarDay) -> IndicatorStatus? {
        let view = f.site.model.view(asOf: day)
        return view.index.indicatorIndex[indicator].map { view.assessment.indicators[$0].status }
    }

    static func id(_ draft: String) throws -> Int64 { try #require(Int64(draft.split(separator: "/").last ?? "")) }

    static func draftPlan(_ f: WorkspaceFixture, _ draft: String) async throws -> Plan {
        let record = try #require(try await f.store.planDraft(id: id(draft), content: true))
        let bytes = try #require(record.content)
        // Stored as what it changes against the version it revises (the plan in force here).
        let delta = try PlanDelta.read(bytes).get()
        #expect(delta.base == record.baseVersion)
        return try delta.applied(to: f.site.model.history.latest.plan).get()
    }

    /// Approves as yoon and returns the plan of the version stored.
    static func approve(_ client: any TestClientProtocol, _ f: WorkspaceFixture, _ draft: String) async throws -> Plan {
        let yoon = try await WorkspaceFixture.signIn(client, "yoon")
        let lock = try #require(try await f.store.planDraft(id: id(draft), content: false)?.lock)
        let approved = try await client.post("\(draft)/approve", form: ["_csrf": yoon.csrf, "lock": String(lock)], headers: yoon.headers)
        #expect(approved.status == .seeOther, "\(approved.body.visibleText.prefix(2000))")
        return try #require(try await f.store.planHistory()).latest.plan
    }

    static func position(of id: String, in plan: Plan) -> (Int, Int, Int)? {
        for (p, pillar) in plan.pillars.enumerated() {
            for (j, project) in pillar.projects.enumerated() {
                if let i = project.indicators.firstIndex(where: { $0.id == id }) { return (p, j, i) }
            }
        }
        return nil
    }

    /// The 2025 target of the indicator in `/api/v1/plan`'s JSON.
    static func target2025(_ json: String) -> Double? {
        guard let data = json.data(using: .utf8), let plan = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        func find(_ any: Any) -> [String: Any]? {
            if let d = any as? [String: Any] {
                if d["id"] as? String == indicator { return d }
                for v in d.values { if let found = find(v) { return found } }
            } else if let a = any as? [Any] {
                for v in a { if let found = find(v) { return found } }
            }
            return nil
        }
        let targets = find(plan)?["targets"] as? [[String: Any]]
        return targets?.first { ($0["due"] as? String) == "2025" }?["value"] as? Double
    }
}
