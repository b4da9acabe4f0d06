import Foundation
import GRDB
import PlanCore

/// Draft revisions of the plan on SQLite: each change one transaction with its audit event,
/// refused when the draft moved on since the writer read it.
extension SQLiteStore {
    static func decodeDraft(_ row: Row, content: Bool) -> PlanDraftRecord {
        let state: String = row["state"]
        return PlanDraftRecord(
            id: row["id"], planId: row["plan_id"], baseVersion: row["base_version"], state: PlanDraftRecord.State(rawValue: state) ?? .editing,
            lock: row["lock_version"], title: LocalizedText(ko: row["title_ko"], en: row["title_en"]), sha256: row["sha256"],
            authors: PlanDraftRows.authors(row["authors"] as String), createdAt: Timestamp(seconds: row["created_at"]), createdBy: row["created_by"],
            updatedAt: Timestamp(seconds: row["updated_at"]), updatedBy: row["updated_by"],
            submittedAt: (row["submitted_at"] as Int64?).map(Timestamp.init), submittedBy: row["submitted_by"],
            decidedAt: (row["decided_at"] as Int64?).map(Timestamp.init), decidedBy: row["decided_by"], returnReason: row["return_reason"],
            approvedVersion: row["approved_version"], content: content ? (row["content"] as Data?).map { [UInt8]($0) } : nil)
    }

    static func draft(_ db: Database, id: Int64, content: Bool = false) throws -> PlanDraftRecord? {
        try Row.fetchOne(db, sql: "SELECT \(PlanDraftRows.columns)\(content ? ", content" : "") FROM plan_drafts WHERE id = ?", arguments: [id])
            .map { decodeDraft($0, content: content) }
    }

