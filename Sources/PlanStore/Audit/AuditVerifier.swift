import PlanCore

/// What a backend must read for `AuditVerifier`.
protocol AuditSource: Sendable {
    func allAuditEvents() async throws -> [AuditEvent]
    /// The number of facts with ids in `from...to` and the digest of their immutable columns.
    func factDigest(_ kind: FactKind, from: Int64, to: Int64) async throws -> (count: Int, digest: String)
    /// The workflow columns of every fact of a kind, in id order.
    func factStates(_ kind: FactKind) async throws -> [FactStateRow]
}

/// Re-derives the database from the audit chain and reports the first place they disagree:
/// a broken hash link, a fact whose values changed, a fact no event vouches for, or a
/// workflow state the events do not explain.
enum AuditVerifier {
    static func verify(_ source: some AuditSource & Store) async throws -> AuditVerification {
        let events = try await source.allAuditEvents()
        var problems: [AuditVerification.Problem] = []
        var prev = AuditEvent.genesis
        var claims = AuditClaims()
        for (i, e) in events.enumerated() {
            if e.seq != Int64(i + 1) {
                problems.append(.init(seq: Int64(i + 1), message: "event #\(i + 1) is missing (found #\(e.seq) in its place)"))
                break
            }
            if e.prevHash != prev {
                problems.append(.init(seq: e.seq, message: "its link to the previous event is broken (prevHash does not match)"))
                break
            }
            if !e.isIntact {
                problems.append(.init(seq: e.seq, message: "its content was changed after it was written (hash does not match)"))
                break
            }
            prev = e.hash
            claims.read(e)
        }
        var factCount = 0
        for kind in FactKind.allCases {
            let creations = claims.creations.filter { $0.table == kind.table }.sorted { $0.from < $1.from }
            for c in creations {
                let (count, digest) = try await source.factDigest(kind, from: c.from, to: c.to)
                if count != c.count {
                    problems.append(.init(seq: c.seq, message: "\(kind.table) \(c.from)–\(c.to): \(c.count) facts were written but \(count) are there"))
                } else if digest != c.digest {
                    problems.append(.init(seq: c.seq, message: "\(kind.table) \(c.from)–\(c.to): a fact's values were changed after they were written"))
                }
            }
            var moved: [Int64: AuditClaims.Move] = [:]
            for m in claims.moves where m.table == kind.table {
                for r in m.ids { for id in r { moved[id] = m } }
            }
            let rows = try await source.factStates(kind)
            factCount += rows.count
            for row in rows {
                guard let c = creation(of: row.id, in: creations) else {
                    problems.append(.init(seq: nil, message: "\(kind.table) #\(row.id) was written outside the audit chain"))
                    break
                }
                let expected: (state: ApprovalState, at: Int64?, by: String?, reason: String?, seq: Int64)
                if let m = moved[row.id] {
                    expected = (m.state, m.state == .approved || m.state == .returned ? m.at : nil,
                                m.state == .approved || m.state == .returned ? m.by : nil, m.reason, m.seq)
                } else {
                    expected = (c.state, c.state == .approved ? c.at : nil, c.state == .approved ? c.by : nil, nil, c.seq)
                }
                if row.state != expected.state || row.decidedAt != expected.at || row.decidedBy != expected.by || row.returnReason != expected.reason {
                    problems.append(.init(seq: expected.seq, message: "\(kind.table) #\(row.id) is '\(row.state.rawValue)' but the chain says '\(expected.state.rawValue)' (or its approval time or approver differs)"))
                    break
                }
            }
        }
        problems += try await PlanFileVerifier.problems(source, events: events)
        let first = problems.min { ($0.seq ?? .max) < ($1.seq ?? .max) }
        return AuditVerification(events: events.count, facts: factCount, firstProblem: first)
    }

    private static func creation(of id: Int64, in sorted: [AuditClaims.Creation]) -> AuditClaims.Creation? {
        var lo = 0, hi = sorted.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sorted[mid].to < id { lo = mid + 1 } else if sorted[mid].from > id { hi = mid - 1 } else { return sorted[mid] }
        }
        return nil
    }
}
