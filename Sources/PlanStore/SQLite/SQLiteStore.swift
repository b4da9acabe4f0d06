import Crypto
import Foundation
import GRDB
import PlanCore

/// The zero-setup store: one SQLite file in WAL mode with foreign keys on, written through
/// GRDB with prepared statements. Every acknowledged write is durable (`synchronous = FULL`)
/// and survives `kill -9`.
public final class SQLiteStore: Store, AuditSource {
    public let path: String
    let pool: DatabasePool
    /// Where the small, frequent writes go (records, moves, audit notes, the directory).
    let writes: GroupCommit
    /// Past this span of observation ids, approved facts are read in two halves at once.
    let halvesPast: Int64
    public var backendName: String { "sqlite" }

    public convenience init(path: String) throws {
        try self.init(path: path, halvesPast: 200_000)
    }

    init(path: String, halvesPast: Int64) throws {
        self.path = path
        self.halvesPast = halvesPast
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: config)
        writes = GroupCommit(pool: pool)
    }

    public func shutdown() async {
        try? pool.close()
    }

    // MARK: Migrations

    @discardableResult
    public func migrate() async throws -> [String] {
        try await pool.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)")
        }
        var applied: [String] = []
        for m in SQLiteSchema.migrations {
            let done = try await pool.write { db in
                if try Int.fetchOne(db, sql: "SELECT 1 FROM schema_migrations WHERE version = ?", arguments: [m.version]) != nil { return true }
                try db.execute(sql: m.sql)
                try db.execute(sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                               arguments: [m.version, m.name, Int64(Date().timeIntervalSince1970)])
                return false
            }
            if !done { applied.append("\(m.version): \(m.name)") }
        }
        return applied
    }

    // MARK: Audit

    /// Appends one event to the chain inside the caller's transaction.
    @discardableResult
    static func appendAudit(_ db: Database, at: Timestamp, actor: Actor, action: String, entity: String,
                            before: JSONValue = .null, after: JSONValue) throws -> AuditEvent {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let prev: String = last?["hash"] ?? AuditEvent.genesis
        let e = AuditEvent.next(seq: seq, prev: prev, at: at, actor: actor, action: action, entity: entity, before: before, after: after)
        try db.execute(sql: "INSERT INTO audit_events (seq, at, actor, action, entity, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [e.seq, e.at.seconds, e.actor, e.action, e.entity, e.before.compact, e.after.compact, e.prevHash, e.hash])
        return e
    }

    static func decodeAudit(_ row: Row) throws -> AuditEvent {
        let beforeText: String = row["before"], afterText: String = row["after"]
        return AuditEvent(seq: row["seq"], at: Timestamp(seconds: row["at"]), actor: row["actor"], action: row["action"],
                          entity: row["entity"], before: (try? JSONValue.parse(beforeText)) ?? .string(beforeText),
                          after: (try? JSONValue.parse(afterText)) ?? .string(afterText), prevHash: row["prev_hash"], hash: row["hash"])
    }

    public func recordAudit(_ note: AuditNote, actor: Actor, at: Timestamp) async throws {
        _ = try await writes.write { db in
            try Self.appendAudit(db, at: at, actor: actor, action: note.action, entity: note.entity, before: note.before, after: note.after)
        }
    }

    // MARK: Directory

    public func directoryRecord(_ kind: DirectoryKind, key: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM directory WHERE kind = ? AND key = ?", arguments: [kind.rawValue, key])
        }
    }

    public func directoryRecords(_ kind: DirectoryKind) async throws -> [DirectoryEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value, updated_at, used_at FROM directory WHERE kind = ? ORDER BY key", arguments: [kind.rawValue]).map {
                DirectoryEntry(key: $0["key"], value: $0["value"], updatedAt: Timestamp(seconds: $0["updated_at"]),
                               usedAt: ($0["used_at"] as Int64?).map(Timestamp.init))
            }
        }
    }

    public func putDirectoryRecord(_ kind: DirectoryKind, key: String, value: String?, audit: AuditNote?, actor: Actor, at: Timestamp) async throws {
        try await writes.write { db in
            if let value {
                try db.execute(sql: """
                    INSERT INTO directory (kind, key, value, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                    """, arguments: [kind.rawValue, key, value, at.seconds])
            } else {
                try db.execute(sql: "DELETE FROM directory WHERE kind = ? AND key = ?", arguments: [kind.rawValue, key])
            }
            if let audit {
                try Self.appendAudit(db, at: at, actor: actor, action: audit.action, entity: audit.entity, before: audit.before, after: audit.after)
            }
        }
    }

    @discardableResult
    public func updateDirectoryRecord(_ kind: DirectoryKind, key: String, value: String, at: Timestamp) async throws -> Bool {
        try await writes.write { db in
            try db.execute(sql: "UPDATE directory SET value = ?, updated_at = ? WHERE kind = ? AND key = ?", arguments: [value, at.seconds, kind.rawValue, key])
            return db.changesCount > 0
        }
    }

    public func markDirectoryRecordUsed(_ kind: DirectoryKind, key: String, at: Timestamp) async throws {
        try await writes.write { db in
            try db.execute(sql: "UPDATE directory SET used_at = ? WHERE kind = ? AND key = ?", arguments: [at.seconds, kind.rawValue, key])
        }
    }

    public func auditEvents(after seq: Int64, limit: Int) async throws -> [AuditEvent] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit]).map(Self.decodeAudit)
        }
    }

    public func auditHead() async throws -> Int64 {
        try await pool.read { db in try Self.auditHead(db) }
    }

    func allAuditEvents() async throws -> [AuditEvent] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit_events ORDER BY seq").map(Self.decodeAudit) }
    }

    func factDigest(_ kind: FactKind, from: Int64, to: Int64) async throws -> (count: Int, digest: String) {
        try await pool.read { db in
            var digest = FactDigest()
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(kind.table) WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [from, to])
            while let row = try rows.next() { digest.add(SQLiteFactCodec.digestRow(row, kind)) }
            return (digest.count, digest.finalize())
        }
    }

    func factStates(_ kind: FactKind) async throws -> [FactStateRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, state, decided_at, decided_by, return_reason FROM \(kind.table) ORDER BY id").map { row in
                let s: String = row["state"]
                return FactStateRow(id: row["id"], state: ApprovalState(rawValue: s) ?? .draft, decidedAt: row["decided_at"],
                                    decidedBy: row["decided_by"], returnReason: row["return_reason"])
            }
        }
    }

    public func verifyAudit() async throws -> AuditVerification {
        try await AuditVerifier.verify(self)
    }

    public func verifyAudit(after checkpoint: AuditCheckpoint) async throws -> AuditVerification {
        try await AuditVerifier.verify(self, after: checkpoint)
    }

    // MARK: Plans

    public func loadPlan(bytes: [UInt8], fileName: String, plan: Plan, actor: Actor) async throws -> PlanLoadOutcome {
        let sha = SHA256.hash(data: bytes).hex
        let now = Timestamp.now
        let snapshot = try PlanSnapshot.encode(plan)
        return try await pool.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT id, plan_id, sha256, file_name, loaded_at, loaded_by FROM plan_versions WHERE sha256 = ?", arguments: [sha]) {
                return PlanLoadOutcome(version: Self.decodeVersion(row), isNew: false)
            }
            return try Self.insertPlanVersion(db, bytes: bytes, fileName: fileName, plan: plan, snapshot: snapshot, actor: actor, at: now)
        }
    }

    /// Stores a plan file as a new version with its parsed snapshot, adds the organizations it
    /// names, and audits it as `plan.load` (with the draft it came from, if one), in the caller's transaction.
    static func insertPlanVersion(_ db: Database, bytes: [UInt8], fileName: String, plan: Plan, snapshot: [UInt8], actor: Actor, at now: Timestamp,
                                  draft: Int64? = nil) throws -> PlanLoadOutcome {
        let sha = SHA256.hash(data: bytes).hex
        try db.execute(sql: "INSERT INTO plan_versions (plan_id, sha256, file_name, content, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [plan.id, sha, fileName, Data(bytes), now.seconds, actor.id])
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO plan_snapshots (version_id, format, bytes) VALUES (?, ?, ?)",
                       arguments: [id, PlanSnapshot.format, Data(snapshot)])
        var added: [JSONValue] = []
        for o in plan.organizations {
            try db.execute(sql: "INSERT OR IGNORE INTO directory (kind, key, value, updated_at) VALUES ('organization', ?, ?, ?)",
                           arguments: [o.id, PlanOrganizations.record(o), now.seconds])
            if db.changesCount > 0 { added.append(.string(o.id)) }
        }
        try appendAudit(db, at: now, actor: actor, action: "plan.load", entity: "plan_versions#\(id)", after: .compactObject([
            ("planId", .string(plan.id)), ("version", .int(id)), ("sha256", .string(sha)), ("fileName", .string(fileName)),
            ("organizationsAdded", .array(added)), ("draft", draft.map(JSONValue.int) ?? .null),
        ]))
        return PlanLoadOutcome(version: PlanVersion(id: id, planId: plan.id, sha256: sha, fileName: fileName, loadedAt: now, loadedBy: actor.id), isNew: true)
    }

    static func decodeVersion(_ row: Row) -> PlanVersion {
        PlanVersion(id: row["id"], planId: row["plan_id"], sha256: row["sha256"], fileName: row["file_name"],
                    loadedAt: Timestamp(seconds: row["loaded_at"]), loadedBy: row["loaded_by"])
    }

    public func planVersions() async throws -> [PlanVersion] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, plan_id, sha256, file_name, loaded_at, loaded_by FROM plan_versions ORDER BY id").map(Self.decodeVersion)
        }
    }

    public func planFile(version: Int64) async throws -> [UInt8]? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT content FROM plan_versions WHERE id = ?", arguments: [version]).map { [UInt8]($0) }
        }
    }

    public func planSnapshot(version: Int64, format: String) async throws -> [UInt8]? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM plan_snapshots WHERE version_id = ? AND format = ?", arguments: [version, format]).map { [UInt8]($0) }
        }
    }

    public func savePlanSnapshot(version: Int64, format: String, bytes: [UInt8]) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO plan_snapshots (version_id, format, bytes) VALUES (?, ?, ?)", arguments: [version, format, Data(bytes)])
        }
    }

    // MARK: Facts

    public func append(_ entries: [FactEntry], state: ApprovalState, actor: Actor, at: Timestamp,
                       notifications: [OutgoingNotification]) async throws -> [Int64] {
        guard !entries.isEmpty else { return [] }
        return try await writes.write { db in
            let version = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM plan_versions")
            var ids: [Int64] = []
            var created: [JSONValue] = []
            var superseded: [JSONValue] = []
            for kind in FactKind.allCases {
                let group = entries.filter { $0.draft.kind == kind }
                guard !group.isEmpty else { continue }
                let statement = try db.cachedStatement(sql: SQLiteFactCodec.insertSQL(kind))
                var digest = FactDigest()
                var kindIds: [Int64] = []
                for entry in group {
                    if let old = entry.supersedes {
                        guard try Int.fetchOne(db, sql: "SELECT 1 FROM \(kind.table) WHERE id = ?", arguments: [old]) != nil else {
                            throw StoreError.notFound("\(kind.table) #\(old), which this revision supersedes")
                        }
                        superseded.append(.string("\(kind.table)#\(old)"))
                    }
                    var fact = StoredFact(id: 0, entry: entry, recordedAt: at, recordedBy: actor.id, planVersion: version, importId: nil,
                                          state: state, submittedAt: state == .draft ? nil : at,
                                          decidedAt: state == .approved ? at : nil, decidedBy: state == .approved ? actor.id : nil)
                    try statement.execute(arguments: SQLiteFactCodec.arguments(fact))
                    fact.id = db.lastInsertedRowID
                    digest.add(fact.digestRow)
                    kindIds.append(fact.id)
                }
                created.append(AuditPayload.created(kind, from: kindIds.first!, to: kindIds.last!, count: kindIds.count,
                                                    digest: digest.finalize(), state: state, at: at, by: actor))
                ids += kindIds
            }
            let kind = entries[0].draft.kind
            try Self.appendAudit(db, at: at, actor: actor, action: "fact.record", entity: AuditPayload.entity(kind, ids: ids),
                                 before: superseded.isEmpty ? .null : .object([("supersedes", .array(superseded))]),
                                 after: .object([("created", .array(created))]))
            try Self.insertNotifications(db, notifications, at: at)
            return ids
        }
    }

    public func transition(_ kind: FactKind, ids: [Int64], to state: ApprovalState, actor: Actor, reason: String?, at: Timestamp,
                           notifications: [OutgoingNotification]) async throws {
        guard !ids.isEmpty else { return }
        if state == .returned && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError.invalid("a returned value needs a reason")
        }
        try await writes.write { db in
            var fromStates: Set<String> = []
            for id in ids {
                guard let current = try String.fetchOne(db, sql: "SELECT state FROM \(kind.table) WHERE id = ?", arguments: [id]) else {
                    throw StoreError.notFound("\(kind.table) #\(id)")
                }
                guard let s = ApprovalState(rawValue: current), s.canMove(to: state) else {
                    throw StoreError.conflict("\(kind.table) #\(id) is already '\(current)' and cannot become '\(state.rawValue)'")
                }
                fromStates.insert(current)
                switch state {
                case .submitted:
                    try db.execute(sql: "UPDATE \(kind.table) SET state = 'submitted', submitted_at = ?, submitted_by = ? WHERE id = ?",
                                   arguments: [at.seconds, actor.id, id])
                case .approved, .returned:
                    try db.execute(sql: "UPDATE \(kind.table) SET state = ?, decided_at = ?, decided_by = ?, return_reason = ? WHERE id = ?",
                                   arguments: [state.rawValue, at.seconds, actor.id, state == .returned ? reason : nil, id])
                case .draft:
                    throw StoreError.invalid("nothing moves back to draft")
                }
            }
            try Self.appendAudit(db, at: at, actor: actor, action: AuditPayload.action(state), entity: AuditPayload.entity(kind, ids: ids),
                                 before: .object([("state", .array(fromStates.sorted().map { .string($0) }))]),
                                 after: .object([("moved", AuditPayload.moved(kind, ids: ids, state: state, at: at, by: actor, reason: state == .returned ? reason : nil))]))
            try Self.insertNotifications(db, notifications, at: at)
        }
    }

    public func fact(_ kind: FactKind, id: Int64) async throws -> StoredFact? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM \(kind.table) WHERE id = ?", arguments: [id]).map { try SQLiteFactCodec.decode($0, kind) }
        }
    }

    public func facts(_ kind: FactKind, states: Set<ApprovalState>?) async throws -> [StoredFact] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: Self.factsSQL(kind, states: states)).map { try SQLiteFactCodec.decode($0, kind) }
        }
    }

    public func facts(_ kind: FactKind, subjects: Set<String>) async throws -> [StoredFact] {
        guard !subjects.isEmpty else { return [] }
        let list = subjects.sorted()
        return try await pool.read { db in
            var out: [StoredFact] = []
            // In chunks, under SQLite's limit on bound parameters.
            for start in stride(from: 0, to: list.count, by: 500) {
                let chunk = Array(list[start..<min(start + 500, list.count)])
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                out += try Row.fetchAll(db, sql: "SELECT * FROM \(kind.table) WHERE \(kind.subjectColumn) IN (\(marks))",
                                        arguments: StatementArguments(chunk)).map { try SQLiteFactCodec.decode($0, kind) }
            }
            return out.sorted { $0.id < $1.id }
        }
    }

    /// Facts of a kind in some states, written as SQLite's planner needs to see that a partial
    /// index applies (`observations_waiting`, `observations_returned`): equalities, with the
    /// waiting index's own condition repeated.
    static func factsSQL(_ kind: FactKind, states: Set<ApprovalState>?) -> String {
        var sql = "SELECT * FROM \(kind.table)"
        if let states {
            sql += " WHERE (\(states.map { "state = '\($0.rawValue)'" }.sorted().joined(separator: " OR ")))"
            if states.isSubset(of: [.draft, .submitted]) { sql += " AND state IN ('draft','submitted')" }
        }
        return sql + " ORDER BY id"
    }

    /// Observations of some periods; years alone are found through the partial index `observations_yearly`.
    static func observationsSQL(periods: [String]) -> String {
        let marks = periods.map { _ in "?" }.joined(separator: ",")
        let yearly = periods.allSatisfy { $0.count == 4 } ? " AND length(period) = 4" : ""
        return "SELECT * FROM observations WHERE period IN (\(marks))\(yearly) ORDER BY id"
    }

    public func observations(inPeriods periods: Set<String>) async throws -> [StoredFact] {
        guard !periods.isEmpty else { return [] }
        let list = periods.sorted()
        return try await pool.read { db in
            try Row.fetchAll(db, sql: Self.observationsSQL(periods: list), arguments: StatementArguments(list))
                .map { try SQLiteFactCodec.decode($0, .observation) }
        }
    }

    public func publishedFacts() async throws -> FactSet {
        // Observations are nearly all of it. A national database's are read in two halves on
        // two connections at once; every change to facts appends an audit event in its own
        // transaction, so two reads that saw the same audit head saw the same facts. When a
        // write came between them, everything is read again in one transaction.
        let range: (low: Int64?, high: Int64?) = try await pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM observations")
            return (row?[0], row?[1])
        }
        if let low = range.low, let high = range.high, high - low > halvesPast {
            let middle = low + (high - low) / 2
            async let second = pool.read { db in
                (try Self.auditHead(db), try Self.publishedObservations(db, where: "id >= ?", [middle], expected: Int(high - middle + 1)))
            }
            let (headFirst, first) = try await pool.read { db in
                (try Self.auditHead(db), try Self.publishedFacts(db, observationsWhere: "id < ?", [middle], expected: Int(high - low + 1)))
            }
            let (headSecond, rest) = try await second
            if headFirst == headSecond {
                var set = first
                set.observations.append(consuming: rest)
                return set
            }
        }
        return try await pool.read { db in try Self.publishedFacts(db, observationsWhere: "1", []) }
    }

    private static func auditHead(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM audit_events") ?? 0
    }

    private static func publishedObservations(_ db: Database, where condition: String, _ arguments: StatementArguments,
                                              expected: Int = 0) throws -> ObservationLog {
        try SQLiteObservationReader.read(
            db, sql: "SELECT \(SQLiteObservationReader.columns) FROM observations WHERE state = 'approved' AND \(condition) ORDER BY id",
            arguments: arguments, expected: expected)
    }

    /// The approved facts, the observations among them only those `condition` selects (room
    /// made for `expected` of them: the first half makes room for both).
    private static func publishedFacts(_ db: Database, observationsWhere condition: String, _ arguments: StatementArguments,
                                       expected: Int = 0) throws -> FactSet {
        var set = FactSet()
        set.observations = try publishedObservations(db, where: condition, arguments, expected: expected)
        for kind in FactKind.allCases where kind != .observation {
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(kind.table) WHERE state = 'approved' ORDER BY id")
            while let row = try rows.next() { try SQLiteFactCodec.decode(row, kind).appendTo(&set) }
        }
        return set
    }

    public func publishedFacts(ids: [FactKind: Set<Int64>]) async throws -> FactSet {
        try await pool.read { db in
            var set = FactSet()
            for kind in FactKind.allCases {
                let list = (ids[kind] ?? []).sorted()
                // In chunks, under SQLite's limit on bound parameters.
                for start in stride(from: 0, to: list.count, by: 500) {
                    let chunk = Array(list[start..<min(start + 500, list.count)])
                    let marks = chunk.map { _ in "?" }.joined(separator: ",")
                    if kind == .observation {
                        set.observations.append(contentsOf: try Self.publishedObservations(db, where: "id IN (\(marks))", StatementArguments(chunk)))
                        continue
                    }
                    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(kind.table) WHERE state = 'approved' AND id IN (\(marks)) ORDER BY id",
                                                   arguments: StatementArguments(chunk))
                    while let row = try rows.next() { try SQLiteFactCodec.decode(row, kind).appendTo(&set) }
                }
            }
            return set
        }
    }

    // MARK: Imports

    public func findImport(kind: FactKind, sha256: String) async throws -> ImportRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM imports WHERE kind = ? AND sha256 = ? ORDER BY id LIMIT 1", arguments: [kind.rawValue, sha256])
                .map(Self.decodeImport)
        }
    }

    static func decodeImport(_ row: Row) -> ImportRecord {
        let kind: String = row["kind"]
        return ImportRecord(id: row["id"], kind: FactKind(rawValue: kind) ?? .observation, fileName: row["file_name"], sha256: row["sha256"],
                            rows: row["rows"], at: Timestamp(seconds: row["at"]), by: row["by"])
    }

    public func importFacts(_ batch: ImportBatch, rows: ImportRowSource) async throws -> ImportSummary {
        let clock = ContinuousClock()
        let started = clock.now
        let state: ApprovalState = batch.approve ? .approved : .submitted
        let result: (Int64, Int, Int64?, Int64?) = try await pool.write { db in
            try db.execute(sql: "INSERT INTO imports (kind, file_name, sha256, rows, encoding, at, by, approved) VALUES (?, ?, ?, 0, ?, ?, ?, ?)",
                           arguments: [batch.kind.rawValue, batch.fileName, batch.sha256, batch.encoding.rawValue, batch.at.seconds,
                                       batch.actor.id, batch.approve])
            let importId = db.lastInsertedRowID
            let writer = try SQLiteFactWriter(db, kind: batch.kind)
            let firstId = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(batch.kind.table)") ?? 0) + 1
            let template = StoredFact(id: firstId, entry: FactEntry(.jobs(projectId: "", year: 0, jobs: 0)), recordedAt: batch.at,
                                      recordedBy: batch.actor.id, planVersion: batch.planVersion, importId: importId, state: state,
                                      submittedAt: batch.at, decidedAt: batch.approve ? batch.at : nil, decidedBy: batch.approve ? batch.actor.id : nil)
            let pipeline = ImportPipeline(rows: rows, template: template, firstId: firstId)
            pipeline.start()
            do {
                while let facts = pipeline.next() {
                    for fact in facts { try writer.insert(fact) }
                }
            } catch {
                pipeline.cancel()
                throw error
            }
            pipeline.drain()
            if rows.hasErrors {
                throw StoreError.importRejected(diagnostics: rows.diagnostics, total: rows.errorCount)
            }
            let digest = pipeline.digest
            let first: Int64? = digest.count > 0 ? firstId : nil
            let last: Int64? = digest.count > 0 ? firstId + Int64(digest.count) - 1 : nil
            try db.execute(sql: "UPDATE imports SET rows = ? WHERE id = ?", arguments: [digest.count, importId])
            var created: [JSONValue] = []
            if let first, let last {
                created.append(AuditPayload.created(batch.kind, from: first, to: last, count: digest.count, digest: digest.finalize(),
                                                    state: state, at: batch.at, by: batch.actor))
            }
            try Self.appendAudit(db, at: batch.at, actor: batch.actor, action: "import.\(batch.kind.importName)", entity: "imports#\(importId)",
                                 after: .object([
                                    ("import", .object([("id", .int(importId)), ("fileName", .string(batch.fileName)),
                                                        ("sha256", .string(batch.sha256)), ("encoding", .string(batch.encoding.rawValue)),
                                                        ("rows", .int(Int64(digest.count)))])),
                                    ("created", .array(created)),
                                 ]))
            try Self.insertNotifications(db, batch.notifications, at: batch.at)
            return (importId, digest.count, first, last)
        }
        let elapsed = started.duration(to: clock.now)
        return ImportSummary(importId: result.0, rows: result.1, firstId: result.2, lastId: result.3, state: state, encoding: batch.encoding,
                             seconds: elapsed.inSeconds)
    }

    /// SQLite's own check of the file's structure: `["ok"]` when sound. For operators after a
    /// crash or a restore, and for the crash-safety suite.
    public func integrityCheck() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// Runs SQL behind the store's back. Only tests use it, to prove that tampering is caught.
    func executeRaw(_ sql: String) async throws {
        try await pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    // MARK: Backup

    public func backup(to destination: String) async throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError.invalid("\(destination) already exists; choose a new file name")
        }
        // SQLite's backup API copies a consistent snapshot while writers go on (WAL).
        let copy = try DatabaseQueue(path: destination)
        try pool.backup(to: copy)
        try copy.close()
    }
}
