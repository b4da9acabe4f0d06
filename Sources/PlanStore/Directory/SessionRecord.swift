/// A signed-in browser. The cookie holds a random id; the store keeps only its SHA-256, so a
/// copy of the database does not let anyone sign in.
public struct SessionRecord: Codable, Sendable, Hashable {
    public var username: String
    public var createdAt: Int64
    public var lastSeenAt: Int64
    /// The token every form of this session must carry.
    public var csrfToken: String

    public init(username: String, createdAt: Timestamp, csrfToken: String) {
        self.username = username
        self.createdAt = createdAt.seconds
        lastSeenAt = createdAt.seconds
        self.csrfToken = csrfToken
    }
}

/// A machine client's credential, shown once when made and stored only as its SHA-256. It
/// expires (a year after it is made, unless told otherwise), so a forgotten token stops working
/// on its own; its last use is kept beside it (`DirectoryEntry.usedAt`).
public struct APIToken: Codable, Sendable, Hashable {
    /// How long a token lasts unless told otherwise.
    public static let defaultLifetimeDays = 365
    /// Tokens made before tokens expired last at least this long after the upgrade.
    public static let upgradeGraceDays = 30

    /// A short public id, to name the token in lists and the audit chain.
    public var id: String
    public var name: String
    public var role: Role
    public var organizationId: String
    public var createdBy: String
    /// The account whose token it is, for four eyes: whatever is done with the token is done by
    /// that person. Set to the account that made it on the tokens page, and to `--account` on
    /// the command line; nil for a command-line token made for no one (see `person`).
    public var account: String?
    public var createdAt: Int64
    public var revokedAt: Int64?
    /// When it stops working. Every token has one after migration 8.
    public var expiresAt: Int64?

    public init(id: String, name: String, role: Role, organizationId: String, createdBy: String, createdAt: Timestamp,
                expiresAt: Timestamp? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.organizationId = organizationId
        self.createdBy = createdBy
        self.createdAt = createdAt.seconds
        self.expiresAt = (expiresAt ?? Timestamp(seconds: createdAt.seconds + Int64(Self.defaultLifetimeDays) * 86_400)).seconds
    }

    public var isRevoked: Bool { revokedAt != nil }

    /// The person the token acts for, named as the audit chain names people: its account
    /// (`user:NAME`), else the account that made it (tokens made before tokens had accounts);
    /// a token made on the command line for no account is a person of its own (`token:ID`),
    /// since whoever runs commands on the database's host can approve anything anyway.
    public var person: String {
        if let account { return "user:\(account)" }
        return createdBy.hasPrefix("user:") ? createdBy : "token:\(id)"
    }

    public func isExpired(at now: Timestamp) -> Bool { expiresAt.map { now.seconds >= $0 } ?? false }

    /// Neither revoked nor expired.
    public func isUsable(at now: Timestamp) -> Bool { !isRevoked && !isExpired(at: now) }
}

/// A coordinator's permission for reporters to change a locked period of a project again,
/// until a day. It is on record in the audit chain.
public struct PeriodUnlock: Codable, Sendable, Hashable {
    public var projectId: String
    /// The period's key (`2024`, `2024-H2`).
    public var period: String
    public var unlockedBy: String
    public var at: Int64
    public var until: Int64
    public var reason: String

    public init(projectId: String, period: String, unlockedBy: String, at: Timestamp, until: Timestamp, reason: String) {
        self.projectId = projectId
        self.period = period
        self.unlockedBy = unlockedBy
        self.at = at.seconds
        self.until = until.seconds
        self.reason = reason
    }

    var key: String { projectId + "|" + period }
}

import PlanCore
