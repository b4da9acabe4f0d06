import PlanCore

/// The result of walking the audit chain: how much was checked and the first broken link.
public struct AuditVerification: Sendable, Hashable {
    public var events: Int
    public var facts: Int
    /// The first problem found, or nil when everything verifies.
    public var firstProblem: Problem?
    /// The newest event walked, when everything verified: where the next walk may start.
    public var head: AuditCheckpoint?

    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The audit event at which the chain breaks (or that vouches for the damaged fact).
        public var seq: Int64?
        public var message: String
        public var description: String { seq.map { "event #\($0): \(message)" } ?? message }
    }

    public var isIntact: Bool { firstProblem == nil }
}

/// What a creation or workflow event says about facts, read back from its JSON.
struct AuditClaims {
    struct Creation {
        var seq: Int64
        var table: String
        var from: Int64
        var to: Int64
        var count: Int
        var digest: String
        var state: ApprovalState
        var at: Int64
        var by: String
    }

    struct Move {
        var seq: Int64
        var table: String
        var ids: [ClosedRange<Int64>]
        var state: ApprovalState
        var at: Int64
        var by: String
        var reason: String?
    }

    var creations: [Creation] = []
    var moves: [Move] = []

    /// Reads the `created` and `moved` entries an event's `after` carries.
    mutating func read(_ e: AuditEvent) {
        if case .array(let created)? = e.after["created"] {
            for c in created {
                guard case .string(let table)? = c["table"], case .int(let from)? = c["from"], case .int(let to)? = c["to"],
                      case .int(let count)? = c["count"], case .string(let digest)? = c["digest"],
                      case .string(let s)? = c["state"], let state = ApprovalState(rawValue: s),
                      case .int(let at)? = c["at"], case .string(let by)? = c["by"] else { continue }
                creations.append(Creation(seq: e.seq, table: table, from: from, to: to, count: Int(count), digest: digest,
                                          state: state, at: at, by: by))
            }
        }
        if case .object? = e.after["moved"], let m = e.after["moved"] {
            guard case .string(let table)? = m["table"], case .array(let ranges)? = m["ids"],
                  case .string(let s)? = m["state"], let state = ApprovalState(rawValue: s),
                  case .int(let at)? = m["at"], case .string(let by)? = m["by"] else { return }
            let ids: [ClosedRange<Int64>] = ranges.compactMap {
                guard case .array(let pair) = $0, pair.count == 2, case .int(let a) = pair[0], case .int(let b) = pair[1], a <= b else { return nil }
                return a...b
            }
            var reason: String?
            if case .string(let r)? = m["reason"] { reason = r }
            moves.append(Move(seq: e.seq, table: table, ids: ids, state: state, at: at, by: by, reason: reason))
        }
    }
}

/// The workflow columns of a stored fact, compared with what the chain says they must be.
public struct FactStateRow: Sendable {
    public var id: Int64
    public var state: ApprovalState
    public var decidedAt: Int64?
    public var decidedBy: String?
    public var returnReason: String?

    public init(id: Int64, state: ApprovalState, decidedAt: Int64?, decidedBy: String?, returnReason: String?) {
        self.id = id
        self.state = state
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.returnReason = returnReason
    }
}

/// Compresses sorted ids into ranges, so an event about 10,000 contiguous facts stays small.
public enum IdRanges {
    public static func compress(_ ids: [Int64]) -> [ClosedRange<Int64>] {
        var out: [ClosedRange<Int64>] = []
        for id in ids.sorted() {
            if let last = out.last, id == last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...id
            } else if out.last?.contains(id) != true {
                out.append(id...id)
            }
        }
        return out
    }

    public static func json(_ ranges: [ClosedRange<Int64>]) -> JSONValue {
        .array(ranges.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })
    }
}
