import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// Draft revisions of the plan on every backend: stored as their plan file, changed only by
/// someone who read the latest copy, moved forward only, approved as a version of the plan in
/// one transaction with its audit events, and reviewed with four eyes.
@Suite("Plan drafts", .serialized)
struct PlanDraftStoreTests {
    typealias F = Fixtures

    static func opened(_ store: any Store, by actor: Actor = Actor("user:kim")) async throws -> (PlanDraftRecord, Plan, Int64) {
        let loaded = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
        let plan = PlanDraft.open(PlanHistory(F.plan), today: F.today)
        let draft = try await store.openPlanDraft(NewPlanDraft(planId: plan.id, baseVersion: loaded.version.id, title: plan.revision!.title,
                                                               content: Array(PlanWriter.yaml(plan).utf8), origin: "opened"),
                                                  actor: actor, at: .now)
        return (draft, plan, loaded.version.id)
    }

    /// The draft with a target raised and its revision filled in, as the editor saves it.
    static func edited(_ plan: Plan) -> Plan {
        var p = plan
        p.pillars[0].projects[0].indicators[0].targets[0].value = (p.pillars[0].projects[0].indicators[0].targets[0].value ?? 0) + 1000
        p.revision?.effective = CalendarDay(iso: "2021-01-01")!
        p.revision?.sources = [PlanSource(id: "s1", publisher: LocalizedText(ko: "관계부처 합동", en: "Joint"), title: "보도자료",
                                          url: "https://www.korea.kr/", published: CalendarDay(iso: "2020-12-30"), quote: "목표를 높인다")]
        return p
    }

    static func file(_ plan: Plan) -> [UInt8] { Array(PlanWriter.yaml(plan).utf8) }

    static func change(_ plan: Plan, lock: Int64) -> PlanDraftChange {
        PlanDraftChange(expectedLock: lock, title: plan.revision!.title, content: Array(PlanWriter.yaml(plan).utf8), summary: "indicator x")
    }

