import Foundation
import PlanCore
import PostgresNIO

/// Reporting rounds, their reminders and the notifications outbox on PostgreSQL. Writes that
/// belong to an event take the writers' lock like every other; a sender claims an email with
/// `FOR UPDATE SKIP LOCKED` and a lease, so servers sharing the database never take the same one.
extension PostgresStore {
    func insertNotifications(_ conn: PostgresConnection, _ list: [OutgoingNotification], at: Timestamp) async throws {
        for n in list {
            try await exec(conn, """
                INSERT INTO notifications (\(SQLiteStore.notificationColumns))
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14) ON CONFLICT (key) DO NOTHING
                """, [n.key, n.recipient, n.recipientName, n.organizationId, n.kind.rawValue, n.language.rawValue, n.subject, n.body, n.link,
                      n.email, OutboxRow.newToken(), at.seconds, (n.email == nil ? MailState.none : .pending).rawValue, at.seconds])
        }
    }

    static func decodeNotification(_ r: PostgresRandomAccessRow) throws -> StoredNotification {
        OutboxRow.notification(id: try r["id"].decode(Int64.self), key: try r["key"].decode(String.self), recipient: try r["recipient"].decode(String.self),
                               recipientName: try r["recipient_name"].decode(String.self), organizationId: try r["organization_id"].decode(String.self),
                               kind: try r["kind"].decode(String.self), language: try r["language"].decode(String.self),
                               subject: try r["subject"].decode(String.self), body: try r["body"].decode(String.self), link: try r["link"].decode(String.self),
                               email: try r["email"].decode(String?.self), messageToken: try r["message_token"].decode(String.self),
                               createdAt: try r["created_at"].decode(Int64.self), readAt: try r["read_at"].decode(Int64?.self),
                               mailState: try r["mail_state"].decode(String.self), attempts: Int(try r["attempts"].decode(Int32.self)),
                               nextAttemptAt: try r["next_attempt_at"].decode(Int64.self), sentAt: try r["sent_at"].decode(Int64?.self),
                               lastError: try r["last_error"].decode(String?.self))
    }

    static func decodeRound(_ r: PostgresRandomAccessRow) throws -> ReportingRound {
        try OutboxRow.round(id: try r["id"].decode(Int64.self), titleKo: try r["title_ko"].decode(String.self), titleEn: try r["title_en"].decode(String?.self),
                            period: try r["period"].decode(String.self), items: try r["items"].decode(String.self), due: try r["due_day"].decode(String.self),
                            openedAt: try r["opened_at"].decode(Int64.self), openedBy: try r["opened_by"].decode(String.self),
                            closedAt: try r["closed_at"].decode(Int64?.self), closedBy: try r["closed_by"].decode(String?.self))
    }

    public func openRound(_ draft: RoundDraft, actor: Actor, at: Timestamp,
                          notify: @escaping @Sendable (ReportingRound) -> [OutgoingNotification]) async throws -> ReportingRound {
        try await transaction { conn in
            let inserted = try await self.rows(conn, """
                INSERT INTO rounds (title_ko, title_en, period, items, due_day, opened_at, opened_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """, [draft.title.ko, draft.title.en, draft.period.iso, draft.items.map(\.rawValue).joined(separator: ","), draft.due.iso,
                      at.seconds, actor.id])
            let id = try inserted[0]["id"].decode(Int64.self)
            let round = ReportingRound(id: id, key: "r\(id)", title: draft.title, period: draft.period, items: draft.items, due: draft.due,
                                       openedAt: at, openedBy: actor.id)
            try await self.appendAudit(conn, at: at, actor: actor, action: "round.open", entity: "rounds#\(id)", after: OutboxRow.auditView(round))
            try await self.insertNotifications(conn, notify(round), at: at)
            return round
        }
    }

