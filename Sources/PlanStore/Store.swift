import PlanCore

/// The storage the rest of Planwatch needs, in the domain's words. Two implementations pass
/// the same conformance suite: `SQLiteStore` (one file, the default) and `PostgresStore`
/// (shared deployments).
///
/// Facts are append-only: a value is never changed or deleted, only superseded by a new
/// revision; the workflow state of a fact moves forward only (draft → submitted → approved |
/// returned). Every mutating call is one transaction that appends one audit event, and writes
/// the notifications the event causes to the outbox in the same transaction.
public protocol Store: Sendable {
    /// `sqlite` or `postgres`.
    var backendName: String { get }

    /// Applies pending migrations in order, each in its own transaction; returns the names applied.
    @discardableResult
    func migrate() async throws -> [String]

    /// Releases connections. The store must not be used afterwards.
    func shutdown() async

    // MARK: Plans

    /// Stores a plan file as a version, or returns the existing version for identical bytes.
    func loadPlan(bytes: [UInt8], fileName: String, plan: Plan, actor: Actor) async throws -> PlanLoadOutcome
    func planVersions() async throws -> [PlanVersion]
    func planFile(version: Int64) async throws -> [UInt8]?
    /// The parsed plan of a version (`PlanSnapshot`), if one of `format` is kept.
    func planSnapshot(version: Int64, format: String) async throws -> [UInt8]?
    /// Keeps (or replaces) the parsed plan of a version.
    func savePlanSnapshot(version: Int64, format: String, bytes: [UInt8]) async throws

    // MARK: Plan drafts

