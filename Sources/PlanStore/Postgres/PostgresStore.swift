import Crypto
import Foundation
import Logging
import NIOCore
import PlanCore
import PostgresNIO

/// The store for shared deployments: PostgreSQL through a pooled `PostgresClient`, with COPY
/// for bulk imports. Writers serialize on a transaction-level advisory lock, so several
/// `planwatch serve` processes can share one database and one audit chain.
public final class PostgresStore: Store, AuditSource {
    let client: PostgresClient
    let logger: Logger
    let settings: DatabaseURL.PostgresSettings
    private let runner: Task<Void, Never>
    public var backendName: String { "postgres" }

    /// The advisory lock every mutating transaction takes first.
    static let writeLock: Int64 = 0x504C_414E_5741_5443

    public init(settings: DatabaseURL.PostgresSettings, logger: Logger = Logger(label: "planwatch.postgres")) {
        var config = PostgresClient.Configuration(host: settings.host, port: settings.port, username: settings.user,
                                                  password: settings.password, database: settings.database, tls: .disable)
        config.options.maximumConnections = 20
        if let schema = settings.schema {
            config.options.additionalStartupParameters = [("search_path", schema)]
        }
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.settings = settings
        runner = Task { await client.run() }
    }

    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    /// Runs `body` in a transaction; with `write`, after taking the writers' lock.
    func transaction<T: Sendable>(write: Bool = true, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { conn in
                if write { try await conn.query("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger: self.logger) }
                return try await body(conn)
            }
        } catch let e as PostgresTransactionError {
            throw e.closureError ?? e.commitError ?? e.beginError ?? e
        }
    }

    static func q(_ sql: String, _ values: [(any PostgresDynamicTypeEncodable)?] = []) -> PostgresQuery {
        var binds = PostgresBindings()
        for v in values {
            if let v { binds.append(v, context: .default) } else { binds.appendNull() }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    func rows(_ conn: PostgresConnection, _ sql: String, _ values: [(any PostgresDynamicTypeEncodable)?] = []) async throws -> [PostgresRandomAccessRow] {
        var out: [PostgresRandomAccessRow] = []
        for try await row in try await conn.query(Self.q(sql, values), logger: logger) { out.append(row.makeRandomAccess()) }
        return out
    }

    func rows(_ sql: String, _ values: [(any PostgresDynamicTypeEncodable)?] = []) async throws -> [PostgresRandomAccessRow] {
        var out: [PostgresRandomAccessRow] = []
        for try await row in try await client.query(Self.q(sql, values), logger: logger) { out.append(row.makeRandomAccess()) }
        return out
    }

    func exec(_ conn: PostgresConnection, _ sql: String, _ values: [(any PostgresDynamicTypeEncodable)?] = []) async throws {
        try await conn.query(Self.q(sql, values), logger: logger)
    }

    func nextId(_ conn: PostgresConnection, _ table: String, column: String = "id") async throws -> Int64 {
        let r = try await rows(conn, "SELECT COALESCE(MAX(\(column)), 0) + 1 AS next FROM \(table)")
        return try r[0]["next"].decode(Int64.self)
    }

    // MARK: Migrations

    @discardableResult
    public func migrate() async throws -> [String] {
        try await transaction { conn in
            try await self.exec(conn, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
            var applied: [String] = []
            for m in PostgresSchema.migrations {
                let done = try await self.rows(conn, "SELECT 1 AS one FROM schema_migrations WHERE version = $1", [m.version])
                guard done.isEmpty else { continue }
                for statement in PostgresSchema.statements(m.sql) { try await self.exec(conn, statement) }
                try await self.exec(conn, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                                    [m.version, m.name, Int64(Date().timeIntervalSince1970)])
                applied.append("\(m.version): \(m.name)")
            }
            return applied
        }
    }

    // MARK: Audit

    @discardableResult
    func appendAudit(_ conn: PostgresConnection, at: Timestamp, actor: Actor, action: String, entity: String,
                     before: JSONValue = .null, after: JSONValue) async throws -> AuditEvent {
        let last = try await rows(conn, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        let seq = try (last.first?["seq"].decode(Int64.self) ?? 0) + 1
        let prev = try last.first?["hash"].decode(String.self) ?? AuditEvent.genesis
        let e = AuditEvent.next(seq: seq, prev: prev, at: at, actor: actor, action: action, entity: entity, before: before, after: after)
        try await exec(conn, "INSERT INTO audit_events (seq, at, actor, action, entity, before, after, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                       [e.seq, e.at.seconds, e.actor, e.action, e.entity, e.before.compact, e.after.compact, e.prevHash, e.hash])
        return e
    }

    static func decodeAudit(_ r: PostgresRandomAccessRow) throws -> AuditEvent {
        let beforeText = try r["before"].decode(String.self), afterText = try r["after"].decode(String.self)
        return AuditEvent(seq: try r["seq"].decode(Int64.self), at: Timestamp(seconds: try r["at"].decode(Int64.self)),
                          actor: try r["actor"].decode(String.self), action: try r["action"].decode(String.self),
                          entity: try r["entity"].decode(String.self), before: (try? JSONValue.parse(beforeText)) ?? .string(beforeText),
                          after: (try? JSONValue.parse(afterText)) ?? .string(afterText), prevHash: try r["prev_hash"].decode(String.self),
                          hash: try r["hash"].decode(String.self))
    }

    public func recordAudit(_ note: AuditNote, actor: Actor, at: Timestamp) async throws {
        _ = try await transaction { conn in
            try await self.appendAudit(conn, at: at, actor: actor, action: note.action, entity: note.entity, before: note.before, after: note.after)
        }
    }

    // MARK: Directory

    public func directoryRecord(_ kind: DirectoryKind, key: String) async throws -> String? {
        try await rows("SELECT value FROM directory WHERE kind = $1 AND key = $2", [kind.rawValue, key]).first.map { try $0["value"].decode(String.self) }
    }

    public func directoryRecords(_ kind: DirectoryKind) async throws -> [DirectoryEntry] {
        try await rows("SELECT key, value, updated_at, used_at FROM directory WHERE kind = $1 ORDER BY key", [kind.rawValue]).map {
            DirectoryEntry(key: try $0["key"].decode(String.self), value: try $0["value"].decode(String.self),
                           updatedAt: Timestamp(seconds: try $0["updated_at"].decode(Int64.self)),
                           usedAt: try $0["used_at"].decode(Int64?.self).map(Timestamp.init))
        }
    }

    public func putDirectoryRecord(_ kind: DirectoryKind, key: String, value: String?, audit: AuditNote?, actor: Actor, at: Timestamp) async throws {
        // Sessions change on every sign-in and are never audited: they skip the writers' lock.
        try await transaction(write: audit != nil) { conn in
            if let value {
                try await self.exec(conn, """
                    INSERT INTO directory (kind, key, value, updated_at) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (kind, key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
                    """, [kind.rawValue, key, value, at.seconds])
            } else {
                try await self.exec(conn, "DELETE FROM directory WHERE kind = $1 AND key = $2", [kind.rawValue, key])
            }
            if let audit {
                try await self.appendAudit(conn, at: at, actor: actor, action: audit.action, entity: audit.entity, before: audit.before, after: audit.after)
            }
        }
    }

    @discardableResult
    public func updateDirectoryRecord(_ kind: DirectoryKind, key: String, value: String, at: Timestamp) async throws -> Bool {
        try await !transaction(write: false) { conn in
            try await self.rows(conn, "UPDATE directory SET value = $1, updated_at = $2 WHERE kind = $3 AND key = $4 RETURNING key",
                                [value, at.seconds, kind.rawValue, key])
        }.isEmpty
    }

    public func markDirectoryRecordUsed(_ kind: DirectoryKind, key: String, at: Timestamp) async throws {
        try await transaction(write: false) { conn in
            try await self.exec(conn, "UPDATE directory SET used_at = $1 WHERE kind = $2 AND key = $3", [at.seconds, kind.rawValue, key])
        }
    }

    public func auditEvents(after seq: Int64, limit: Int) async throws -> [AuditEvent] {
        try await rows("SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2", [seq, Int64(limit)]).map(Self.decodeAudit)
    }

    public func auditHead() async throws -> Int64 {
        try await rows("SELECT coalesce(max(seq), 0)::bigint AS head FROM audit_events").first?["head"].decode(Int64.self) ?? 0
    }

    func allAuditEvents() async throws -> [AuditEvent] {
        try await rows("SELECT * FROM audit_events ORDER BY seq").map(Self.decodeAudit)
    }

    func factDigest(_ kind: FactKind, from: Int64, to: Int64) async throws -> (count: Int, digest: String) {
        var digest = FactDigest()
        let columns = (kind.immutableColumns + FactKind.provenanceColumns + kind.laterColumns).joined(separator: ", ")
        for try await row in try await client.query(Self.q("SELECT \(columns) FROM \(kind.table) WHERE id BETWEEN $1 AND $2 ORDER BY id", [from, to]), logger: logger) {
            digest.add(try PostgresFactCodec.digestRow(row.makeRandomAccess(), kind))
        }
        return (digest.count, digest.finalize())
    }

    func factStates(_ kind: FactKind) async throws -> [FactStateRow] {
        var out: [FactStateRow] = []
        for try await row in try await client.query(Self.q("SELECT id, state, decided_at, decided_by, return_reason FROM \(kind.table) ORDER BY id"), logger: logger) {
            let r = row.makeRandomAccess()
            out.append(FactStateRow(id: try r["id"].decode(Int64.self), state: ApprovalState(rawValue: try r["state"].decode(String.self)) ?? .draft,
                                    decidedAt: try r["decided_at"].decode(Int64?.self), decidedBy: try r["decided_by"].decode(String?.self),
                                    returnReason: try r["return_reason"].decode(String?.self)))
        }
        return out
    }

    public func verifyAudit() async throws -> AuditVerification {
        try await AuditVerifier.verify(self)
    }

    public func verifyAudit(after checkpoint: AuditCheckpoint) async throws -> AuditVerification {
        try await AuditVerifier.verify(self, after: checkpoint)
    }

    // MARK: Plans

    static func decodeVersion(_ r: PostgresRandomAccessRow) throws -> PlanVersion {
        PlanVersion(id: try r["id"].decode(Int64.self), planId: try r["plan_id"].decode(String.self), sha256: try r["sha256"].decode(String.self),
                    fileName: try r["file_name"].decode(String.self), loadedAt: Timestamp(seconds: try r["loaded_at"].decode(Int64.self)),
                    loadedBy: try r["loaded_by"].decode(String.self))
    }

    public func loadPlan(bytes: [UInt8], fileName: String, plan: Plan, actor: Actor) async throws -> PlanLoadOutcome {
        let sha = SHA256.hash(data: bytes).hex
        let now = Timestamp.now
        let snapshot = try PlanSnapshot.encode(plan)
        return try await transaction { conn in
            let existing = try await self.rows(conn, "SELECT id, plan_id, sha256, file_name, loaded_at, loaded_by FROM plan_versions WHERE sha256 = $1", [sha])
            if let row = existing.first { return PlanLoadOutcome(version: try Self.decodeVersion(row), isNew: false) }
            return try await self.insertPlanVersion(conn, bytes: bytes, fileName: fileName, plan: plan, snapshot: snapshot, actor: actor, at: now)
        }
    }

    /// Stores a plan file as a new version with its parsed snapshot, adds the organizations it
    /// names, and audits it as `plan.load` (with the draft it came from, if one), in the caller's transaction.
    func insertPlanVersion(_ conn: PostgresConnection, bytes: [UInt8], fileName: String, plan: Plan, snapshot: [UInt8], actor: Actor, at now: Timestamp,
                           draft: Int64? = nil) async throws -> PlanLoadOutcome {
        let sha = SHA256.hash(data: bytes).hex
        let id = try await nextId(conn, "plan_versions")
        var buffer = ByteBuffer()
        buffer.writeBytes(bytes)
        try await exec(conn, "INSERT INTO plan_versions (id, plan_id, sha256, file_name, content, loaded_at, loaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                       [id, plan.id, sha, fileName, buffer, now.seconds, actor.id])
        try await exec(conn, "INSERT INTO plan_snapshots (version_id, format, bytes) VALUES ($1, $2, $3)",
                       [id, PlanSnapshot.format, ByteBuffer(bytes: snapshot)])
        var added: [JSONValue] = []
        for o in plan.organizations {
            let inserted = try await rows(conn, "INSERT INTO directory (kind, key, value, updated_at) VALUES ('organization', $1, $2, $3) ON CONFLICT (kind, key) DO NOTHING RETURNING key",
                                          [o.id, PlanOrganizations.record(o), now.seconds])
            if !inserted.isEmpty { added.append(.string(o.id)) }
        }
        try await appendAudit(conn, at: now, actor: actor, action: "plan.load", entity: "plan_versions#\(id)", after: .compactObject([
            ("planId", .string(plan.id)), ("version", .int(id)), ("sha256", .string(sha)), ("fileName", .string(fileName)),
            ("organizationsAdded", .array(added)), ("draft", draft.map(JSONValue.int) ?? .null),
        ]))
        return PlanLoadOutcome(version: PlanVersion(id: id, planId: plan.id, sha256: sha, fileName: fileName, loadedAt: now, loadedBy: actor.id), isNew: true)
    }

    public func planVersions() async throws -> [PlanVersion] {
        try await rows("SELECT id, plan_id, sha256, file_name, loaded_at, loaded_by FROM plan_versions ORDER BY id").map(Self.decodeVersion)
    }

    public func planFile(version: Int64) async throws -> [UInt8]? {
        try await rows("SELECT content FROM plan_versions WHERE id = $1", [version]).first.map { row in
            let buffer = try row["content"].decode(ByteBuffer.self)
            return Array(buffer.readableBytesView)
        }
    }

    public func planSnapshot(version: Int64, format: String) async throws -> [UInt8]? {
        try await rows("SELECT bytes FROM plan_snapshots WHERE version_id = $1 AND format = $2", [version, format]).first.map { row in
            let buffer = try row["bytes"].decode(ByteBuffer.self)
            return Array(buffer.readableBytesView)
        }
    }

    public func savePlanSnapshot(version: Int64, format: String, bytes: [UInt8]) async throws {
        _ = try await rows("""
            INSERT INTO plan_snapshots (version_id, format, bytes) VALUES ($1, $2, $3)
            ON CONFLICT (version_id) DO UPDATE SET format = EXCLUDED.format, bytes = EXCLUDED.bytes
            """, [version, format, ByteBuffer(bytes: bytes)])
    }

    // MARK: Facts

    public func append(_ entries: [FactEntry], state: ApprovalState, actor: Actor, at: Timestamp,
                       notifications: [OutgoingNotification]) async throws -> [Int64] {
        guard !entries.isEmpty else { return [] }
        return try await transaction { conn in
            let version = try await self.rows(conn, "SELECT MAX(id) AS v FROM plan_versions").first?["v"].decode(Int64?.self) ?? nil
            var ids: [Int64] = []
            var created: [JSONValue] = []
            var superseded: [JSONValue] = []
            for kind in FactKind.allCases {
                let group = entries.filter { $0.draft.kind == kind }
                guard !group.isEmpty else { continue }
                var next = try await self.nextId(conn, kind.table)
                var digest = FactDigest()
                let first = next
                for entry in group {
                    if let old = entry.supersedes {
                        guard try await !self.rows(conn, "SELECT 1 AS one FROM \(kind.table) WHERE id = $1", [old]).isEmpty else {
                            throw StoreError.notFound("\(kind.table) #\(old), which this revision supersedes")
                        }
                        superseded.append(.string("\(kind.table)#\(old)"))
                    }
                    let fact = StoredFact(id: next, entry: entry, recordedAt: at, recordedBy: actor.id, planVersion: version, importId: nil,
                                          state: state, submittedAt: state == .draft ? nil : at,
                                          decidedAt: state == .approved ? at : nil, decidedBy: state == .approved ? actor.id : nil)
                    let (sql, values) = PostgresFactCodec.insert(fact)
                    try await self.exec(conn, sql, values)
                    digest.add(fact.digestRow)
                    ids.append(next)
                    next += 1
                }
                created.append(AuditPayload.created(kind, from: first, to: next - 1, count: group.count, digest: digest.finalize(),
                                                    state: state, at: at, by: actor))
            }
            try await self.appendAudit(conn, at: at, actor: actor, action: "fact.record", entity: AuditPayload.entity(entries[0].draft.kind, ids: ids),
                                       before: superseded.isEmpty ? .null : .object([("supersedes", .array(superseded))]),
                                       after: .object([("created", .array(created))]))
            try await self.insertNotifications(conn, notifications, at: at)
            return ids
        }
    }

    public func transition(_ kind: FactKind, ids: [Int64], to state: ApprovalState, actor: Actor, reason: String?, at: Timestamp,
                           notifications: [OutgoingNotification]) async throws {
        guard !ids.isEmpty else { return }
        if state == .returned && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw StoreError.invalid("a returned value needs a reason")
        }
        if state == .draft { throw StoreError.invalid("nothing moves back to draft") }
        try await transaction { conn in
            var fromStates: Set<String> = []
            for id in ids {
                let found = try await self.rows(conn, "SELECT state FROM \(kind.table) WHERE id = $1", [id])
                guard let current = try found.first?["state"].decode(String.self) else { throw StoreError.notFound("\(kind.table) #\(id)") }
                guard let s = ApprovalState(rawValue: current), s.canMove(to: state) else {
                    throw StoreError.conflict("\(kind.table) #\(id) is already '\(current)' and cannot become '\(state.rawValue)'")
                }
                fromStates.insert(current)
                if state == .submitted {
                    try await self.exec(conn, "UPDATE \(kind.table) SET state = 'submitted', submitted_at = $1, submitted_by = $2 WHERE id = $3",
                                        [at.seconds, actor.id, id])
                } else {
                    try await self.exec(conn, "UPDATE \(kind.table) SET state = $1, decided_at = $2, decided_by = $3, return_reason = $4 WHERE id = $5",
                                        [state.rawValue, at.seconds, actor.id, state == .returned ? reason : nil, id])
                }
            }
            try await self.appendAudit(conn, at: at, actor: actor, action: AuditPayload.action(state), entity: AuditPayload.entity(kind, ids: ids),
                                       before: .object([("state", .array(fromStates.sorted().map { .string($0) }))]),
                                       after: .object([("moved", AuditPayload.moved(kind, ids: ids, state: state, at: at, by: actor, reason: state == .returned ? reason : nil))]))
            try await self.insertNotifications(conn, notifications, at: at)
        }
    }

    public func fact(_ kind: FactKind, id: Int64) async throws -> StoredFact? {
        try await rows("SELECT * FROM \(kind.table) WHERE id = $1", [id]).first.map { try PostgresFactCodec.decode($0, kind) }
    }

    public func facts(_ kind: FactKind, states: Set<ApprovalState>?) async throws -> [StoredFact] {
        var sql = "SELECT * FROM \(kind.table)"
        if let states { sql += " WHERE state IN (\(states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")))" }
        return try await rows(sql + " ORDER BY id").map { try PostgresFactCodec.decode($0, kind) }
    }

    public func facts(_ kind: FactKind, subjects: Set<String>) async throws -> [StoredFact] {
        guard !subjects.isEmpty else { return [] }
        return try await rows("SELECT * FROM \(kind.table) WHERE \(kind.subjectColumn) = ANY($1) ORDER BY id", [subjects.sorted()])
            .map { try PostgresFactCodec.decode($0, kind) }
    }

    public func observations(inPeriods periods: Set<String>) async throws -> [StoredFact] {
        guard !periods.isEmpty else { return [] }
        // Years alone are found through the partial index `observations_yearly`.
        let yearly = periods.allSatisfy { $0.count == 4 } ? " AND length(period) = 4" : ""
        return try await rows("SELECT * FROM observations WHERE period = ANY($1)\(yearly) ORDER BY id", [periods.sorted()])
            .map { try PostgresFactCodec.decode($0, .observation) }
    }

    public func publishedFacts() async throws -> FactSet {
        var set = FactSet()
        for kind in FactKind.allCases {
            for try await row in try await client.query(Self.q("SELECT * FROM \(kind.table) WHERE state = 'approved' ORDER BY id"), logger: logger) {
                try PostgresFactCodec.decode(row.makeRandomAccess(), kind).appendTo(&set)
            }
        }
        return set
    }

    public func publishedFacts(ids: [FactKind: Set<Int64>]) async throws -> FactSet {
        var set = FactSet()
        for kind in FactKind.allCases {
            guard let list = ids[kind], !list.isEmpty else { continue }
            for row in try await rows("SELECT * FROM \(kind.table) WHERE state = 'approved' AND id = ANY($1) ORDER BY id", [list.sorted()]) {
                try PostgresFactCodec.decode(row, kind).appendTo(&set)
            }
        }
        return set
    }

    // MARK: Imports

    public func findImport(kind: FactKind, sha256: String) async throws -> ImportRecord? {
        try await rows("SELECT * FROM imports WHERE kind = $1 AND sha256 = $2 ORDER BY id LIMIT 1", [kind.rawValue, sha256]).first.map { r in
            ImportRecord(id: try r["id"].decode(Int64.self), kind: FactKind(rawValue: try r["kind"].decode(String.self)) ?? .observation,
                         fileName: try r["file_name"].decode(String.self), sha256: try r["sha256"].decode(String.self),
                         rows: Int(try r["rows"].decode(Int64.self)), at: Timestamp(seconds: try r["at"].decode(Int64.self)), by: try r["by"].decode(String.self))
        }
    }

    public func importFacts(_ batch: ImportBatch, rows source: ImportRowSource) async throws -> ImportSummary {
        let clock = ContinuousClock()
        let started = clock.now
        let state: ApprovalState = batch.approve ? .approved : .submitted
        let kind = batch.kind
        let result: (Int64, Int, Int64?, Int64?) = try await transaction { conn in
            let importId = try await self.nextId(conn, "imports")
            try await self.exec(conn, "INSERT INTO imports (id, kind, file_name, sha256, rows, encoding, at, by, approved) VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $8)",
                                [importId, kind.rawValue, batch.fileName, batch.sha256, batch.encoding.rawValue, batch.at.seconds, batch.actor.id, batch.approve])
            let first = try await self.nextId(conn, kind.table)
            // Rows are validated in Swift (the same rules as SQLite), then COPY'd straight into the
            // fact table inside the transaction, where its constraints check every row again.
            // A staging table would copy every row twice for no extra check (BENCHMARKS.md).
            let template = StoredFact(id: first, entry: FactEntry(.jobs(projectId: "", year: 0, jobs: 0)), recordedAt: batch.at,
                                      recordedBy: batch.actor.id, planVersion: batch.planVersion, importId: importId, state: state,
                                      submittedAt: batch.at, decidedAt: batch.approve ? batch.at : nil, decidedBy: batch.approve ? batch.actor.id : nil)
            let pipeline = ImportPipeline(rows: source, template: template, firstId: first)
            pipeline.start()
            let columns = PostgresFactCodec.copyColumns(kind)
            do {
                try await conn.copyFrom(table: kind.table, columns: columns, logger: self.logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    while let facts = pipeline.next() {
                        for fact in facts { PostgresFactCodec.copyLine(fact, into: &buffer) }
                        if buffer.readableBytes > 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    pipeline.drain()
                    if source.hasErrors {
                        throw StoreError.importRejected(diagnostics: source.diagnostics, total: source.errorCount)
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            } catch {
                pipeline.cancel()
                throw error
            }
            let digest = pipeline.digest
            let count = digest.count
            try await self.exec(conn, "UPDATE imports SET rows = $1 WHERE id = $2", [Int64(count), importId])
            var created: [JSONValue] = []
            if count > 0 {
                created.append(AuditPayload.created(kind, from: first, to: first + Int64(count) - 1, count: count, digest: digest.finalize(),
                                                    state: state, at: batch.at, by: batch.actor))
            }
            try await self.appendAudit(conn, at: batch.at, actor: batch.actor, action: "import.\(kind.importName)", entity: "imports#\(importId)",
                                       after: .object([
                                        ("import", .object([("id", .int(importId)), ("fileName", .string(batch.fileName)),
                                                            ("sha256", .string(batch.sha256)), ("encoding", .string(batch.encoding.rawValue)),
                                                            ("rows", .int(Int64(count)))])),
                                        ("created", .array(created)),
                                       ]))
            try await self.insertNotifications(conn, batch.notifications, at: batch.at)
            return (importId, count, count > 0 ? first : nil, count > 0 ? first + Int64(count) - 1 : nil)
        }
        let elapsed = started.duration(to: clock.now)
        return ImportSummary(importId: result.0, rows: result.1, firstId: result.2, lastId: result.3, state: state, encoding: batch.encoding,
                             seconds: elapsed.inSeconds)
    }

    /// Runs SQL behind the store's back. Only tests use it, to prove that tampering is caught.
    func executeRaw(_ sql: String) async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    // MARK: Backup

    /// Runs `pg_dump` (custom format) while the server keeps running; restore with `pg_restore`
    /// (docs/operations.md).
    public func backup(to destination: String) async throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError.invalid("\(destination) already exists; choose a new file name")
        }
        guard let pgDump = Self.tool("pg_dump") else {
            throw StoreError.unsupported("pg_dump is not installed; install the PostgreSQL client (apt-get install postgresql-client)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pgDump)
        var arguments = ["--format=custom", "--file=\(destination)", "--host=\(settings.host)", "--port=\(settings.port)",
                         "--username=\(settings.user)", "--dbname=\(settings.database)", "--no-password"]
        if let schema = settings.schema { arguments.append("--schema=\(schema)") }
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        if let password = settings.password { env["PGPASSWORD"] = password }
        p.environment = env
        let errors = Pipe()
        p.standardError = errors
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw StoreError.invalid("pg_dump failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    /// A PostgreSQL client program, from PATH or the Debian install folder.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init)
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
