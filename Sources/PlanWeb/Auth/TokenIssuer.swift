import PlanCore
import PlanStore

/// Makes API tokens the same way for the admin page and the command line: a random secret shown
/// once, its digest stored, its short id derived from the digest so lists and the audit chain can
/// name it without revealing it.
public enum TokenIssuer {
    public struct Issued: Sendable {
        public let token: APIToken
        public let secret: String
    }

    /// Valid lifetimes, in days: a day to five years.
    public static let lifetimes = 1...1825

    /// `account` is the person the token belongs to (four eyes counts what the token does as
    /// theirs): the account that makes it on the tokens page, `--account` on the command line.
    public static func issue(name: String, role: Role, organizationId: String, validForDays days: Int = APIToken.defaultLifetimeDays,
                             account: String? = nil, directory: Directory, actor: Actor, at time: Timestamp) async throws -> Issued {
        let secret = "pwt_" + Secrets.make()
        var token = APIToken(id: String(Directory.digest(secret).prefix(10)), name: name, role: role,
                             organizationId: organizationId, createdBy: actor.id, createdAt: time,
                             expiresAt: Timestamp(seconds: time.seconds + Int64(days) * 86_400))
        token.account = account
        try await directory.addToken(token, secret: secret, actor: actor, at: time)
        return Issued(token: token, secret: secret)
    }
}
