import PlanCore

/// What a signed-in person or machine may do. The rules live in one place, `AccessPolicy`
/// (PlanWeb); this is only the name.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Users, organizations, plan versions; everything a coordinator can do.
    case admin
    /// Sees everything, approves or returns.
    case coordinator
    /// Drafts and submits for their organization's projects only.
    case reporter
    /// Reads unpublished data.
    case viewer

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A person who signs in. The password is kept only as a bcrypt hash.
public struct Account: Codable, Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var organizationId: String
    public var role: Role
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: Int64
    public var passwordChangedAt: Int64
    /// Where notifications are emailed; nil: the workspace inbox only. Never shown to another organization.
    public var email: String?
    /// The language notifications are written in; Korean when not chosen.
    public var language: Language?
    /// The kinds of notification this person turned off (never `returned`).
    public var mutedNotifications: [NotificationKind]?

    public init(username: String, displayName: String, organizationId: String, role: Role, passwordHash: String,
                disabled: Bool = false, createdAt: Timestamp, passwordChangedAt: Timestamp? = nil) {
        self.username = username
        self.displayName = displayName
        self.organizationId = organizationId
        self.role = role
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt.seconds
        self.passwordChangedAt = (passwordChangedAt ?? createdAt).seconds
    }

    /// What the audit chain records: everything but the password hash, whose change is shown as a time.
    var auditView: JSONValue {
        .object([("username", .string(username)), ("displayName", .string(displayName)), ("organizationId", .string(organizationId)),
                 ("role", .string(role.rawValue)), ("disabled", .bool(disabled)), ("passwordChangedAt", .int(passwordChangedAt)),
                 ("email", email.map { .string(Self.masked($0)) } ?? .null)])
    }

    /// An address as the audit chain and other organizations may see it: `l•••@msit.go.kr`.
    public static func masked(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@"), let first = email.first, at != email.startIndex else { return "•••" }
        return String(first) + "•••" + email[at...]
    }

    /// The language this person reads notifications in.
    public var notificationLanguage: Language { language ?? .ko }

    /// Whether this person wants notifications of `kind` (a returned report always goes).
    public func wants(_ kind: NotificationKind) -> Bool { !kind.canBeTurnedOff || !(mutedNotifications ?? []).contains(kind) }

    /// Usernames: 2-40 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.
    public static func isValidUsername(_ s: String) -> Bool {
        guard (2...40).contains(s.count), let first = s.unicodeScalars.first, isNameScalar(first), first != ".", first != "_", first != "-" else { return false }
        return s.unicodeScalars.allSatisfy(isNameScalar)
    }

    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-"
    }
}

/// A ministry, agency or office. Reporters belong to one; projects and tasks are assigned to them.
public struct OrganizationRecord: Codable, Sendable, Hashable {
    public var id: String
    public var nameKo: String
    public var nameEn: String

    public init(id: String, nameKo: String, nameEn: String) {
        self.id = id
        self.nameKo = nameKo
        self.nameEn = nameEn
    }

    public var name: LocalizedText { LocalizedText(ko: nameKo, en: nameEn) }
}

/// A project or task given to an organization to report on, besides the plan's own lead organizations.
public struct Assignment: Codable, Sendable, Hashable {
    public var organizationId: String
    /// A project id ("1-1") or a task id ("1-1.data-control-tower").
    public var entityId: String

    public init(organizationId: String, entityId: String) {
        self.organizationId = organizationId
        self.entityId = entityId
    }

    var key: String { organizationId + "|" + entityId }
}

/// The organizations a plan file names become directory records when the plan is loaded.
enum PlanOrganizations {
    /// The JSON of an `OrganizationRecord` for a plan's organization.
    static func record(_ o: Organization) -> String {
        JSONValue.object([("id", .string(o.id)), ("nameEn", .string(o.name.en ?? o.name.ko)), ("nameKo", .string(o.name.ko))]).canonical
    }
}
