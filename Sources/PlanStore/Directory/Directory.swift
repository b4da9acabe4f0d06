import Crypto
import Foundation
import PlanCore

/// Accounts, organizations, assignments, sessions, API tokens and period unlocks, over the
/// store's directory table. Every change but a session's is one transaction with its audit
/// event, whose `after` carries the record without secrets.
public struct Directory: Sendable {
    public let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try Self.encoder.encode(value), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    func all<T: Decodable>(_ kind: DirectoryKind, as type: T.Type) async throws -> [T] {
        try await store.directoryRecords(kind).map { try decode(T.self, $0.value) }
    }

    func one<T: Decodable>(_ kind: DirectoryKind, _ key: String, as type: T.Type) async throws -> T? {
        try await store.directoryRecord(kind, key: key).map { try decode(T.self, $0) }
    }

    // MARK: Accounts

    public func accounts() async throws -> [Account] { try await all(.account, as: Account.self) }

    public func account(_ username: String) async throws -> Account? { try await one(.account, username, as: Account.self) }

    public func addAccount(_ account: Account, actor: Actor, at: Timestamp) async throws {
        guard Account.isValidUsername(account.username) else {
            throw StoreError.invalid("'\(account.username)' is not a valid username (2-40 of a-z, 0-9, '.', '_', '-')")
        }
        guard try await self.account(account.username) == nil else { throw StoreError.conflict("the account '\(account.username)' already exists") }
        guard try await organization(account.organizationId) != nil else {
            throw StoreError.notFound("no organization '\(account.organizationId)' (add it first: planwatch org add)")
        }
        try await store.putDirectoryRecord(.account, key: account.username, value: try encode(account),
                                           audit: AuditNote(action: "account.add", entity: "account:\(account.username)", after: account.auditView),
                                           actor: actor, at: at)
    }

    /// Replaces an account, recording `action` (`account.disable`, `account.role`, `account.password` …).
    public func updateAccount(_ account: Account, action: String, actor: Actor, at: Timestamp) async throws {
        guard let before = try await self.account(account.username) else { throw StoreError.notFound("no account '\(account.username)'") }
        if account.organizationId != before.organizationId, try await organization(account.organizationId) == nil {
            throw StoreError.notFound("no organization '\(account.organizationId)'")
        }
        try await store.putDirectoryRecord(.account, key: account.username, value: try encode(account),
                                           audit: AuditNote(action: action, entity: "account:\(account.username)", before: before.auditView,
                                                            after: account.auditView),
                                           actor: actor, at: at)
    }

    // MARK: Organizations and assignments

    public func organizations() async throws -> [OrganizationRecord] { try await all(.organization, as: OrganizationRecord.self) }

    public func organization(_ id: String) async throws -> OrganizationRecord? { try await one(.organization, id, as: OrganizationRecord.self) }

    public func addOrganization(_ org: OrganizationRecord, actor: Actor, at: Timestamp) async throws {
        guard Account.isValidUsername(org.id) else { throw StoreError.invalid("'\(org.id)' is not a valid organization id (a-z, 0-9, '.', '_', '-')") }
        guard try await organization(org.id) == nil else { throw StoreError.conflict("the organization '\(org.id)' already exists") }
        guard !org.nameKo.trimmingSpaces.isEmpty else { throw StoreError.invalid("an organization needs a Korean name") }
        try await store.putDirectoryRecord(.organization, key: org.id, value: try encode(org),
                                           audit: AuditNote(action: "organization.add", entity: "organization:\(org.id)",
                                                            after: .object([("id", .string(org.id)), ("nameKo", .string(org.nameKo)), ("nameEn", .string(org.nameEn))])),
                                           actor: actor, at: at)
    }

    public func assignments() async throws -> [Assignment] { try await all(.assignment, as: Assignment.self) }

    public func assign(_ assignment: Assignment, actor: Actor, at: Timestamp) async throws {
        guard try await organization(assignment.organizationId) != nil else { throw StoreError.notFound("no organization '\(assignment.organizationId)'") }
        try await store.putDirectoryRecord(.assignment, key: assignment.key, value: try encode(assignment),
                                           audit: AuditNote(action: "organization.assign", entity: "organization:\(assignment.organizationId)",
                                                            after: .object([("entity", .string(assignment.entityId))])),
                                           actor: actor, at: at)
    }

    public func unassign(_ assignment: Assignment, actor: Actor, at: Timestamp) async throws {
        try await store.putDirectoryRecord(.assignment, key: assignment.key, value: nil,
                                           audit: AuditNote(action: "organization.unassign", entity: "organization:\(assignment.organizationId)",
                                                            before: .object([("entity", .string(assignment.entityId))]), after: .null),
                                           actor: actor, at: at)
    }