    @Test("a draft is stored as its file; a save must start from the latest copy; its authors are kept", arguments: Backend.all)
    func saving(backend: Backend) async throws {
        try await backend.withStore { store in
            let (draft, plan, base) = try await Self.opened(store)
            #expect(draft.state == .editing && draft.lock == 1 && draft.baseVersion == base && draft.authors == ["user:kim"])
            let stored = try #require(try await store.planDraft(id: draft.id, content: true))
            #expect(PlanLoader.load(data: Data(stored.content ?? []), file: "d.yaml").plan == plan)
            #expect(try await store.planDraft(id: draft.id, content: false)?.content == nil)
            let edited = Self.edited(plan)
            let saved = try await store.savePlanDraft(id: draft.id, Self.change(edited, lock: 1), actor: Actor("user:lee"), at: .now)
            #expect(saved.lock == 2 && saved.authors == ["user:kim", "user:lee"] && saved.updatedBy == "user:lee")
            // A second save from the copy read at version 1 is refused, and changes nothing.
            await #expect(throws: StoreError.self) {
                _ = try await store.savePlanDraft(id: draft.id, Self.change(plan, lock: 1), actor: Actor("user:park"), at: .now)
            }
            let after = try #require(try await store.planDraft(id: draft.id, content: false))
            #expect(after.lock == 2 && after.sha256 == saved.sha256 && !after.authors.contains("user:park"))
            let actions = try await store.auditEvents(after: 0, limit: 100).map(\.action)
            #expect(actions.filter { $0.hasPrefix("plan-draft.") } == ["plan-draft.open", "plan-draft.save"])
            #expect(try await store.planDrafts().map(\.id) == [draft.id])
        }
    }

    @Test("a draft moves forward only: submitted drafts are not edited, approved and discarded ones never move", arguments: Backend.all)
    func states(backend: Backend) async throws {
        try await backend.withStore { store in
            let (draft, plan, _) = try await Self.opened(store)
            let submitted = try await store.movePlanDraft(id: draft.id, lock: draft.lock, to: .submitted, reason: nil, actor: Actor("user:kim"), at: .now,
                                                          notifications: [])
            #expect(submitted.state == .submitted && submitted.submittedBy == "user:kim")
            await #expect(throws: StoreError.self) {
                _ = try await store.savePlanDraft(id: draft.id, Self.change(plan, lock: submitted.lock), actor: Actor("user:kim"), at: .now)
            }
            let returned = try await store.movePlanDraft(id: draft.id, lock: submitted.lock, to: .returned, reason: "근거 자료 보완", actor: Actor("user:lee"),
                                                         at: .now, notifications: [])
            #expect(returned.state == .returned && returned.returnReason == "근거 자료 보완" && returned.decidedBy == "user:lee")
            let discarded = try await store.movePlanDraft(id: draft.id, lock: returned.lock, to: .discarded, reason: nil, actor: Actor("user:kim"),
                                                          at: .now, notifications: [])
            #expect(discarded.state == .discarded)
            await #expect(throws: StoreError.self) {
                _ = try await store.movePlanDraft(id: draft.id, lock: discarded.lock, to: .submitted, reason: nil, actor: Actor("user:kim"), at: .now,
                                                  notifications: [])
            }
            await #expect(throws: StoreError.self) {
                _ = try await store.approvePlanDraft(id: draft.id, lock: discarded.lock, plan: plan, file: Self.file(plan), actor: Actor("user:lee"), at: .now, notifications: [])
            }
        }
    }

    @Test("approval stores the draft's file as a version of the plan, audited so the chain verifies; a stale draft is refused", arguments: Backend.all)
    func approving(backend: Backend) async throws {
        try await backend.withStore { store in
            let (draft, plan, base) = try await Self.opened(store)
            let edited = Self.edited(plan)
            let saved = try await store.savePlanDraft(id: draft.id, Self.change(edited, lock: draft.lock), actor: Actor("user:kim"), at: .now)
            let workflow = RevisionWorkflow(store: store, index: F.index)
            let submitted = try await workflow.submit(saved, effective: edited.revision!.effective, changes: 1, actor: Actor("user:kim"), at: .now)
            // Four eyes: whoever wrote or submitted it may not approve it.
            await #expect(throws: RevisionWorkflowError.ownDraft) {
                _ = try await workflow.approve(submitted, plan: edited, file: Self.file(edited), actor: Actor("user:kim"), at: .now)
            }
            let outcome = try await workflow.approve(submitted, plan: edited, file: Self.file(edited), actor: Actor("user:lee"), at: .now)
            #expect(outcome.isNew && outcome.version.id > base && outcome.version.fileName == "digital-new-deal-draft-\(draft.id).yaml")
            let approved = try #require(try await store.planDraft(id: draft.id, content: false))
            #expect(approved.state == .approved && approved.approvedVersion == outcome.version.id && approved.decidedBy == "user:lee")
            let history = try #require(try await store.planHistory())
            #expect(history.versions.count == 2 && history.latest.plan == edited)
            #expect(PlanDiff.changes(from: F.plan, to: history.latest.plan).contains { $0.kind == .raised })
            let events = try await store.auditEvents(after: 0, limit: 100)
            let load = try #require(events.last { $0.action == "plan.load" })
            #expect(load.after["draft"]?.int == Int(draft.id))
            #expect(events.last?.action == "plan-draft.approve")
            let verification = try await store.verifyAudit()
            #expect(verification.firstProblem == nil, "\(String(describing: verification.firstProblem))")

            // A second draft opened from the first version is stale now.
            let second = try await store.openPlanDraft(NewPlanDraft(planId: plan.id, baseVersion: base, title: plan.revision!.title,
                                                                    content: Array(PlanWriter.yaml(Self.edited(plan)).utf8) + Array("# other\n".utf8), origin: "opened"),
                                                       actor: Actor("user:kim"), at: .now)
            let moved = try await store.movePlanDraft(id: second.id, lock: second.lock, to: .submitted, reason: nil, actor: Actor("user:kim"), at: .now,
                                                      notifications: [])
            await #expect(throws: StoreError.self) {
                _ = try await store.approvePlanDraft(id: second.id, lock: moved.lock, plan: edited, file: Self.file(edited), actor: Actor("user:lee"), at: .now, notifications: [])
            }
            #expect(try await store.planVersions().count == 2)
        }
    }

    @Test("a one-person office may approve its own draft, and the chain says so", arguments: Backend.all)
    func selfApproval(backend: Backend) async throws {
        try await backend.withStore { store in
            let (draft, plan, _) = try await Self.opened(store)
            let edited = Self.edited(plan)
            let saved = try await store.savePlanDraft(id: draft.id, Self.change(edited, lock: draft.lock), actor: Actor("user:kim"), at: .now)
            let workflow = RevisionWorkflow(store: store, index: F.index, allowSelfApproval: true)
            let submitted = try await workflow.submit(saved, effective: edited.revision!.effective, changes: 1, actor: Actor("user:kim"), at: .now)
            _ = try await workflow.approve(submitted, plan: edited, file: Self.file(edited), actor: Actor("user:kim"), at: .now)
            #expect(try await store.auditEvents(after: 0, limit: 100).last?.action == "plan-draft.self-approve")
        }
    }

    @Test("submission tells the office; a return and an approval tell the draft's authors, never the one who decided", arguments: Backend.all)
    func notifications(backend: Backend) async throws {
        try await backend.withStore { store in
            try await RoundsAndOutboxTests.populate(store)
            let d = Directory(store: store)
            try await d.addAccount(Account(username: "yoon", displayName: "윤서준", organizationId: "pmo", role: .coordinator, passwordHash: "x", createdAt: .now),
                                   actor: .system, at: .now)
            let plan = PlanDraft.open(PlanHistory(F.plan), today: F.today)
            let base = try #require(try await store.planVersions().last?.id)
            let draft = try await store.openPlanDraft(NewPlanDraft(planId: plan.id, baseVersion: base, title: plan.revision!.title,
                                                                   content: Array(PlanWriter.yaml(plan).utf8), origin: "opened"),
                                                      actor: Actor("user:kim"), at: .now)
            let workflow = RevisionWorkflow(store: store, index: F.index)
            let submitted = try await workflow.submit(draft, effective: plan.revision!.effective, changes: 3, actor: Actor("user:kim"), at: .now)
            let toYoon = try await store.notifications(recipient: "yoon", limit: 10)
            #expect(toYoon.count == 1 && toYoon[0].content.kind == .revisionSubmitted && toYoon[0].content.link == "/admin/drafts/\(draft.id)")
            #expect(toYoon[0].content.subject.contains("계획 변경안 검토 요청"))
            #expect(try await store.notifications(recipient: "kim", limit: 10).isEmpty)
            #expect(try await store.notifications(recipient: "lee", limit: 10).isEmpty)
            _ = try await workflow.returnDraft(submitted, effective: plan.revision!.effective, reason: "출처를 보완하십시오", actor: Actor("user:yoon"), at: .now)
            let toKim = try await store.notifications(recipient: "kim", limit: 10)
            #expect(toKim.count == 1 && toKim[0].content.kind == .revisionReturned && toKim[0].content.body.contains("출처를 보완하십시오"))
            #expect(try await store.notifications(recipient: "yoon", limit: 10).count == 1)
        }
    }
}
