import Foundation
import PlanCore
import PlanStore
import Synchronization

/// Signing in and out, and finding the principal behind a session cookie or an API token.
/// Sessions live in the store (so signing out ends them everywhere, and several server
/// processes share them) and expire on idle and absolutely.
final class Authentication: Sendable {
    enum SignInOutcome: Sendable {
        case signedIn(secret: String, principal: Principal)
        /// Wrong name or password, or a disabled account: one answer for all, no hint.
        case refused
        /// Too many failures for this account or address.
        case limited
    }

    static let sessionCookie = "pw_session"
    static let signInCSRFCookie = "pw_csrf"

    let directory: Directory
    let settings: WorkspaceSettings
    let limiter: SignInLimiter
    /// Checked against unknown accounts, so a wrong name takes as long as a wrong password.
    /// Made on first use, not at start: one bcrypt is a quarter of a second of a cold start.
    private let decoy = Mutex<String?>(nil)
    /// When this process last noted each token's use.
    private let tokenUseNoted = Mutex<[String: Int64]>([:])

    var decoyHash: String {
        decoy.withLock { hash in
            if let hash { return hash }
            let made = Passwords.hash("planwatch-decoy-\(Secrets.make(bytes: 8))", cost: settings.bcryptCost)
            hash = made
            return made
        }
    }

    init(directory: Directory, settings: WorkspaceSettings) {
        self.directory = directory
        self.settings = settings
        limiter = SignInLimiter(perAccount: settings.signInFailuresPerAccount, perAddress: settings.signInFailuresPerAddress,
                                window: settings.signInWindowSeconds)
    }

    func signIn(username raw: String, password: String, address: String, now: Timestamp) async throws -> SignInOutcome {
        let username = raw.trimmingSpaces.lowercased()
        // As typed, the name may be a megabyte of terminal escapes: the chain keeps it cut and escaped.
        let named = AuditText.typed(username)
        if case .limited(let firstTime) = limiter.admit(account: username, address: address, now: now.seconds) {
            if firstTime {
                try await directory.store.recordAudit(AuditNote(action: "signin.limited", entity: "account:\(named)",
                                                                after: .object([("address", .string(address))])),
                                                      actor: Actor("user:\(named)"), at: now)
            }
            return .limited
        }
        let account = Account.isValidUsername(username) ? try await directory.account(username) : nil
        let matches = Passwords.verify(password, hash: account?.passwordHash ?? decoyHash)
        guard let account, matches, !account.disabled else {
            try await directory.store.recordAudit(AuditNote(action: "signin.failed", entity: "account:\(named)",
                                                            after: .object([("address", .string(address))])),
                                                  actor: Actor("user:\(named)"), at: now)
            return .refused
        }
        limiter.succeeded(account: username, address: address, at: now.seconds)
        let secret = Secrets.make()
        let session = SessionRecord(username: account.username, createdAt: now, csrfToken: Secrets.make(bytes: 24))
        try await directory.saveSession(session, secret: secret, at: now)
        try await directory.store.recordAudit(AuditNote(action: "signin", entity: "account:\(account.username)",
                                                        after: .object([("address", .string(address))])),
                                              actor: Actor("user:\(account.username)"), at: now)
        return .signedIn(secret: secret, principal: principal(account, session: session, secret: secret))
    }

    func signOut(_ principal: Principal, now: Timestamp) async throws {
        guard let secret = principal.sessionSecret else { return }
        try await directory.endSession(secret: secret, at: now)
        try await directory.store.recordAudit(AuditNote(action: "signout", entity: "account:\(principal.name)", after: .null),
                                              actor: principal.actor, at: now)
    }

    /// The person behind a session cookie, if the session is live; an expired one is removed.
    func principal(sessionSecret secret: String, now: Timestamp) async throws -> Principal? {
        guard secret.count >= 20, var session = try await directory.session(secret: secret) else { return nil }
        let idle = now.seconds - session.lastSeenAt > settings.sessionIdleSeconds
        let old = now.seconds - session.createdAt > settings.sessionMaxSeconds
        guard !idle, !old, let account = try await directory.account(session.username), !account.disabled else {
            try await directory.endSession(secret: secret, at: now)
            return nil
        }
        // Touch at most once a minute, so reading pages does not mean writing on every request.
        // Only a session that still exists is touched: one signed out meanwhile stays out.
        if now.seconds - session.lastSeenAt >= 60 {
            session.lastSeenAt = now.seconds
            guard try await directory.touchSession(session, secret: secret, at: now) else { return nil }
        }
        return principal(account, session: session, secret: secret)
    }

    /// The machine client behind a bearer token, if the token is known, not revoked and not
    /// expired. Its use is noted at most once a minute per token and process, beside the token,
    /// never by rewriting it.
    func principal(bearer secret: String, now: Timestamp) async throws -> Principal? {
        guard secret.count >= 20, let token = try await directory.token(secret: secret), token.isUsable(at: now) else { return nil }
        let due = tokenUseNoted.withLock { noted in
            if let last = noted[token.id], now.seconds - last < 60 { return false }
            if noted.count > 10_000 { noted.removeAll() }
            noted[token.id] = now.seconds
            return true
        }
        if due { try await directory.markTokenUsed(secret: secret, at: now) }
        return Principal(name: "token:\(token.id)", displayName: token.name, role: token.role, organizationId: token.organizationId,
                         credential: .token(id: token.id))
    }

    func principal(_ account: Account, session: SessionRecord, secret: String) -> Principal {
        Principal(name: account.username, displayName: account.displayName, role: account.role, organizationId: account.organizationId,
                  credential: .session(secret: secret, csrfToken: session.csrfToken))
    }
}