    public func openPlanDraft(_ new: NewPlanDraft, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord {
        let sha = PlanDraftRows.sha256(new.content)
        return try await writes.write { db in
            try db.execute(sql: """
                INSERT INTO plan_drafts (plan_id, base_version, state, lock_version, title_ko, title_en, content, sha256, authors, created_at, created_by,
                    updated_at, updated_by) VALUES (?, ?, 'editing', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [new.planId, new.baseVersion, new.title.ko, new.title.en, Data(new.content), sha, actor.id, at.seconds, actor.id,
                                 at.seconds, actor.id])
            let id = db.lastInsertedRowID
            guard let draft = try Self.draft(db, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try Self.appendAudit(db, at: at, actor: actor, action: "plan-draft.open", entity: "plan_drafts#\(id)",
                                 after: .compactObject(PlanDraftRows.view(draft) + [("origin", .string(new.origin)), ("fileName", new.fileName.map(JSONValue.string) ?? .null)]))
            return draft
        }
    }

    public func planDrafts() async throws -> [PlanDraftRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(PlanDraftRows.columns) FROM plan_drafts ORDER BY id DESC").map { Self.decodeDraft($0, content: false) }
        }
    }

    public func planDraft(id: Int64, content: Bool) async throws -> PlanDraftRecord? {
        try await pool.read { db in try Self.draft(db, id: id, content: content) }
    }

    public func savePlanDraft(id: Int64, _ change: PlanDraftChange, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord {
        let sha = PlanDraftRows.sha256(change.content)
        return try await writes.write { db in
            let before = try Self.draft(db, id: id)
            if let refusal = PlanDraftRows.refusal(before, id: id, lock: change.expectedLock, to: .editing) { throw refusal }
            guard let before else { throw StoreError.notFound("plan draft #\(id)") }
            let authors = PlanDraftRows.adding(actor, to: before.authors)
            try db.execute(sql: """
                UPDATE plan_drafts SET content = ?, sha256 = ?, title_ko = ?, title_en = ?, lock_version = lock_version + 1, authors = ?, updated_at = ?, updated_by = ?
                WHERE id = ? AND lock_version = ?
                """, arguments: [Data(change.content), sha, change.title.ko, change.title.en, PlanDraftRows.authors(authors), at.seconds, actor.id,
                                 id, change.expectedLock])
            guard let after = try Self.draft(db, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try Self.appendAudit(db, at: at, actor: actor, action: "plan-draft.save", entity: "plan_drafts#\(id)",
                                 before: .object(PlanDraftRows.view(before)), after: .object(PlanDraftRows.view(after) + [("change", .string(change.summary))]))
            return after
        }
    }

    public func movePlanDraft(id: Int64, lock: Int64, to state: PlanDraftRecord.State, reason: String?, actor: Actor, at: Timestamp,
                              notifications: [OutgoingNotification]) async throws -> PlanDraftRecord {
        guard state != .approved, state != .editing else { throw StoreError.invalid("use approvePlanDraft to approve a plan draft") }
        return try await writes.write { db in
            let before = try Self.draft(db, id: id)
            if let refusal = PlanDraftRows.refusal(before, id: id, lock: lock, to: state) { throw refusal }
            guard let before else { throw StoreError.notFound("plan draft #\(id)") }
            switch state {
            case .submitted:
                try db.execute(sql: "UPDATE plan_drafts SET state = 'submitted', lock_version = lock_version + 1, submitted_at = ?, submitted_by = ?, return_reason = NULL WHERE id = ?",
                               arguments: [at.seconds, actor.id, id])
            default:
                try db.execute(sql: "UPDATE plan_drafts SET state = ?, lock_version = lock_version + 1, decided_at = ?, decided_by = ?, return_reason = ? WHERE id = ?",
                               arguments: [state.rawValue, at.seconds, actor.id, reason, id])
            }
            guard let after = try Self.draft(db, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try Self.appendAudit(db, at: at, actor: actor, action: PlanDraftRows.action(state), entity: "plan_drafts#\(id)",
                                 before: .object(PlanDraftRows.view(before)),
                                 after: .compactObject(PlanDraftRows.view(after) + [("reason", reason.map(JSONValue.string) ?? .null)]))
            try Self.insertNotifications(db, notifications, at: at)
            return after
        }
    }

    public func approvePlanDraft(id: Int64, lock: Int64, plan: Plan, file: [UInt8], actor: Actor, at: Timestamp,
                                 notifications: [OutgoingNotification]) async throws -> (PlanDraftRecord, PlanLoadOutcome) {
        let snapshot = try PlanSnapshot.encode(plan)
        return try await pool.write { db in
            guard let before = try Self.draft(db, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            if let refusal = PlanDraftRows.refusal(before, id: id, lock: lock, to: .approved) { throw refusal }
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM plan_versions WHERE plan_id = ?", arguments: [before.planId])
            guard newest == before.baseVersion else {
                throw StoreError.conflict("plan version \(newest ?? 0) was stored after plan draft #\(id) was opened from version \(before.baseVersion)")
            }
            if let same = try Int64.fetchOne(db, sql: "SELECT id FROM plan_versions WHERE sha256 = ?", arguments: [PlanDraftRows.sha256(file)]) {
                throw StoreError.conflict("plan draft #\(id) is the same file as plan version \(same)")
            }
            guard plan.id == before.planId else { throw StoreError.invalid("plan draft #\(id) is not a draft of plan '\(plan.id)'") }
            let outcome = try Self.insertPlanVersion(db, bytes: file, fileName: before.fileName, plan: plan, snapshot: snapshot, actor: actor, at: at,
                                                     draft: id)
            try db.execute(sql: "UPDATE plan_drafts SET state = 'approved', lock_version = lock_version + 1, decided_at = ?, decided_by = ?, approved_version = ? WHERE id = ?",
                           arguments: [at.seconds, actor.id, outcome.version.id, id])
            guard let after = try Self.draft(db, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try Self.appendAudit(db, at: at, actor: actor, action: "plan-draft.approve", entity: "plan_drafts#\(id)",
                                 before: .object(PlanDraftRows.view(before)), after: .object(PlanDraftRows.view(after) + [("version", .int(outcome.version.id))]))
            try Self.insertNotifications(db, notifications, at: at)
            return (after, outcome)
        }
    }
}
