/// Observations as parallel columns of plain numbers, one entry per fact (about 65 bytes each):
/// the compact form the assessment scans, and the form a store or a benchmark fills directly
/// without building millions of structs.
public struct ObservationColumns: Sendable {
    /// Position of the indicator in `PlanIndex.indicators`, or -1 for an indicator the plan does not have.
    public var indicator: [Int32] = []
    public var periodKey: [Int64] = []
    public var periodStart: [Int32] = []
    public var periodEnd: [Int32] = []
    /// NaN when the fact carries words instead of a number.
    public var value: [Double] = []
    /// Index into `texts`, or -1.
    public var textIndex: [Int32] = []
    public var texts: [String] = []
    public var provisional: [Bool] = []
    public var recordedAt: [Int64] = []
    /// `Int64.max` while not approved.
    public var approvedAt: [Int64] = []
    public var id: [Int64] = []
    /// -1 when the fact supersedes nothing.
    public var supersedes: [Int64] = []

    public init() {}

    public var count: Int { id.count }

    public mutating func reserve(_ n: Int) {
        indicator.reserveCapacity(n); periodKey.reserveCapacity(n); periodStart.reserveCapacity(n); periodEnd.reserveCapacity(n)
        value.reserveCapacity(n); textIndex.reserveCapacity(n); provisional.reserveCapacity(n); recordedAt.reserveCapacity(n)
        approvedAt.reserveCapacity(n); id.reserveCapacity(n); supersedes.reserveCapacity(n)
    }

    public mutating func append(indicator: Int32, period: Period, value: Double?, text: String?, provisional: Bool,
                                recordedAt: Int64, approvedAt: Int64?, id: Int64, supersedes: Int64?) {
        self.indicator.append(indicator)
        periodKey.append(period.key)
        periodStart.append(Int32(period.start.ordinal))
        periodEnd.append(Int32(period.end.ordinal))
        self.value.append(value ?? .nan)
        if let text {
            textIndex.append(Int32(texts.count))
            texts.append(text)
        } else {
            textIndex.append(-1)
        }
        self.provisional.append(provisional)
        self.recordedAt.append(recordedAt)
        self.approvedAt.append(approvedAt ?? .max)
        self.id.append(id)
        self.supersedes.append(supersedes ?? -1)
    }

    /// Appends entry `j` of `other`, under indicator position `indicator`.
    mutating func append(entry j: Int, of other: ObservationColumns, indicator: Int32) {
        self.indicator.append(indicator)
        periodKey.append(other.periodKey[j])
        periodStart.append(other.periodStart[j])
        periodEnd.append(other.periodEnd[j])
        value.append(other.value[j])
        if other.textIndex[j] >= 0 {
            textIndex.append(Int32(texts.count))
            texts.append(other.texts[Int(other.textIndex[j])])
        } else {
            textIndex.append(-1)
        }
        provisional.append(other.provisional[j])
        recordedAt.append(other.recordedAt[j])
        approvedAt.append(other.approvedAt[j])
        id.append(other.id[j])
        supersedes.append(other.supersedes[j])
    }

    public init(_ observations: [Observation], index: PlanIndex) {
        reserve(observations.count)
        for o in observations {
            append(indicator: Int32(index.indicatorIndex[o.indicatorId] ?? -1), period: o.period, value: o.value, text: o.text,
                   provisional: o.status == .provisional, recordedAt: o.record.recordedAt.seconds,
                   approvedAt: o.record.approvedAt?.seconds, id: o.record.id, supersedes: o.record.supersedes)
        }
    }

    /// Whether entries are already grouped by indicator (non-decreasing), as a store returns them.
    var isGrouped: Bool {
        var previous: Int32 = .min
        for i in indicator {
            if i < previous { return false }
            previous = i
        }
        return true
    }

    /// The columns reordered by `order`.
    func gathered(_ order: [Int32]) -> ObservationColumns {
        var c = ObservationColumns()
        c.indicator = order.map { indicator[Int($0)] }
        c.periodKey = order.map { periodKey[Int($0)] }
        c.periodStart = order.map { periodStart[Int($0)] }
        c.periodEnd = order.map { periodEnd[Int($0)] }
        c.value = order.map { value[Int($0)] }
        c.textIndex = order.map { textIndex[Int($0)] }
        c.texts = texts
        c.provisional = order.map { provisional[Int($0)] }
        c.recordedAt = order.map { recordedAt[Int($0)] }
        c.approvedAt = order.map { approvedAt[Int($0)] }
        c.id = order.map { id[Int($0)] }
        c.supersedes = order.map { supersedes[Int($0)] }
        return c
    }
}

