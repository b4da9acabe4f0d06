/// The newest audit event a walk of the chain found intact, with its hash: where the next walk
/// can start instead of at the first event (`Store.verifyAudit(after:)`).
public struct AuditCheckpoint: Sendable, Hashable {
    public var seq: Int64
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }
}
