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
            if let problem = link(e, seq: Int64(i + 1), prev: prev) {
                problems.append(problem)
                break
            }
            prev = e.hash
            claims.read(e)
        }
        var factCount = 0
        problems += try await creationProblems(source, claims)
        for kind in FactKind.allCases {
            let creations = claims.creations.filter { $0.table == kind.table }.sorted { $0.from < $1.from }
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
        return AuditVerification(events: events.count, facts: factCount, firstProblem: first,
                                 head: first == nil ? events.last.map { AuditCheckpoint(seq: $0.seq, hash: $0.hash) } : nil)
    }

    /// Walks only what was appended after `checkpoint`, an event an earlier walk found intact:
    /// that event must still carry its hash, every later event must link to the one before and
    /// match its own hash, the facts those events created must still have the values they
    /// recorded, and the plan files they loaded their digests. Older events and facts, and
    /// workflow states, are left to the whole walk (`verify`, `planwatch audit verify`). What a
    /// page view costs is then what happened since the last view, not the age of the chain.
    static func verify(_ source: some AuditSource & Store, after checkpoint: AuditCheckpoint) async throws -> AuditVerification {
        guard let anchor = try await source.auditEvents(after: checkpoint.seq - 1, limit: 1).first, anchor.seq == checkpoint.seq,
              anchor.hash == checkpoint.hash, anchor.isIntact else {
            return AuditVerification(events: 0, facts: 0, firstProblem: .init(seq: checkpoint.seq, message: "the event verified last was changed or removed since"))
        }
        var events: [AuditEvent] = []
        var claims = AuditClaims()
        var prev = checkpoint.hash
        var after = checkpoint.seq
        while true {
            let page = try await source.auditEvents(after: after, limit: 1000)
            guard !page.isEmpty else { break }
            for e in page {
                if let problem = link(e, seq: after + 1, prev: prev) {
                    return AuditVerification(events: events.count, facts: 0, firstProblem: problem)
                }
                prev = e.hash
                after = e.seq
                claims.read(e)
                events.append(e)
            }
        }
        var problems = try await creationProblems(source, claims)
        let loaded = Set(events.filter { $0.action == "plan.load" }.compactMap { $0.after["version"]?.int.map(Int64.init) })
        if !loaded.isEmpty { problems += try await PlanFileVerifier.problems(source, events: events, versions: loaded) }
        let first = problems.min { ($0.seq ?? .max) < ($1.seq ?? .max) }
        let head = events.last.map { AuditCheckpoint(seq: $0.seq, hash: $0.hash) } ?? checkpoint
        return AuditVerification(events: events.count, facts: claims.creations.reduce(0) { $0 + $1.count }, firstProblem: first,
                                 head: first == nil ? head : nil)
    }

    /// Why `e` does not belong at `seq` after an event whose hash is `prev`, if it does not.
    private static func link(_ e: AuditEvent, seq: Int64, prev: String) -> AuditVerification.Problem? {
        if e.seq != seq { return .init(seq: seq, message: "event #\(seq) is missing (found #\(e.seq) in its place)") }
        if e.prevHash != prev { return .init(seq: e.seq, message: "its link to the previous event is broken (prevHash does not match)") }
        if !e.isIntact { return .init(seq: e.seq, message: "its content was changed after it was written (hash does not match)") }
        return nil
    }

    /// Facts the claimed creations wrote that are missing or whose values changed.
    private static func creationProblems(_ source: some AuditSource, _ claims: AuditClaims) async throws -> [AuditVerification.Problem] {
        var problems: [AuditVerification.Problem] = []
        for kind in FactKind.allCases {
            for c in claims.creations.filter({ $0.table == kind.table }).sorted(by: { $0.from < $1.from }) {
                let (count, digest) = try await source.factDigest(kind, from: c.from, to: c.to)
                if count != c.count {
                    problems.append(.init(seq: c.seq, message: "\(kind.table) \(c.from)–\(c.to): \(c.count) facts were written but \(count) are there"))
                } else if digest != c.digest {
                    problems.append(.init(seq: c.seq, message: "\(kind.table) \(c.from)–\(c.to): a fact's values were changed after they were written"))
                }
            }
        }
        return problems
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
