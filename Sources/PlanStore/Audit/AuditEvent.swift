import Crypto
import PlanCore

/// One link of the tamper-evident audit chain: who did what to which entity, before and after.
///
/// `hash = SHA-256(prevHash ‖ canonical JSON of the event)`, where the canonical JSON has sorted
/// keys and no spaces. Changing any stored event, or any fact an event vouches for, breaks the
/// chain at that point, and `planwatch audit verify` says where.
public struct AuditEvent: Hashable, Sendable {
    public var seq: Int64
    public var at: Timestamp
    public var actor: String
    public var action: String
    public var entity: String
    public var before: JSONValue
    public var after: JSONValue
    public var prevHash: String
    public var hash: String

    /// The hash of the first event's predecessor.
    public static let genesis = String(repeating: "0", count: 64)

    /// The canonical JSON that is hashed: every field but the hashes.
    public static func canonical(seq: Int64, at: Timestamp, actor: String, action: String, entity: String,
                                 before: JSONValue, after: JSONValue) -> String {
        JSONValue.object([
            ("seq", .int(seq)), ("at", .int(at.seconds)), ("actor", .string(actor)), ("action", .string(action)),
            ("entity", .string(entity)), ("before", before), ("after", after),
        ]).canonical
    }

    public static func hash(prev: String, canonical: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(prev.utf8))
        hasher.update(data: Array(canonical.utf8))
        return hasher.finalize().hex
    }

    /// Builds the next event of a chain whose last hash is `prev`.
    public static func next(seq: Int64, prev: String, at: Timestamp, actor: Actor, action: String, entity: String,
                            before: JSONValue = .null, after: JSONValue) -> AuditEvent {
        let c = canonical(seq: seq, at: at, actor: actor.id, action: action, entity: entity, before: before, after: after)
        return AuditEvent(seq: seq, at: at, actor: actor.id, action: action, entity: entity, before: before, after: after,
                          prevHash: prev, hash: hash(prev: prev, canonical: c))
    }

    /// Whether the stored hash matches the event's content and predecessor.
    public var isIntact: Bool {
        hash == Self.hash(prev: prevHash, canonical: Self.canonical(seq: seq, at: at, actor: actor, action: action,
                                                                    entity: entity, before: before, after: after))
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SHA256.Digest {
    var hex: String { Array(self).hex }
}