    /// Stores a new draft revision (`plan-draft.open`).
    func openPlanDraft(_ draft: NewPlanDraft, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord

    /// Every draft, newest first, without its content.
    func planDrafts() async throws -> [PlanDraftRecord]

    /// One draft, with its content when `content`.
    func planDraft(id: Int64, content: Bool) async throws -> PlanDraftRecord?

    /// Replaces an open draft's content (`plan-draft.save`). Throws `StoreError.conflict` when
    /// the draft is no longer at `change.expectedLock` (someone saved it since) or no longer open.
    func savePlanDraft(id: Int64, _ change: PlanDraftChange, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord

    /// Submits, returns (with `reason`) or discards a draft expected at `lock`, with the
    /// notifications the move causes; `StoreError.conflict` when it moved or changed meanwhile.
    func movePlanDraft(id: Int64, lock: Int64, to state: PlanDraftRecord.State, reason: String?, actor: Actor, at: Timestamp,
                       notifications: [OutgoingNotification]) async throws -> PlanDraftRecord

    /// Approves a submitted draft: `file`, the draft written whole as a plan file, becomes a plan
    /// version (`plan.load`, with `plan` read from it), in one transaction with `plan-draft.approve`. `StoreError.conflict` when
    /// the draft moved or changed, or another version of the plan was stored since it was opened.
    func approvePlanDraft(id: Int64, lock: Int64, plan: Plan, file: [UInt8], actor: Actor, at: Timestamp,
                          notifications: [OutgoingNotification]) async throws -> (PlanDraftRecord, PlanLoadOutcome)

    // MARK: Facts

    /// Appends facts in one state (draft, submitted, or approved for an admin's direct entry),
    /// with the notifications they cause.
    func append(_ entries: [FactEntry], state: ApprovalState, actor: Actor, at: Timestamp,
                notifications: [OutgoingNotification]) async throws -> [Int64]

    /// Moves facts forward in the workflow, with the notifications the move causes. Throws
    /// `StoreError.conflict` if any is not in a state that allows the move (for example,
    /// already approved by someone else); then nothing changes and nobody is notified.
    func transition(_ kind: FactKind, ids: [Int64], to state: ApprovalState, actor: Actor, reason: String?, at: Timestamp,
                    notifications: [OutgoingNotification]) async throws

    func fact(_ kind: FactKind, id: Int64) async throws -> StoredFact?

    /// Facts of a kind, optionally only in some states, in id order.
    func facts(_ kind: FactKind, states: Set<ApprovalState>?) async throws -> [StoredFact]

    /// Every fact of a kind about the given subjects (indicator, project or task ids), in id
    /// order: what a write needs to check, found by index, whatever the size of the table.
    func facts(_ kind: FactKind, subjects: Set<String>) async throws -> [StoredFact]

    /// Every observation, in any state, for the given periods (`2024`, `2024-Q1`), in id order:
    /// what the reporting status needs for the plan's years without reading every monthly value.
    func observations(inPeriods periods: Set<String>) async throws -> [StoredFact]

    /// Every approved fact, with its approval time: the input of assessment as of any date.
    func publishedFacts() async throws -> FactSet

    /// The approved facts among the given ids, found by key: what a server adds to its read
    /// model after an approval instead of reading every fact again.
    func publishedFacts(ids: [FactKind: Set<Int64>]) async throws -> FactSet

    // MARK: Reporting rounds

    /// Stores a round the office opened, audited as `round.open`, with the notifications that
    /// `notify` makes of it once its id is known, all in one transaction.
    func openRound(_ draft: RoundDraft, actor: Actor, at: Timestamp,
                   notify: @escaping @Sendable (ReportingRound) -> [OutgoingNotification]) async throws -> ReportingRound

    /// Closes an open round (`round.close`): it asks nothing more and sends no more reminders.
    func closeRound(id: Int64, actor: Actor, at: Timestamp) async throws

    /// The rounds the office opened, oldest first.
    func rounds() async throws -> [ReportingRound]

    /// Records that a round's reminder `milestone` (`before-7`, `before-1`, `after-1`) went out,
    /// with its notifications and `audit`, once: false, and nothing written, when some server
    /// recorded it already.
    func recordReminder(round: String, milestone: String, notifications: [OutgoingNotification], audit: AuditNote, at: Timestamp) async throws -> Bool

    // MARK: Notifications

    /// A person's notifications, newest first.
    func notifications(recipient: String, limit: Int) async throws -> [StoredNotification]

    /// How many of a person's notifications are unread.
    func unreadNotifications(recipient: String) async throws -> Int

    /// Marks a person's notifications up to `id` read.
    func markNotificationsRead(recipient: String, through id: Int64, at: Timestamp) async throws

    /// Takes the oldest email due for sending for `leaseSeconds`, so no other sender (in this
    /// process or another server on the same database) takes it meanwhile; nil when none is due.
    func claimNotification(owner: String, leaseSeconds: Int64, at: Timestamp) async throws -> StoredNotification?

    /// Records what became of a claimed email; false (and nothing changed) when `owner` no
    /// longer holds its lease.
    @discardableResult
    func finishNotification(id: Int64, owner: String, outcome: DeliveryOutcome, at: Timestamp) async throws -> Bool

    /// How many notifications' emails are in each state.
    func outboxCounts() async throws -> [MailState: Int]

    // MARK: Imports

    /// Imports a validated CSV stream in one transaction (see `Importer`).
    func importFacts(_ batch: ImportBatch, rows: ImportRowSource) async throws -> ImportSummary

    /// The earlier import of identical content, if any.
    func findImport(kind: FactKind, sha256: String) async throws -> ImportRecord?

    // MARK: Directory

    /// The JSON of one directory record, or nil.
    func directoryRecord(_ kind: DirectoryKind, key: String) async throws -> String?

    /// Every record of a kind, by key.
    func directoryRecords(_ kind: DirectoryKind) async throws -> [DirectoryEntry]

    /// Writes a record (nil deletes it) and, when given, appends `audit` in the same transaction.
    func putDirectoryRecord(_ kind: DirectoryKind, key: String, value: String?, audit: AuditNote?, actor: Actor, at: Timestamp) async throws

    /// Replaces the value of a record that exists, unaudited, and never creates one; returns
    /// whether it existed. A session's touch is this, so a request that races its sign-out
    /// cannot bring the session back.
    @discardableResult
    func updateDirectoryRecord(_ kind: DirectoryKind, key: String, value: String, at: Timestamp) async throws -> Bool

    /// Notes that a record was used at `at` (an API token's request), without touching its value,
    /// so it cannot undo a change made meanwhile, such as a revocation.
    func markDirectoryRecordUsed(_ kind: DirectoryKind, key: String, at: Timestamp) async throws

    // MARK: Audit

    /// Appends an event that goes with no stored change (a sign-in, a sign-out).
    func recordAudit(_ note: AuditNote, actor: Actor, at: Timestamp) async throws

    func auditEvents(after seq: Int64, limit: Int) async throws -> [AuditEvent]

    /// The sequence number of the newest audit event (0 when there is none). Every change that
    /// matters to readers is audited, so this is what other server processes poll to notice them.
    func auditHead() async throws -> Int64

    /// Walks the chain and re-derives every fact from it; reports the first broken link.
    func verifyAudit() async throws -> AuditVerification

    /// Walks only the events after `checkpoint` (the `head` of an earlier intact walk) and the
    /// facts and plan files they wrote (`AuditVerifier.verify(_:after:)`).
    func verifyAudit(after checkpoint: AuditCheckpoint) async throws -> AuditVerification

    // MARK: Operations

    /// Writes a consistent copy of the whole database while it stays online.
    func backup(to destination: String) async throws
}

extension Store {
    /// Appends facts that notify nobody (an administrator's direct entry, a draft).
    public func append(_ entries: [FactEntry], state: ApprovalState, actor: Actor, at: Timestamp) async throws -> [Int64] {
        try await append(entries, state: state, actor: actor, at: at, notifications: [])
    }

    /// Moves facts forward without notifying anyone.
    public func transition(_ kind: FactKind, ids: [Int64], to state: ApprovalState, actor: Actor, reason: String?, at: Timestamp) async throws {
        try await transition(kind, ids: ids, to: state, actor: actor, reason: reason, at: at, notifications: [])
    }
}

/// Why a store operation was refused.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Someone else changed the thing first (for example, approved the same value).
    case conflict(String)
    case notFound(String)
    case invalid(String)
    /// The same file was imported before; `--again` imports it anyway.
    case duplicateImport(ImportRecord)
    /// The import had errors; nothing was written.
    case importRejected(diagnostics: [Diagnostic], total: Int)
    case unsupported(String)

    public var description: String {
        switch self {
        case .conflict(let m): return "conflict: \(m)"
        case .notFound(let m): return "not found: \(m)"
        case .invalid(let m): return m
        case .duplicateImport(let r):
            return "this file was already imported (import #\(r.id), \(r.rows) rows, \(r.at.koreanDay.iso) by \(r.by)); use --again to import it again"
        case .importRejected(let d, let total):
            return "\(total) error\(total == 1 ? "" : "s"); nothing was imported" + (d.isEmpty ? "" : "\n" + d.map(\.description).joined(separator: "\n"))
        case .unsupported(let m): return m
        }
    }
}
