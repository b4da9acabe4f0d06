import Crypto
import PlanCore

/// A value of one immutable fact column, rendered the same way whether it comes from the
/// entry being written or from the row read back, so a digest can be recomputed later.
public enum DigestValue: Hashable, Sendable {
    case null
    case int(Int64)
    case real(Double)
    case text(String)

    /// Decimal digits of `i`, without making a String.
    static func appendDecimal(_ i: Int64, to line: inout [UInt8]) {
        if i < 0 { line.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        if m == 0 {
            line.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while m > 0 {
                d[n] = UInt8(m % 10) + 48
                m /= 10
                n += 1
            }
            for k in stride(from: n - 1, through: 0, by: -1) { line.append(d[k]) }
        }
    }

    func append(to line: inout [UInt8]) {
        switch self {
        case .null:
            line.append(0x00)
        case .int(let i):
            line.append(UInt8(ascii: "i"))
            Self.appendDecimal(i, to: &line)
        case .real(let d):
            line.append(UInt8(ascii: "r"))
            line.append(contentsOf: JSONValue.format(d).utf8)
        case .text(let s):
            line.append(UInt8(ascii: "t"))
            line.append(contentsOf: s.utf8)
        }
    }
}

/// SHA-256 over the immutable columns of a run of facts, in id order: what an audit event
/// commits to when it creates facts.
public struct FactDigest {
    private var hasher = SHA256()
    public private(set) var count = 0

    public init() {}

    private var line: [UInt8] = []

    public mutating func add(_ row: [DigestValue]) {
        line.removeAll(keepingCapacity: true)
        for (i, v) in row.enumerated() {
            if i > 0 { line.append(0x1F) }
            v.append(to: &line)
        }
        line.append(0x1E)
        hasher.update(data: line)
        count += 1
    }

    /// Adds a fact's immutable columns (the same bytes as `add(fact.digestRow)`, without the array).
    public mutating func add(_ fact: StoredFact) {
        add(fact.digestRow)
    }

    public func finalize() -> String { hasher.finalize().hex }
}

extension FactKind {
    /// The type each immutable column is rendered as (see `immutableColumns`).
    public enum ColumnType: Sendable { case int, real, text }

    public var immutableColumnTypes: [ColumnType] {
        immutableColumns.map { column in
            switch column {
            case "id", "recorded_at", "supersedes", "plan_version", "import_id", "fiscal_year", "allocated", "executed", "year", "jobs":
                return .int
            case "value": return .real
            default: return .text
            }
        }
    }
}

extension StoredFact {
    /// The immutable columns in `FactKind.immutableColumns` order.
    public var digestRow: [DigestValue] {
        func text(_ s: String?) -> DigestValue { s.map { .text($0) } ?? .null }
        func int(_ i: Int64?) -> DigestValue { i.map { .int($0) } ?? .null }
        let common: [DigestValue] = [
            .int(id), .text(entry.valueStatus.rawValue), text(entry.source), text(entry.note), .int(recordedAt.seconds),
            .text(recordedBy), int(entry.supersedes), int(planVersion), int(importId),
        ] + DigestValue.provenance(entry.provenance?.columnValues ?? [])
        switch entry.draft {
        case let .observation(indicatorId, period, value, t, basis):
            return [.text(indicatorId), .text(period.iso), value.map { .real($0) } ?? .null, text(t)] + common + DigestValue.later([basis])
        case let .budget(projectId, fiscalYear, allocated, executed):
            return [.text(projectId), .int(Int64(fiscalYear)), .int(allocated), .int(executed)] + common
        case let .jobs(projectId, year, jobs):
            return [.text(projectId), .int(Int64(year)), .int(jobs)] + common
        case let .taskStatus(taskId, day, progress, evidence):
            return [.text(taskId), .text(day.iso), .text(progress.rawValue), .text(evidence)] + common
        }
    }
}

extension DigestValue {
    /// A fact's provenance columns as the digest hashes them: after the common columns, and only
    /// when one of them is set. A fact without provenance (every fact written before migration 6)
    /// hashes exactly as before, so audit events recorded then still verify; a fact with one
    /// commits to every part, so blanking a source afterwards breaks the chain.
    public static func provenance(_ values: [String?]) -> [DigestValue] {
        guard values.contains(where: { $0 != nil }) else { return [] }
        return values.map { $0.map(DigestValue.text) ?? .null }
    }

    /// A fact's `FactKind.laterColumns` as the digest hashes them: last, and only when one is set,
    /// so every event written before they existed (and every fact without them) verifies as before.
    public static func later(_ values: [String?]) -> [DigestValue] {
        provenance(values)
    }
}
