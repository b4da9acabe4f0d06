import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// One draft revision as a request sees it: its record, its plan, the plan's history, and the
/// version it revises. Every draft page starts here.
struct DraftSession {
    let ws: Workspace
    var record: PlanDraftRecord
    var plan: Plan
    let history: PlanHistory
    let store: any Store

    var isOpen: Bool { record.state.isOpen }
    /// The version the draft is compared with: the newest.
    var base: PlanHistory.Version { history.latest }

    /// The draft named by the path, or nil when there is none (or no store).
    static func load(_ ws: Workspace, id text: String) async throws -> DraftSession? {
        guard let store = ws.store, let id = Int64(text), let record = try await store.planDraft(id: id, content: false) else { return nil }
        let plan = try await DraftContent.plan(of: record, ws: ws, store: store)
        return DraftSession(ws: ws, record: record, plan: plan, history: ws.site.model.history, store: store)
    }

    /// Stores `plan` as the draft's new content, expected at `lock`; the record after. What is
    /// stored is what the draft changes against the version it revises (`PlanDelta`), so a
    /// save costs the size of the change, not of the plan.
    mutating func save(_ plan: Plan, lock: Int64, summary: String) async throws {
        let bytes = try await DraftContent.stored(plan, baseVersion: record.baseVersion, ws: ws, store: store)
        let change = PlanDraftChange(expectedLock: lock, title: plan.revision?.title ?? record.title, content: bytes, summary: summary)
        record = try await store.savePlanDraft(id: record.id, change, actor: ws.actor, at: .now)
        self.plan = plan
        ws.site.draftPlans.keep(plan, sha256: record.sha256)
    }

    /// The draft written whole as a plan file: what is downloaded, checked whole and approved.
    var file: [UInt8] { Array(PlanWriter.yaml(plan).utf8) }

    /// The id of the newest stored version of the plan: what a new draft revises, and what an
    /// approval requires to be unchanged.
    static func newestVersion(_ store: any Store, planId: String) async throws -> Int64? {
        try await store.planVersions().last { $0.planId == planId }?.id
    }

    /// Whether another version of the plan was stored since the draft was opened.
    func isStale() async throws -> Bool {
        try await Self.newestVersion(store, planId: record.planId) != record.baseVersion
    }

    /// What the draft changes against the version it revises.
    var changes: [PlanChange] { PlanDiff.changes(from: base.plan, to: plan) }

    var link: String { "/admin/drafts/\(record.id)" }

    /// Back to the draft after an action, with the notice naming it and the part of the page to show.
    func redirect(done: String, anchor: String? = nil) -> Response {
        Response(status: .seeOther, headers: [.location: link + "?done=\(done)" + (anchor.map { "#\($0)" } ?? ""), .cacheControl: "no-store"])
    }
}
