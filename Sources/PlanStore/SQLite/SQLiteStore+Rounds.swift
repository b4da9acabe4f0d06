import Foundation
import GRDB
import PlanCore

/// Reporting rounds, their reminders and the notifications outbox on SQLite. Every write goes
/// through the store's group commit, one transaction with its audit event and notifications.
extension SQLiteStore {
    static let notificationColumns = """
        key, recipient, recipient_name, organization_id, kind, language, subject, body, link, email, message_token,
        created_at, mail_state, attempts, next_attempt_at
        """

    /// Writes notifications inside the caller's transaction; a key already in the outbox is skipped.
    static func insertNotifications(_ db: Database, _ list: [OutgoingNotification], at: Timestamp) throws {
        guard !list.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO notifications (\(notificationColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            ON CONFLICT (key) DO NOTHING
            """)
        for n in list {
            try statement.execute(arguments: [n.key, n.recipient, n.recipientName, n.organizationId, n.kind.rawValue, n.language.rawValue,
                                              n.subject, n.body, n.link, n.email, OutboxRow.newToken(), at.seconds,
                                              (n.email == nil ? MailState.none : .pending).rawValue, at.seconds])
        }
    }

    static func decodeNotification(_ row: Row) -> StoredNotification {
        OutboxRow.notification(id: row["id"], key: row["key"], recipient: row["recipient"], recipientName: row["recipient_name"],
                               organizationId: row["organization_id"], kind: row["kind"], language: row["language"], subject: row["subject"],
                               body: row["body"], link: row["link"], email: row["email"], messageToken: row["message_token"],
                               createdAt: row["created_at"], readAt: row["read_at"], mailState: row["mail_state"], attempts: row["attempts"],
                               nextAttemptAt: row["next_attempt_at"], sentAt: row["sent_at"], lastError: row["last_error"])
    }

    static func decodeRound(_ row: Row) throws -> ReportingRound {
        try OutboxRow.round(id: row["id"], titleKo: row["title_ko"], titleEn: row["title_en"], period: row["period"], items: row["items"],
                            due: row["due_day"], openedAt: row["opened_at"], openedBy: row["opened_by"], closedAt: row["closed_at"],
                            closedBy: row["closed_by"])
    }

    public func openRound(_ draft: RoundDraft, actor: Actor, at: Timestamp,
                          notify: @escaping @Sendable (ReportingRound) -> [OutgoingNotification]) async throws -> ReportingRound {
        try await writes.write { db in
            try db.execute(sql: "INSERT INTO rounds (title_ko, title_en, period, items, due_day, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [draft.title.ko, draft.title.en, draft.period.iso, draft.items.map(\.rawValue).joined(separator: ","),
                                       draft.due.iso, at.seconds, actor.id])
            let id = db.lastInsertedRowID
            let round = ReportingRound(id: id, key: "r\(id)", title: draft.title, period: draft.period, items: draft.items, due: draft.due,
                                       openedAt: at, openedBy: actor.id)
            try Self.appendAudit(db, at: at, actor: actor, action: "round.open", entity: "rounds#\(id)", after: OutboxRow.auditView(round))
            try Self.insertNotifications(db, notify(round), at: at)
            return round
        }
    }

    public func closeRound(id: Int64, actor: Actor, at: Timestamp) async throws {
        try await writes.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM rounds WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("round #\(id)")
            }
            let round = try Self.decodeRound(row)
            guard round.isOpen else { throw StoreError.conflict("round #\(id) is already closed") }
            try db.execute(sql: "UPDATE rounds SET closed_at = ?, closed_by = ? WHERE id = ?", arguments: [at.seconds, actor.id, id])
            try Self.appendAudit(db, at: at, actor: actor, action: "round.close", entity: "rounds#\(id)", before: OutboxRow.auditView(round),
                                 after: .object([("closedAt", .int(at.seconds))]))
        }
    }

    public func rounds() async throws -> [ReportingRound] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM rounds ORDER BY id").map(Self.decodeRound) }
    }

    public func recordReminder(round: String, milestone: String, notifications: [OutgoingNotification], audit: AuditNote,
                               at: Timestamp) async throws -> Bool {
        try await writes.write { db in
            try db.execute(sql: "INSERT INTO round_reminders (round_key, milestone, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [round, milestone, at.seconds])
            guard db.changesCount > 0 else { return false }
            try Self.appendAudit(db, at: at, actor: .system, action: audit.action, entity: audit.entity, before: audit.before, after: audit.after)
            try Self.insertNotifications(db, notifications, at: at)
            return true
        }
    }

    public func notifications(recipient: String, limit: Int) async throws -> [StoredNotification] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM notifications WHERE recipient = ? ORDER BY id DESC LIMIT ?", arguments: [recipient, limit])
                .map(Self.decodeNotification)
        }
    }

    public func unreadNotifications(recipient: String) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM notifications WHERE recipient = ? AND read_at IS NULL", arguments: [recipient]) ?? 0
        }
    }

    public func markNotificationsRead(recipient: String, through id: Int64, at: Timestamp) async throws {
        try await writes.write { db in
            try db.execute(sql: "UPDATE notifications SET read_at = ? WHERE recipient = ? AND id <= ? AND read_at IS NULL",
                           arguments: [at.seconds, recipient, id])
        }
    }

    public func claimNotification(owner: String, leaseSeconds: Int64, at: Timestamp) async throws -> StoredNotification? {
        try await writes.write { db in
            // SQLite has one writer at a time: the select and the update are one atomic step.
            try Row.fetchOne(db, sql: """
                UPDATE notifications SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
                WHERE id = (SELECT id FROM notifications WHERE mail_state = 'pending' AND next_attempt_at <= ?
                            AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, id LIMIT 1)
                RETURNING *
                """, arguments: [owner, at.seconds + leaseSeconds, at.seconds, at.seconds]).map(Self.decodeNotification)
        }
    }

    @discardableResult
    public func finishNotification(id: Int64, owner: String, outcome: DeliveryOutcome, at: Timestamp) async throws -> Bool {
        let f = OutboxRow.Finish(outcome, at: at)
        return try await writes.write { db in
            try db.execute(sql: """
                UPDATE notifications SET mail_state = ?, sent_at = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?,
                    lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND lease_owner = ? AND mail_state = 'pending'
                """, arguments: [f.state.rawValue, f.sentAt, f.nextAttemptAt, f.lastError, id, owner])
            return db.changesCount > 0
        }
    }

    public func outboxCounts() async throws -> [MailState: Int] {
        try await pool.read { db in
            var out: [MailState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT mail_state, count(*) AS n FROM notifications GROUP BY mail_state") {
                if let s = MailState(rawValue: row["mail_state"]) { out[s] = row["n"] }
            }
            return out
        }
    }
}
