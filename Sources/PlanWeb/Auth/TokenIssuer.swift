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

    public static func issue(name: String, role: Role, organizationId: String, directory: Directory,
                             actor: Actor, at time: Timestamp) async throws -> Issued {
        let secret = "pwt_" + Secrets.make()
        let token = APIToken(id: String(Directory.digest(secret).prefix(10)), name: name, role: role,
                             organizationId: organizationId, createdBy: actor.id, createdAt: time)
        try await directory.addToken(token, secret: secret, actor: actor, at: time)
        return Issued(token: token, secret: secret)
    }
}