/// Observations grouped by indicator in compact columns, so that assessing 100,000 indicators
/// over millions of facts is a linear scan with no per-fact allocation.
///
/// Built once per fact set; input already grouped by indicator (as a store returns it) is used
/// as is, anything else is grouped by a counting sort. `series(for:asOf:)` then resolves the
/// current revision of each period as of any date.
public struct ObservationTable: Sendable {
    /// How many observations name an indicator the plan does not have.
    public let unmatchedCount: Int
    private let offsets: [Int]
    private let c: ObservationColumns
    /// Indicators with facts added since the columns were built, each with all of its facts in a
    /// table of its own. Adding an approval then copies one indicator's facts, not everyone's,
    /// and the big columns stay shared between the old read model and the new.
    private var amended: [Int: ObservationTable] = [:]
    /// How many facts the amendments hold; past a share of the columns they are merged in.
    private var amendedCount = 0

    public init(_ observations: [Observation], index: PlanIndex) {
        self.init(columns: ObservationColumns(observations, index: index), indicatorCount: index.indicators.count)
    }

    public init(columns: ObservationColumns, indicatorCount: Int) {
        var counts = [Int](repeating: 0, count: indicatorCount + 1)
        var unmatched = 0
        for ind in columns.indicator {
            if ind < 0 || Int(ind) >= indicatorCount { unmatched += 1 } else { counts[Int(ind) + 1] += 1 }
        }
        for i in 0..<indicatorCount { counts[i + 1] += counts[i] }
        unmatchedCount = unmatched
        if unmatched == 0 && columns.isGrouped {
            offsets = counts
            c = columns
            return
        }
        var next = Array(counts.dropLast())
        var order = [Int32](repeating: 0, count: counts[indicatorCount])
        for (i, ind) in columns.indicator.enumerated() where ind >= 0 && Int(ind) < indicatorCount {
            order[next[Int(ind)]] = Int32(i)
            next[Int(ind)] += 1
        }
        offsets = counts
        c = columns.gathered(order)
    }

    public var count: Int {
        c.count + unmatchedCount + amendedCount - amended.keys.reduce(0) { $0 + offsets[$1 + 1] - offsets[$1] }
    }

    private var indicatorCount: Int { offsets.count - 1 }

    /// This table with more observations (of the same plan's indicators, positions as in
    /// `ObservationColumns.indicator`). Only the indicators they name are rebuilt; a fact whose id
    /// the indicator already holds is left out, so adding the same approval twice changes nothing.
    /// Once the amendments hold more than `compactingPast` facts (by default a quarter of the
    /// columns, at least 65,536), everything is merged into new columns.
    public func adding(_ more: ObservationColumns, compactingPast: Int? = nil) -> ObservationTable {
        var table = self
        var byIndicator: [Int: [Int]] = [:]
        var unmatched = 0
        for j in 0..<more.count {
            let ind = Int(more.indicator[j])
            if ind < 0 || ind >= indicatorCount { unmatched += 1 } else { byIndicator[ind, default: []].append(j) }
        }
        for (i, entries) in byIndicator {
            var merged = table.columns(of: i)
            let before = merged.count
            var known = Set(merged.id)
            for j in entries where known.insert(more.id[j]).inserted { merged.append(entry: j, of: more, indicator: 0) }
            guard merged.count > before else { continue }
            table.amendedCount += merged.count - (table.amended[i].map { $0.c.count } ?? 0)
            table.amended[i] = ObservationTable(columns: merged, indicatorCount: 1)
        }
        let result = ObservationTable(base: table, unmatched: unmatched)
        return result.amendedCount > (compactingPast ?? max(65_536, c.count / 4)) ? result.compacted() : result
    }

    private init(base: ObservationTable, unmatched: Int) {
        unmatchedCount = base.unmatchedCount + unmatched
        offsets = base.offsets
        c = base.c
        amended = base.amended
        amendedCount = base.amendedCount
    }

    /// The facts of indicator `i`, as columns of a one-indicator table.
    private func columns(of i: Int) -> ObservationColumns {
        if let own = amended[i] { return own.c }
        var out = ObservationColumns()
        out.reserve(offsets[i + 1] - offsets[i])
        for j in offsets[i]..<offsets[i + 1] { out.append(entry: j, of: c, indicator: 0) }
        return out
    }