    // MARK: Sessions

    public static func digest(_ secret: String) -> String { SHA256.hash(data: Array(secret.utf8)).hex }

    public func session(secret: String) async throws -> SessionRecord? { try await one(.session, Self.digest(secret), as: SessionRecord.self) }

    public func saveSession(_ session: SessionRecord, secret: String, at: Timestamp) async throws {
        try await store.putDirectoryRecord(.session, key: Self.digest(secret), value: try encode(session), audit: nil, actor: .system, at: at)
    }

    /// Writes a live session's new state (its last request), only while it exists: returns false
    /// when it was ended meanwhile, and then it stays ended.
    public func touchSession(_ session: SessionRecord, secret: String, at: Timestamp) async throws -> Bool {
        try await store.updateDirectoryRecord(.session, key: Self.digest(secret), value: try encode(session), at: at)
    }

    public func endSession(secret: String, at: Timestamp) async throws {
        try await store.putDirectoryRecord(.session, key: Self.digest(secret), value: nil, audit: nil, actor: .system, at: at)
    }

    /// Removes every session of an account (when it is disabled or its password is reset).
    /// Ends every session of `username`, except the one whose secret is `keeping` (the person's
    /// own, after they change their password).
    public func endSessions(of username: String, keeping: String? = nil, at: Timestamp) async throws {
        let kept = keeping.map(Self.digest)
        for entry in try await store.directoryRecords(.session) where entry.key != kept {
            if let s = try? decode(SessionRecord.self, entry.value), s.username == username {
                try await store.putDirectoryRecord(.session, key: entry.key, value: nil, audit: nil, actor: .system, at: at)
            }
        }
    }

    // MARK: API tokens

    public func tokens() async throws -> [APIToken] { try await all(.token, as: APIToken.self) }

    public func token(secret: String) async throws -> APIToken? { try await one(.token, Self.digest(secret), as: APIToken.self) }

    public func addToken(_ token: APIToken, secret: String, actor: Actor, at: Timestamp) async throws {
        try await store.putDirectoryRecord(.token, key: Self.digest(secret), value: try encode(token),
                                           audit: AuditNote(action: "token.create", entity: "token:\(token.id)", after: tokenView(token)),
                                           actor: actor, at: at)
    }

    /// When each token (by id) was last used, for the tokens that have been.
    public func tokenUses() async throws -> [String: Timestamp] {
        var uses: [String: Timestamp] = [:]
        for entry in try await store.directoryRecords(.token) {
            if let used = entry.usedAt, let token = try? decode(APIToken.self, entry.value) { uses[token.id] = used }
        }
        return uses
    }

    /// Notes a request made with the token whose secret is `secret`.
    public func markTokenUsed(secret: String, at: Timestamp) async throws {
        try await store.markDirectoryRecordUsed(.token, key: Self.digest(secret), at: at)
    }

    public func revokeToken(id: String, actor: Actor, at: Timestamp) async throws {
        guard let entry = try await store.directoryRecords(.token).first(where: { (try? decode(APIToken.self, $0.value))?.id == id }) else {
            throw StoreError.notFound("no token '\(id)'")
        }
        var token = try decode(APIToken.self, entry.value)
        guard token.revokedAt == nil else { return }
        let before = tokenView(token)
        token.revokedAt = at.seconds
        try await store.putDirectoryRecord(.token, key: entry.key, value: try encode(token),
                                           audit: AuditNote(action: "token.revoke", entity: "token:\(token.id)", before: before, after: tokenView(token)),
                                           actor: actor, at: at)
    }

    func tokenView(_ t: APIToken) -> JSONValue {
        .compactObject([("id", .string(t.id)), ("name", .string(t.name)), ("role", .string(t.role.rawValue)),
                        ("organizationId", .string(t.organizationId)), ("expiresAt", t.expiresAt.map { .int($0) } ?? .null),
                        ("revokedAt", t.revokedAt.map { .int($0) } ?? .null)])
    }

    // MARK: Period unlocks

    public func unlocks() async throws -> [PeriodUnlock] { try await all(.unlock, as: PeriodUnlock.self) }

    public func unlock(_ unlock: PeriodUnlock, actor: Actor, at: Timestamp) async throws {
        try await store.putDirectoryRecord(.unlock, key: unlock.key, value: try encode(unlock),
                                           audit: AuditNote(action: "period.unlock", entity: "project:\(unlock.projectId)",
                                                            after: .object([("period", .string(unlock.period)), ("until", .int(unlock.until)),
                                                                            ("reason", .string(unlock.reason))])),
                                           actor: actor, at: at)
    }
}
