import PlanCore

/// The kinds of record the directory holds. Unlike facts, these change in place; every change
/// that matters (accounts, roles, organizations, tokens, unlocks) is an audit event.
public enum DirectoryKind: String, Sendable, CaseIterable {
    case account, organization, assignment, session, token, unlock
    /// An organization's calendar feed: the SHA-256 of its secret address.
    case calendar
}

/// A record as stored: its key, its JSON, when it last changed, and when it was last used (an
/// API token's last request), which is kept apart from the JSON so that noting a use never
/// rewrites the record.
public struct DirectoryEntry: Sendable, Hashable {
    public var key: String
    public var value: String
    public var updatedAt: Timestamp
    public var usedAt: Timestamp?

    public init(key: String, value: String, updatedAt: Timestamp, usedAt: Timestamp? = nil) {
        self.key = key
        self.value = value
        self.updatedAt = updatedAt
        self.usedAt = usedAt
    }
}

/// An audit event to append: what happened to which entity, before and after.
public struct AuditNote: Sendable {
    public var action: String
    public var entity: String
    public var before: JSONValue
    public var after: JSONValue

    public init(action: String, entity: String, before: JSONValue = .null, after: JSONValue) {
        self.action = action
        self.entity = entity
        self.before = before
        self.after = after
    }
}