    public func closeRound(id: Int64, actor: Actor, at: Timestamp) async throws {
        try await transaction { conn in
            guard let row = try await self.rows(conn, "SELECT * FROM rounds WHERE id = $1", [id]).first else {
                throw StoreError.notFound("round #\(id)")
            }
            let round = try Self.decodeRound(row)
            guard round.isOpen else { throw StoreError.conflict("round #\(id) is already closed") }
            try await self.exec(conn, "UPDATE rounds SET closed_at = $1, closed_by = $2 WHERE id = $3", [at.seconds, actor.id, id])
            try await self.appendAudit(conn, at: at, actor: actor, action: "round.close", entity: "rounds#\(id)", before: OutboxRow.auditView(round),
                                       after: .object([("closedAt", .int(at.seconds))]))
        }
    }

    public func rounds() async throws -> [ReportingRound] {
        try await rows("SELECT * FROM rounds ORDER BY id").map(Self.decodeRound)
    }

    public func recordReminder(round: String, milestone: String, notifications: [OutgoingNotification], audit: AuditNote,
                               at: Timestamp) async throws -> Bool {
        try await transaction { conn in
            let inserted = try await self.rows(conn, """
                INSERT INTO round_reminders (round_key, milestone, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING round_key
                """, [round, milestone, at.seconds])
            guard !inserted.isEmpty else { return false }
            try await self.appendAudit(conn, at: at, actor: .system, action: audit.action, entity: audit.entity, before: audit.before, after: audit.after)
            try await self.insertNotifications(conn, notifications, at: at)
            return true
        }
    }

    public func notifications(recipient: String, limit: Int) async throws -> [StoredNotification] {
        try await rows("SELECT * FROM notifications WHERE recipient = $1 ORDER BY id DESC LIMIT $2", [recipient, Int64(limit)]).map(Self.decodeNotification)
    }

    public func unreadNotifications(recipient: String) async throws -> Int {
        Int(try await rows("SELECT count(*)::bigint AS n FROM notifications WHERE recipient = $1 AND read_at IS NULL", [recipient])
            .first?["n"].decode(Int64.self) ?? 0)
    }

    public func markNotificationsRead(recipient: String, through id: Int64, at: Timestamp) async throws {
        try await transaction(write: false) { conn in
            try await self.exec(conn, "UPDATE notifications SET read_at = $1 WHERE recipient = $2 AND id <= $3 AND read_at IS NULL",
                                [at.seconds, recipient, id])
        }
    }

    public func claimNotification(owner: String, leaseSeconds: Int64, at: Timestamp) async throws -> StoredNotification? {
        // Not under the writers' lock: sending never waits for a report, nor a report for sending.
        // SKIP LOCKED passes over a row another server is claiming; the lease keeps it theirs after.
        try await transaction(write: false) { conn in
            try await self.rows(conn, """
                UPDATE notifications SET lease_owner = $1, lease_until = $2, attempts = attempts + 1
                WHERE id = (SELECT id FROM notifications WHERE mail_state = 'pending' AND next_attempt_at <= $3
                            AND (lease_until IS NULL OR lease_until <= $3) ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """, [owner, at.seconds + leaseSeconds, at.seconds]).first.map(Self.decodeNotification)
        }
    }

    @discardableResult
    public func finishNotification(id: Int64, owner: String, outcome: DeliveryOutcome, at: Timestamp) async throws -> Bool {
        let f = OutboxRow.Finish(outcome, at: at)
        return try await !transaction(write: false) { conn in
            try await self.rows(conn, """
                UPDATE notifications SET mail_state = $1, sent_at = $2, next_attempt_at = COALESCE($3, next_attempt_at), last_error = $4,
                    lease_owner = NULL, lease_until = NULL
                WHERE id = $5 AND lease_owner = $6 AND mail_state = 'pending' RETURNING id
                """, [f.state.rawValue, f.sentAt, f.nextAttemptAt, f.lastError, id, owner])
        }.isEmpty
    }

    public func outboxCounts() async throws -> [MailState: Int] {
        var out: [MailState: Int] = [:]
        for row in try await rows("SELECT mail_state, count(*)::bigint AS n FROM notifications GROUP BY mail_state") {
            if let s = MailState(rawValue: try row["mail_state"].decode(String.self)) { out[s] = Int(try row["n"].decode(Int64.self)) }
        }
        return out
    }
}
