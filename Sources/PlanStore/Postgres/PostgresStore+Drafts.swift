import Foundation
import NIOCore
import PlanCore
import PostgresNIO

/// Draft revisions of the plan on PostgreSQL: each change one transaction under the writers'
/// lock with its audit event, refused when the draft moved on since the writer read it.
extension PostgresStore {
    static func decodeDraft(_ r: PostgresRandomAccessRow, content: Bool) throws -> PlanDraftRecord {
        let state = try r["state"].decode(String.self)
        return PlanDraftRecord(
            id: try r["id"].decode(Int64.self), planId: try r["plan_id"].decode(String.self), baseVersion: try r["base_version"].decode(Int64.self),
            state: PlanDraftRecord.State(rawValue: state) ?? .editing, lock: try r["lock_version"].decode(Int64.self),
            title: LocalizedText(ko: try r["title_ko"].decode(String.self), en: try r["title_en"].decode(String?.self)),
            sha256: try r["sha256"].decode(String.self), authors: PlanDraftRows.authors(try r["authors"].decode(String.self)),
            createdAt: Timestamp(seconds: try r["created_at"].decode(Int64.self)), createdBy: try r["created_by"].decode(String.self),
            updatedAt: Timestamp(seconds: try r["updated_at"].decode(Int64.self)), updatedBy: try r["updated_by"].decode(String.self),
            submittedAt: try r["submitted_at"].decode(Int64?.self).map(Timestamp.init), submittedBy: try r["submitted_by"].decode(String?.self),
            decidedAt: try r["decided_at"].decode(Int64?.self).map(Timestamp.init), decidedBy: try r["decided_by"].decode(String?.self),
            returnReason: try r["return_reason"].decode(String?.self), approvedVersion: try r["approved_version"].decode(Int64?.self),
            content: content ? Array(try r["content"].decode(ByteBuffer.self).readableBytesView) : nil)
    }

    func draft(_ conn: PostgresConnection, id: Int64, content: Bool = false) async throws -> PlanDraftRecord? {
        try await rows(conn, "SELECT \(PlanDraftRows.columns)\(content ? ", content" : "") FROM plan_drafts WHERE id = $1", [id]).first
            .map { try Self.decodeDraft($0, content: content) }
    }

