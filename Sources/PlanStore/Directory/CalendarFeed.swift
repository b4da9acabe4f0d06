import PlanCore

/// An organization's iCalendar feed of its rounds' due dates. Its address holds a random
/// secret (256 bits) that the store keeps only as a SHA-256, like an API token: it is shown
/// once, when made, and renewing it revokes the old address.
public struct CalendarFeed: Codable, Sendable, Hashable {
    public var organizationId: String
    /// SHA-256 of the secret, hex.
    public var digest: String
    public var createdBy: String
    public var createdAt: Int64

    public init(organizationId: String, digest: String, createdBy: String, createdAt: Timestamp) {
        self.organizationId = organizationId
        self.digest = digest
        self.createdBy = createdBy
        self.createdAt = createdAt.seconds
    }

    /// A new secret: `pwc_` and 64 hex digits from the system's secure generator.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef")
        return "pwc_" + String((0..<64).map { _ in hex[Int(generator.next() % 16)] })
    }

    /// Whether `s` has the shape of a secret, checked before any lookup.
    public static func isWellFormed(_ s: String) -> Bool {
        s.hasPrefix("pwc_") && s.utf8.count == 68 && s.utf8.dropFirst(4).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}

extension Directory {
    // MARK: Notification preferences

    /// Sets a person's email address, notification language and the kinds they turned off
    /// (`returned` cannot be). A new address is audited as `account.email`, masked; the rest as
    /// `account.preferences`.
    public func setPreferences(username: String, email: String?, language: Language, muted: Set<NotificationKind>, actor: Actor,
                               at: Timestamp) async throws {
        guard var account = try await account(username) else { throw StoreError.notFound("no account '\(username)'") }
        let email = email.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
        if let email, !MailAddress.isValid(email) {
            throw StoreError.invalid("'\(email)' is not an email address (local@domain, ASCII only)")
        }
        let changedEmail = email != account.email
        account.email = email
        account.language = language
        account.mutedNotifications = NotificationKind.allCases.filter { muted.contains($0) && $0.canBeTurnedOff }
        try await updateAccount(account, action: changedEmail ? "account.email" : "account.preferences", actor: actor, at: at)
    }

    // MARK: Calendar feeds

    public func calendarFeed(organization: String) async throws -> CalendarFeed? {
        try await one(.calendar, organization, as: CalendarFeed.self)
    }

    /// The feed whose secret is `secret`, if it is well formed and in force.
    public func calendarFeed(secret: String) async throws -> CalendarFeed? {
        guard CalendarFeed.isWellFormed(secret) else { return nil }
        let digest = Self.digest(secret)
        return try await all(.calendar, as: CalendarFeed.self).first { $0.digest == digest }
    }

    /// Makes the organization's feed address anew (the old one stops working) and returns its
    /// secret, which is not kept.
    public func renewCalendarFeed(organization: String, actor: Actor, at: Timestamp) async throws -> String {
        guard try await self.organization(organization) != nil else { throw StoreError.notFound("no organization '\(organization)'") }
        let secret = CalendarFeed.newSecret()
        let feed = CalendarFeed(organizationId: organization, digest: Self.digest(secret), createdBy: actor.id, createdAt: at)
        try await store.putDirectoryRecord(.calendar, key: organization, value: try encode(feed),
                                           audit: AuditNote(action: "calendar.renew", entity: "organization:\(organization)",
                                                            after: .object([("createdAt", .int(at.seconds))])),
                                           actor: actor, at: at)
        return secret
    }

    public func revokeCalendarFeed(organization: String, actor: Actor, at: Timestamp) async throws {
        guard try await calendarFeed(organization: organization) != nil else { return }
        try await store.putDirectoryRecord(.calendar, key: organization, value: nil,
                                           audit: AuditNote(action: "calendar.revoke", entity: "organization:\(organization)", after: .null),
                                           actor: actor, at: at)
    }
}
