import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The reporting workflow through the forms, as people use it.
@Suite struct WorkflowTests {
    @Test func reporterDraftsSubmitsAndCoordinatorReturnsAndApproves() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            // The reporter's home lists what is owed.
            let home = try await client.fetch("/admin", headers: [.cookie: lee.cookie]).body
            #expect(home.contains("/admin/projects/1-1/report?period=2025"))
            // A typing mistake keeps everything typed and says what is wrong, next to the field.
            let bad = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2025", "action": "save",
                "v.1-1.data-market-size": "45.2조원", "v.1-1.ai-specialist-firms": "많음", "jobs.value": "3만",
            ], headers: lee.headers)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("value=\"45.2조원\""))
            #expect(bad.body.contains("value=\"3만\""))
            #expect(bad.body.contains("id=\"err-1-1.ai-specialist-firms\""))
            #expect(bad.body.contains("숫자로 적어 주세요"))
            // Saved as drafts: they come back, and nothing is public.
            let saved = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2025", "action": "save",
                "v.1-1.data-market-size": "45.2조원", "v.1-1.ai-specialist-firms": "140", "n.1-1.ai-specialist-firms": "<script>alert(1)</script>",
                "budget.allocated": "1.2조원", "budget.executed": "1.1조원", "jobs.value": "3만",
            ], headers: lee.headers)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/admin/projects/1-1/report?period=2025&done=saved")
            let form = try await client.fetch("/admin/projects/1-1/report?period=2025", headers: [.cookie: lee.cookie]).body
            #expect(form.contains("value=\"452,000,000,000,000\"") || form.contains("value=\"45,200,000,000,000\""))
            #expect(form.contains("value=\"1.2조원\"") || form.contains("value=\"12,000억원\""))
            #expect(form.contains("&lt;script&gt;"))
            #expect(!form.contains("<script>alert"))
            let drafts = try await f.store.facts(.observation, states: [.draft])
            #expect(drafts.count == 2)
            #expect(try await f.store.publishedFacts().count == 0)
            // Submitting sends every draft of the year.
            let submitted = try await client.post("/admin/projects/1-1/report", form: ["_csrf": lee.csrf, "period": "2025", "action": "submit"],
                                                  headers: lee.headers)
            #expect(submitted.headers[.location]?.contains("done=submitted") == true)
            #expect(try await f.store.facts(.observation, states: [.submitted]).count == 2)
            #expect(try await f.store.facts(.budget, states: [.submitted]).count == 1)

            // The coordinating office sees the queue, oldest first, with the change and flags.
            let park = try await WorkspaceFixture.signIn(client, "park")
            let queue = try await client.fetch("/admin/queue", headers: [.cookie: park.cookie]).body
            #expect(queue.contains("데이터시장 규모"))
            #expect(queue.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!queue.contains("<script>alert"))
            let market = try #require(try await f.store.facts(.observation, states: [.submitted]).first { $0.key.subject == "1-1.data-market-size" })
            let firms = try #require(try await f.store.facts(.observation, states: [.submitted]).first { $0.key.subject == "1-1.ai-specialist-firms" })
            // Returning needs a reason.
            let noReason = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "return", "pick": "observation:\(firms.id)"],
                                                 headers: park.headers)
            #expect(noReason.status == .unprocessableContent)
            let returned = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "return", "pick": "observation:\(firms.id)",
                                                                        "reason": "출처를 적어 주세요"], headers: park.headers)
            #expect(returned.headers[.location] == "/admin/queue?done=returned")
            let approved = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "approve", "pick": "observation:\(market.id)"],
                                                 headers: park.headers)
            #expect(approved.headers[.location] == "/admin/queue?done=approved")

            // The public sees the approved value only, at once.
            #expect(f.site.model.version == 2)
            let page = try await client.fetch("/indicators/1-1.data-market-size").body
            #expect(page.visibleText.contains("45.2조원"))
            let other = try await client.fetch("/indicators/1-1.ai-specialist-firms").body
            #expect(!other.visibleText.contains("140개"))
            // The reporter sees the return and its reason, corrects and submits again.
            let back = try await client.fetch("/admin", headers: [.cookie: lee.cookie]).body
            #expect(back.contains("출처를 적어 주세요"))
            let again = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2025", "action": "submit", "v.1-1.ai-specialist-firms": "140", "src.1-1.ai-specialist-firms": "실태조사",
            ], headers: lee.headers)
            #expect(again.headers[.location]?.contains("done=submitted") == true)

            // A correction of a published value is a revision through the same workflow; both are shown.
            let fix = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2025", "action": "submit", "v.1-1.data-market-size": "46조원",
            ], headers: lee.headers)
            #expect(fix.status == .seeOther)
            let revision = try #require(try await f.store.facts(.observation, states: [.submitted]).first { $0.key.subject == "1-1.data-market-size" })
            #expect(revision.entry.supersedes == market.id)
            _ = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "approve", "pick": "observation:\(revision.id)"],
                                      headers: park.headers)
            let corrected = try await client.fetch("/indicators/1-1.data-market-size").body
            #expect(corrected.contains("class=\"superseded\"") || corrected.contains("<tr class=\"superseded\""))
            #expect(corrected.visibleText.contains("46조원"))

            // Every step is on the record.
            let audit = try await client.fetch("/admin/audit", headers: [.cookie: park.cookie]).body
            for action in ["fact.record", "fact.submit", "fact.return", "fact.approve", "signin"] {
                #expect(audit.contains(">\(Catalog.ko["audit_\(action)"])<"), "audit page lacks \(action)")
            }
            #expect(audit.contains("class=\"ok\""))
        }
    }

    @Test func theFormTakesThePublicationBehindAValue() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let id = "1-1.ai-specialist-firms"
            let form = try await client.fetch("/admin/projects/1-1/report?period=2025", headers: [.cookie: lee.cookie]).body
            #expect(form.contains("name=\"pu.\(id)\"") && form.contains("<label for=\"pd.\(id)\">발표일</label>"))
            // A publication day before the year reported ended is a forecast: refused, next to the row, all typed kept.
            let early = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2025", "action": "save", "v.\(id)": "140", "src.\(id)": "과학기술정보통신부",
                "pu.\(id)": "https://www.msit.go.kr/bbs/view.do?nttSeqNo=1", "pd.\(id)": "2025-06-01",
            ], headers: lee.headers)
            #expect(early.status == .unprocessableContent && early.body.contains("실적이 아니라 전망입니다"))
            #expect(early.body.contains("value=\"2025-06-01\""))
            let saved = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2025", "action": "save", "v.\(id)": "140", "src.\(id)": "과학기술정보통신부",
                "pt.\(id)": "2025년 AI 산업 실태조사", "pu.\(id)": "https://www.msit.go.kr/bbs/view.do?nttSeqNo=1", "pd.\(id)": "2026-03-02",
                "pq.\(id)": "AI 전문기업은 140개로 집계됐다",
            ], headers: lee.headers)
            #expect(saved.status == .seeOther)
            let draft = try await f.store.facts(.observation, states: [.draft]).first
            #expect(draft?.entry.provenance == Provenance(title: "2025년 AI 산업 실태조사", url: "https://www.msit.go.kr/bbs/view.do?nttSeqNo=1",
                                                         published: CalendarDay(iso: "2026-03-02"), quote: "AI 전문기업은 140개로 집계됐다"))
            // The saved draft shows its source again.
            let again = try await client.fetch("/admin/projects/1-1/report?period=2025", headers: [.cookie: lee.cookie]).body
            #expect(again.contains("value=\"2026-03-02\"") && again.contains("AI 전문기업은 140개로 집계됐다</textarea>"))
        }
    }

    @Test func theQueueIsPagedOldestFirst() async throws {
        let f = try await WorkspaceFixture.make()
        let total = QueuePage.pageSize + 30
        let entries: [FactEntry] = (0..<total).map { (i: Int) -> FactEntry in
            let year: Int = 2001 + i / 12, month: Int = 1 + i % 12
            let period: Period = .month(year, month)!
            return FactEntry(.observation(indicatorId: "1-1.data-market-size", period: period, value: Double(i), text: nil))
        }
        _ = try await f.store.append(entries, state: .submitted, actor: Actor("user:lee"), at: .now)
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            let first = try await client.fetch("/admin/queue", headers: [.cookie: park.cookie]).body
            #expect(first.components(separatedBy: "name=\"pick\"").count - 1 == QueuePage.pageSize)
            #expect(first.contains("(\(total))"))
            #expect(first.contains("2쪽 중 1쪽") && first.contains("href=\"/admin/queue?page=2\""))
            let second = try await client.fetch("/admin/queue?page=2", headers: [.cookie: park.cookie]).body
            #expect(second.components(separatedBy: "name=\"pick\"").count - 1 == 30)
            #expect(second.contains("href=\"/admin/queue?page=1\""))
            // Oldest first: the first page begins with the first value recorded.
            #expect(first.visibleText.contains("2001년 1월"))
        }
    }

    @Test func lockedPeriodsNeedAnUnlockOnRecord() async throws {
        let f = try await WorkspaceFixture.make { $0.lockAfterDays = 30 }
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let locked = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2024", "action": "save", "v.1-1.data-market-size": "40조원",
            ], headers: lee.headers)
            #expect(locked.status == .conflict)
            #expect(locked.body.contains(Catalog.ko["err_workflow_locked"]))
            // The coordinator unlocks, with a reason; the reporter can then save.
            let park = try await WorkspaceFixture.signIn(client, "park")
            let form = try await client.fetch("/admin/projects/1-1/report?period=2024", headers: [.cookie: park.cookie]).body
            #expect(form.contains("/admin/projects/1-1/unlock"))
            let unlocked = try await client.post("/admin/projects/1-1/unlock", form: ["_csrf": park.csrf, "period": "2024", "reason": "통계 정정"],
                                                 headers: park.headers)
            #expect(unlocked.status == .seeOther)
            let saved = try await client.post("/admin/projects/1-1/report", form: [
                "_csrf": lee.csrf, "period": "2024", "action": "save", "v.1-1.data-market-size": "40조원",
            ], headers: lee.headers)
            #expect(saved.status == .seeOther)
            let events = try await f.store.auditEvents(after: 0, limit: 1000)
            #expect(events.contains { $0.action == "period.unlock" && $0.actor == "user:park" })
        }
    }

    @Test func locksHoldOnEveryWritePath() async throws {
        let f = try await WorkspaceFixture.make { $0.lockAfterDays = 30 }
        // A draft saved while 2024 was still open (a week after it ended)…
        let saved = Timestamp.startOfDay(Period.year(2024)!.end.adding(days: 7))
        _ = try await f.store.append([FactEntry(.observation(indicatorId: "1-1.data-market-size", period: .year(2024)!, value: 4e13, text: nil))],
                                     state: .draft, actor: Actor("user:lee"), at: saved)
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            // …cannot be submitted after the lock.
            let submit = try await client.report(lee, period: "2024", "submit")
            #expect(submit.status == .conflict, "\(submit.status)")
            #expect(try await f.store.facts(.observation, states: [.submitted]).isEmpty)
            // A task's status as of a day in a locked year is locked too.
            let task = "1-1.data-control-tower"
            let status = try await client.post("/admin/projects/1-1/tasks", form: ["_csrf": lee.csrf, "action": "save", "p.\(task)": "done",
                                                                                  "d.\(task)": "2021-03-02", "e.\(task)": "관보 제1호"], headers: lee.headers)
            #expect(status.status == .conflict)
            #expect(status.body.contains(Catalog.ko["err_workflow_locked"]))
            #expect(try await f.store.facts(.taskStatus, states: nil).isEmpty)
            // The coordinator's unlock of the year opens both.
            let park = try await WorkspaceFixture.signIn(client, "park")
            for year in ["2024", "2021"] {
                _ = try await client.post("/admin/projects/1-1/unlock", form: ["_csrf": park.csrf, "period": year, "reason": "정정"], headers: park.headers)
            }
            let again = try await client.report(lee, period: "2024", "submit")
            #expect(again.status == .seeOther)
            #expect(try await f.store.facts(.observation, states: [.submitted]).count == 1)
            let unlocked = try await client.post("/admin/projects/1-1/tasks", form: ["_csrf": lee.csrf, "action": "save", "p.\(task)": "done",
                                                                                    "d.\(task)": "2021-03-02", "e.\(task)": "관보 제1호"], headers: lee.headers)
            #expect(unlocked.status == .seeOther)
        }
    }

    @Test func nobodyApprovesWhatTheyRecordedOrSubmitted() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            // The coordinator reports a value for 1-1 and submits it…
            let park = try await WorkspaceFixture.signIn(client, "park")
            #expect(try await client.report(park, period: "2025", "submit", ["v.1-1.data-market-size": "44조원"]).status == .seeOther)
            let fact = try #require(try await f.store.facts(.observation, states: [.submitted]).first)
            // …and may not approve it.
            let own = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "approve", "pick": "observation:\(fact.id)"],
                                            headers: park.headers)
            #expect(own.status == .unprocessableContent)
            #expect(own.body.contains(Catalog.ko["queue_own_value"]))
            #expect(try await f.store.fact(.observation, id: fact.id)?.state == .submitted)
            // A reporter's draft that the coordinator submitted is the coordinator's to submit, not to approve.
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            _ = try await client.report(lee, period: "2025", "save", ["v.1-1.ai-specialist-firms": "120"])
            _ = try await client.report(park, period: "2025", "submit")
            let draft = try #require(try await f.store.facts(.observation, states: [.submitted]).first { $0.key.subject == "1-1.ai-specialist-firms" })
            let submittedByPark = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "approve", "pick": "observation:\(draft.id)"],
                                                        headers: park.headers)
            #expect(submittedByPark.status == .unprocessableContent)
            // Another coordinator (here the administrator) approves both.
            let admin = try await WorkspaceFixture.signIn(client, "admin")
            let other = try await client.post("/admin/queue", form: ["_csrf": admin.csrf, "decision": "approve", "pick": "observation:\(fact.id)"],
                                              headers: admin.headers)
            #expect(other.status == .seeOther)
            #expect(try await f.store.fact(.observation, id: fact.id)?.state == .approved)
        }
        // Through the API as well: a coordinator's token records, submits and may not approve.
        let token = try await f.token(role: .coordinator, organization: "pmo")
        try await f.withClient { client in
            let body = #"{"submit":true,"observations":[{"indicatorId":"1-1.public-data-opened","period":"2025","value":"130"}]}"#
            let created = try await client.post("/api/v1/projects/1-1/reports", json: body, headers: [.authorization: "Bearer \(token)"])
            #expect(created.status == .created)
            let id = try #require(try await f.store.facts(.observation, states: [.submitted]).last?.id)
            let approve = try await client.post("/api/v1/reports/observation/\(id)/approve", json: "{}", headers: [.authorization: "Bearer \(token)"])
            #expect(approve.status == .conflict)
            #expect(approve.body.contains("four eyes"))
        }
    }

    @Test func aOnePersonOfficeMayApproveItsOwnValuesOnRecord() async throws {
        let f = try await WorkspaceFixture.make { $0.allowSelfApproval = true }
        try await f.withClient { client in
            let park = try await WorkspaceFixture.signIn(client, "park")
            _ = try await client.report(park, period: "2025", "submit", ["v.1-1.data-market-size": "44조원"])
            let fact = try #require(try await f.store.facts(.observation, states: [.submitted]).first)
            let own = try await client.post("/admin/queue", form: ["_csrf": park.csrf, "decision": "approve", "pick": "observation:\(fact.id)"],
                                            headers: park.headers)
            #expect(own.status == .seeOther)
            #expect(try await f.store.fact(.observation, id: fact.id)?.state == .approved)
            let events = try await f.store.auditEvents(after: 0, limit: 1000)
            #expect(events.contains { $0.action == "fact.self-approve" && $0.actor == "user:park" && $0.entity.contains("\(fact.id)") })
        }
    }

    @Test func taskStatusNeedsEvidence() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let task = "1-1.data-control-tower"
            let missing = try await client.post("/admin/projects/1-1/tasks", form: ["_csrf": lee.csrf, "action": "save", "p.\(task)": "done",
                                                                                   "d.\(task)": "2021-03-02", "e.\(task)": ""], headers: lee.headers)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.body.contains(Catalog.ko["err_evidence"]))
            // A day of this year: earlier years lock (see `locksHoldOnEveryWritePath`).
            let day = Timestamp.now.koreanDay.iso
            let ok = try await client.post("/admin/projects/1-1/tasks", form: ["_csrf": lee.csrf, "action": "submit", "p.\(task)": "done",
                                                                              "d.\(task)": day, "e.\(task)": "관보 제1호"], headers: lee.headers)
            #expect(ok.headers[.location] == "/admin/projects/1-1/tasks?done=submitted")
            #expect(try await f.store.facts(.taskStatus, states: [.submitted]).count == 1)
        }
    }

    @Test func uploadGoesThroughTheImportValidation() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let template = try await client.fetch("/admin/projects/1-1/template.csv?kind=observations", headers: [.cookie: lee.cookie])
            #expect(template.body.hasPrefix("\u{FEFF}항목명,지표ID,기간,값"))
            #expect(template.body.contains("1-1.data-market-size"))
            func upload(_ csv: String) async throws -> Fetched {
                let boundary = "XyZ123"
                let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(lee.csrf)\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nobservations\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2025.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
                    + "--\(boundary)--\r\n"
                return try await client.execute(uri: "/admin/projects/1-1/upload", method: .post,
                                                headers: [.cookie: lee.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                                body: ByteBuffer(string: body)) { Fetched(status: $0.status, headers: $0.headers, body: String(buffer: $0.body)) }
            }
            // The template with two values filled in; rows left blank are skipped.
            var filled = template.body.replacingOccurrences(of: "1-1.data-market-size,2025,", with: "1-1.data-market-size,2025,44조원")
            filled = filled.replacingOccurrences(of: "1-1.ai-specialist-firms,2025,", with: "1-1.ai-specialist-firms,2025,120")
            let good = try await upload(filled)
            #expect(good.status == .seeOther, "\(good.body.visibleText.prefix(400))")
            #expect(try await f.store.facts(.observation, states: [.submitted]).count == 2)
            // A row for another organization's project, and a bad number: nothing is applied, every problem listed.
            let bad = try await upload("지표ID,기간,값\n2-1.school-wifi,2025,50%\n1-1.ai-specialist-firms,2025,많이\n")
            #expect(bad.status == .unprocessableContent || bad.status == .conflict)
            #expect(bad.body.contains("2025.csv 3행: 숫자로 적어 주세요"))
            #expect(try await f.store.facts(.observation, states: nil).count == 2)
        }
    }
}