    /// The same table with its amendments merged into one set of columns.
    private func compacted() -> ObservationTable {
        var all = ObservationColumns()
        all.reserve(c.count + amendedCount)
        for i in 0..<indicatorCount {
            if let own = amended[i] {
                for j in 0..<own.c.count { all.append(entry: j, of: own.c, indicator: Int32(i)) }
            } else {
                for j in offsets[i]..<offsets[i + 1] { all.append(entry: j, of: c, indicator: Int32(i)) }
            }
        }
        let table = ObservationTable(columns: all, indicatorCount: indicatorCount)
        return ObservationTable(base: table, unmatched: unmatchedCount)
    }

    /// The current value of each period of indicator `i`, as known on `asOf`, in period order.
    ///
    /// A fact counts when its period has ended, it was recorded and approved before the end
    /// of the day, and no revision also known by then supersedes it. Of several revisions for
    /// one period, the latest recorded wins (ties broken by id), so input order never matters.
    public func series(for i: Int, asOf: AsOf, scratch: inout [Int]) -> [SeriesPoint] {
        if let own = amended[i] { return own.series(for: 0, asOf: asOf, scratch: &scratch) }
        let range = offsets[i]..<offsets[i + 1]
        guard !range.isEmpty else { return [] }
        let cutoff = asOf.cutoff.seconds
        let today = Int32(asOf.day.ordinal)
        scratch.removeAll(keepingCapacity: true)
        var anySupersedes = false
        var sorted = true
        c.recordedAt.withUnsafeBufferPointer { recorded in
            c.approvedAt.withUnsafeBufferPointer { approved in
                c.periodEnd.withUnsafeBufferPointer { end in
                    for j in range where recorded[j] < cutoff && approved[j] < cutoff && end[j] <= today {
                        if sorted, let last = scratch.last, !precedes(last, j) { sorted = false }
                        scratch.append(j)
                        if c.supersedes[j] >= 0 { anySupersedes = true }
                    }
                }
            }
        }
        if anySupersedes {
            let replaced = Set(scratch.compactMap { c.supersedes[$0] >= 0 ? c.supersedes[$0] : nil })
            scratch.removeAll { replaced.contains(c.id[$0]) }
        }
        guard !scratch.isEmpty else { return [] }
        if !sorted { scratch.sort { precedes($0, $1) } }
        var points: [SeriesPoint] = []
        points.reserveCapacity(scratch.count)
        for (k, j) in scratch.enumerated() {
            if k + 1 < scratch.count, c.periodKey[scratch[k + 1]] == c.periodKey[j] { continue }
            let v = c.value[j]
            points.append(SeriesPoint(period: Period(key: c.periodKey[j]), value: v.isNaN ? nil : v,
                                      text: c.textIndex[j] >= 0 ? c.texts[Int(c.textIndex[j])] : nil,
                                      status: c.provisional[j] ? .provisional : .final, factId: c.id[j], t: Int(c.periodEnd[j])))
        }
        return points
    }

    /// Period order (end, then longer periods last), then the revision order for one period.
    @inline(__always)
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        if c.periodEnd[a] != c.periodEnd[b] { return c.periodEnd[a] < c.periodEnd[b] }
        if c.periodStart[a] != c.periodStart[b] { return c.periodStart[a] > c.periodStart[b] }
        if c.periodKey[a] != c.periodKey[b] { return c.periodKey[a] < c.periodKey[b] }
        if c.recordedAt[a] != c.recordedAt[b] { return c.recordedAt[a] < c.recordedAt[b] }
        return c.id[a] < c.id[b]
    }
}

extension Period {
    /// A number unique to the period, ordered like the periods of one granularity.
    public var key: Int64 {
        (Int64(granularity.rawValue) << 40) | (Int64(year) << 16) | (Int64(index) << 8) | Int64(dayOfMonth)
    }

    /// The period a `key` stands for.
    init(key: Int64) {
        self = Period(validKey: key)!
    }

    /// The period a `key` stands for, or nil when no period has that key.
    init?(validKey key: Int64) {
        guard key >= 0, let g = Granularity(rawValue: Int(key >> 40)) else { return nil }
        let year = Int((key >> 16) & 0xFFFFFF)
        let index = Int((key >> 8) & 0xFF)
        let day = Int(key & 0xFF)
        let period: Period?
        switch g {
        case .year: period = .year(year)
        case .half: period = .half(year, index)
        case .quarter: period = .quarter(year, index)
        case .month: period = .month(year, index)
        case .day: period = .day(year, index, day)
        }
        guard let period, period.key == key else { return nil }
        self = period
    }
}

/// A period is stored as its key: one number, checked when read back.
extension Period: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let key = try container.decode(Int64.self)
        guard let period = Period(validKey: key) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no period has the key \(key)")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}