    public func openPlanDraft(_ new: NewPlanDraft, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord {
        let sha = PlanDraftRows.sha256(new.content)
        return try await transaction { conn in
            let inserted = try await self.rows(conn, """
                INSERT INTO plan_drafts (plan_id, base_version, state, lock_version, title_ko, title_en, content, sha256, authors, created_at, created_by,
                    updated_at, updated_by) VALUES ($1, $2, 'editing', 1, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
                """, [new.planId, new.baseVersion, new.title.ko, new.title.en, ByteBuffer(bytes: new.content), sha, actor.id, at.seconds, actor.id,
                      at.seconds, actor.id])
            let id = try inserted[0]["id"].decode(Int64.self)
            guard let draft = try await self.draft(conn, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try await self.appendAudit(conn, at: at, actor: actor, action: "plan-draft.open", entity: "plan_drafts#\(id)",
                                       after: .compactObject(PlanDraftRows.view(draft) + [("origin", .string(new.origin)),
                                                                                          ("fileName", new.fileName.map(JSONValue.string) ?? .null)]))
            return draft
        }
    }

    public func planDrafts() async throws -> [PlanDraftRecord] {
        try await rows("SELECT \(PlanDraftRows.columns) FROM plan_drafts ORDER BY id DESC").map { try Self.decodeDraft($0, content: false) }
    }

    public func planDraft(id: Int64, content: Bool) async throws -> PlanDraftRecord? {
        try await rows("SELECT \(PlanDraftRows.columns)\(content ? ", content" : "") FROM plan_drafts WHERE id = $1", [id]).first
            .map { try Self.decodeDraft($0, content: content) }
    }

    public func savePlanDraft(id: Int64, _ change: PlanDraftChange, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord {
        let sha = PlanDraftRows.sha256(change.content)
        return try await transaction { conn in
            let before = try await self.draft(conn, id: id)
            if let refusal = PlanDraftRows.refusal(before, id: id, lock: change.expectedLock, to: .editing) { throw refusal }
            guard let before else { throw StoreError.notFound("plan draft #\(id)") }
            let authors = PlanDraftRows.adding(actor, to: before.authors)
            try await self.exec(conn, """
                UPDATE plan_drafts SET content = $1, sha256 = $2, title_ko = $3, title_en = $4, lock_version = lock_version + 1, authors = $5,
                    updated_at = $6, updated_by = $7 WHERE id = $8 AND lock_version = $9
                """, [ByteBuffer(bytes: change.content), sha, change.title.ko, change.title.en, PlanDraftRows.authors(authors), at.seconds, actor.id,
                      id, change.expectedLock])
            guard let after = try await self.draft(conn, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try await self.appendAudit(conn, at: at, actor: actor, action: "plan-draft.save", entity: "plan_drafts#\(id)",
                                       before: .object(PlanDraftRows.view(before)),
                                       after: .object(PlanDraftRows.view(after) + [("change", .string(change.summary))]))
            return after
        }
    }

    public func movePlanDraft(id: Int64, lock: Int64, to state: PlanDraftRecord.State, reason: String?, actor: Actor, at: Timestamp,
                              notifications: [OutgoingNotification]) async throws -> PlanDraftRecord {
        guard state != .approved, state != .editing else { throw StoreError.invalid("use approvePlanDraft to approve a plan draft") }
        return try await transaction { conn in
            let before = try await self.draft(conn, id: id)
            if let refusal = PlanDraftRows.refusal(before, id: id, lock: lock, to: state) { throw refusal }
            guard let before else { throw StoreError.notFound("plan draft #\(id)") }
            if state == .submitted {
                try await self.exec(conn, """
                    UPDATE plan_drafts SET state = 'submitted', lock_version = lock_version + 1, submitted_at = $1, submitted_by = $2, return_reason = NULL
                    WHERE id = $3
                    """, [at.seconds, actor.id, id])
            } else {
                try await self.exec(conn, """
                    UPDATE plan_drafts SET state = $1, lock_version = lock_version + 1, decided_at = $2, decided_by = $3, return_reason = $4 WHERE id = $5
                    """, [state.rawValue, at.seconds, actor.id, reason, id])
            }
            guard let after = try await self.draft(conn, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try await self.appendAudit(conn, at: at, actor: actor, action: PlanDraftRows.action(state), entity: "plan_drafts#\(id)",
                                       before: .object(PlanDraftRows.view(before)),
                                       after: .compactObject(PlanDraftRows.view(after) + [("reason", reason.map(JSONValue.string) ?? .null)]))
            try await self.insertNotifications(conn, notifications, at: at)
            return after
        }
    }

    public func approvePlanDraft(id: Int64, lock: Int64, plan: Plan, file: [UInt8], actor: Actor, at: Timestamp,
                                 notifications: [OutgoingNotification]) async throws -> (PlanDraftRecord, PlanLoadOutcome) {
        let snapshot = try PlanSnapshot.encode(plan)
        return try await transaction { conn in
            guard let before = try await self.draft(conn, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            if let refusal = PlanDraftRows.refusal(before, id: id, lock: lock, to: .approved) { throw refusal }
            let newest = try await self.rows(conn, "SELECT MAX(id) AS newest FROM plan_versions WHERE plan_id = $1", [before.planId]).first?["newest"]
                .decode(Int64?.self)
            guard newest == before.baseVersion else {
                throw StoreError.conflict("plan version \(newest ?? 0) was stored after plan draft #\(id) was opened from version \(before.baseVersion)")
            }
            if let same = try await self.rows(conn, "SELECT id FROM plan_versions WHERE sha256 = $1", [PlanDraftRows.sha256(file)]).first {
                throw StoreError.conflict("plan draft #\(id) is the same file as plan version \(try same["id"].decode(Int64.self))")
            }
            guard plan.id == before.planId else { throw StoreError.invalid("plan draft #\(id) is not a draft of plan '\(plan.id)'") }
            let outcome = try await self.insertPlanVersion(conn, bytes: file, fileName: before.fileName, plan: plan, snapshot: snapshot, actor: actor,
                                                           at: at, draft: id)
            try await self.exec(conn, """
                UPDATE plan_drafts SET state = 'approved', lock_version = lock_version + 1, decided_at = $1, decided_by = $2, approved_version = $3 WHERE id = $4
                """, [at.seconds, actor.id, outcome.version.id, id])
            guard let after = try await self.draft(conn, id: id) else { throw StoreError.notFound("plan draft #\(id)") }
            try await self.appendAudit(conn, at: at, actor: actor, action: "plan-draft.approve", entity: "plan_drafts#\(id)",
                                       before: .object(PlanDraftRows.view(before)),
                                       after: .object(PlanDraftRows.view(after) + [("version", .int(outcome.version.id))]))
            try await self.insertNotifications(conn, notifications, at: at)
            return (after, outcome)
        }
    }
}
