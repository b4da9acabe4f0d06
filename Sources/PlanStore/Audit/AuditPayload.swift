import PlanCore

/// The JSON an audit event carries about facts, written by every backend the same way and read
/// back by `AuditVerifier`.
enum AuditPayload {
    static func created(_ kind: FactKind, from: Int64, to: Int64, count: Int, digest: String, state: ApprovalState,
                        at: Timestamp, by: Actor) -> JSONValue {
        .object([
            ("table", .string(kind.table)), ("from", .int(from)), ("to", .int(to)), ("count", .int(Int64(count))),
            ("digest", .string(digest)), ("state", .string(state.rawValue)), ("at", .int(at.seconds)), ("by", .string(by.id)),
        ])
    }

    static func moved(_ kind: FactKind, ids: [Int64], state: ApprovalState, at: Timestamp, by: Actor, reason: String?) -> JSONValue {
        .compactObject([
            ("table", .string(kind.table)), ("ids", IdRanges.json(IdRanges.compress(ids))), ("state", .string(state.rawValue)),
            ("at", .int(at.seconds)), ("by", .string(by.id)), ("reason", .string(reason)),
        ])
    }

    /// The entity an event is about: `observations#12`, `observations#12-30`.
    static func entity(_ kind: FactKind, ids: [Int64]) -> String {
        guard let lo = ids.min(), let hi = ids.max() else { return kind.table }
        return lo == hi ? "\(kind.table)#\(lo)" : "\(kind.table)#\(lo)-\(hi)"
    }

    /// The action name of a workflow move.
    static func action(_ state: ApprovalState) -> String {
        switch state {
        case .draft: return "fact.draft"
        case .submitted: return "fact.submit"
        case .approved: return "fact.approve"
        case .returned: return "fact.return"
        }
    }
}
