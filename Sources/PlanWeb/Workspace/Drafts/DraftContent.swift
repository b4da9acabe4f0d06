import Foundation
import PlanCore
import PlanStore

/// How a draft's plan is stored and read back: as what it changes against the version it
/// revises (`PlanDelta`), or, for a draft no delta expresses (pillars or projects moved, items
/// reordered), as the whole plan file. The delta is read against the version the draft revises,
/// which the site holds parsed while it is the newest; an older one is read from the store.
enum DraftContent {
    /// The plan a draft's content holds: kept from the last read, or read again.
    static func plan(of record: PlanDraftRecord, ws: Workspace, store: any Store) async throws -> Plan {
        if let cached = ws.site.draftPlans.plan(sha256: record.sha256) { return cached }
        guard let full = try await store.planDraft(id: record.id, content: true), let bytes = full.content else {
            throw StoreError.notFound("plan draft #\(record.id)")
        }
        let plan: Plan
        if PlanDelta.isDelta(bytes) {
            let delta = try PlanDelta.read(bytes).mapError { StoreError.invalid("plan draft #\(record.id): \($0)") }.get()
            guard delta.base == record.baseVersion else {
                throw StoreError.invalid("plan draft #\(record.id) revises version \(record.baseVersion), but its changes are against version \(delta.base)")
            }
            let base = try await basePlan(record.baseVersion, planId: record.planId, ws: ws, store: store)
            plan = try delta.applied(to: base).mapError { StoreError.invalid("plan draft #\(record.id): \($0)") }.get()
        } else {
            plan = try PlanLoader.load(data: Data(bytes), file: record.fileName).get()
        }
        ws.site.draftPlans.keep(plan, sha256: full.sha256)
        return plan
    }

    /// What to store for `plan`: its delta against the version it revises when the delta reads
    /// back as exactly `plan`, the whole plan file otherwise.
    static func stored(_ plan: Plan, baseVersion: Int64, ws: Workspace, store: any Store) async throws -> [UInt8] {
        PlanDelta.storedForm(of: plan, base: try await basePlan(baseVersion, planId: plan.id, ws: ws, store: store), baseVersion: baseVersion)
    }

    /// The plan a draft opened from stored version `id` revises: the latest version of the plan's
    /// history as it stood when that version was the newest stored (the site's own while it is).
    static func basePlan(_ id: Int64, planId: String, ws: Workspace, store: any Store) async throws -> Plan {
        try await ws.site.catchUp()
        if try await DraftSession.newestVersion(store, planId: planId) == id { return ws.site.model.history.latest.plan }
        guard let history = try await store.planHistory(through: id), history.latest.plan.id == planId else {
            throw StoreError.notFound("plan version \(id)")
        }
        return history.latest.plan
    }
}
