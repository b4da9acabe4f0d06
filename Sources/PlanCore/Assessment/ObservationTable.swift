/// Observations grouped by indicator in compact columns, so that assessing 100,000 indicators
/// over millions of facts is a linear scan with no per-fact allocation.
///
/// Built once per fact set (a counting sort by indicator); `series(for:asOf:)` then resolves
/// the current revision of each period as of any date.
public struct ObservationTable: Sendable {
    public let observations: [Observation]
    /// Observations whose indicator is not in the plan (for example, dropped in a later version).
    public let unmatched: [Int]
    private let offsets: [Int]
    private let source: [Int32]
    private let periodEnd: [Int32]
    private let periodStart: [Int32]
    private let periodKey: [Int64]
    private let recordedAt: [Int64]
    private let approvedAt: [Int64]
    private let factId: [Int64]
    private let supersedes: [Int64]

    public init(_ observations: [Observation], index: PlanIndex) {
        let indicatorOf: [Int] = observations.map { index.indicatorIndex[$0.indicatorId] ?? -1 }
        self.init(observations, indicatorOf: indicatorOf, indicatorCount: index.indicators.count)
    }

    /// Builds the table when each observation's indicator position is already known (`-1` for none).
    public init(_ observations: [Observation], indicatorOf: [Int], indicatorCount: Int) {
        self.observations = observations
        var counts = [Int](repeating: 0, count: indicatorCount + 1)
        var unmatched: [Int] = []
        for (i, ind) in indicatorOf.enumerated() {
            if ind < 0 { unmatched.append(i) } else { counts[ind + 1] += 1 }
        }
        for i in 0..<indicatorCount { counts[i + 1] += counts[i] }
        offsets = counts
        var next = Array(counts.dropLast())
        let n = counts[indicatorCount]
        var source = [Int32](repeating: 0, count: n)
        for (i, ind) in indicatorOf.enumerated() where ind >= 0 {
            source[next[ind]] = Int32(i)
            next[ind] += 1
        }
        self.source = source
        self.unmatched = unmatched
        var periodEnd = [Int32](repeating: 0, count: n), periodStart = periodEnd
        var periodKey = [Int64](repeating: 0, count: n), recordedAt = periodKey, approvedAt = periodKey
        var factId = periodKey, supersedes = periodKey
        for j in 0..<n {
            let o = observations[Int(source[j])]
            periodEnd[j] = Int32(o.period.end.ordinal)
            periodStart[j] = Int32(o.period.start.ordinal)
            periodKey[j] = o.period.key
            recordedAt[j] = o.record.recordedAt.seconds
            approvedAt[j] = o.record.approvedAt?.seconds ?? .max
            factId[j] = o.record.id
            supersedes[j] = o.record.supersedes ?? -1
        }
        self.periodEnd = periodEnd
        self.periodStart = periodStart
        self.periodKey = periodKey
        self.recordedAt = recordedAt
        self.approvedAt = approvedAt
        self.factId = factId
        self.supersedes = supersedes
    }

    public var count: Int { observations.count }

    /// The current value of each period of indicator `i`, as known on `asOf`, in period order.
    ///
    /// A fact counts when its period has ended, it was recorded and approved before the end
    /// of the day, and no revision also known by then supersedes it. Of several revisions for
    /// one period, the latest recorded wins (ties broken by id), so input order never matters.
    public func series(for i: Int, asOf: AsOf, scratch: inout [Int]) -> [SeriesPoint] {
        let range = offsets[i]..<offsets[i + 1]
        guard !range.isEmpty else { return [] }
        let cutoff = asOf.cutoff.seconds
        let today = Int32(asOf.day.ordinal)
        scratch.removeAll(keepingCapacity: true)
        var anySupersedes = false
        for j in range where recordedAt[j] < cutoff && approvedAt[j] < cutoff && periodEnd[j] <= today {
            scratch.append(j)
            if supersedes[j] >= 0 { anySupersedes = true }
        }
        if anySupersedes {
            let replaced = Set(scratch.compactMap { supersedes[$0] >= 0 ? supersedes[$0] : nil })
            scratch.removeAll { replaced.contains(factId[$0]) }
        }
        guard !scratch.isEmpty else { return [] }
        scratch.sort { a, b in
            if periodEnd[a] != periodEnd[b] { return periodEnd[a] < periodEnd[b] }
            if periodStart[a] != periodStart[b] { return periodStart[a] > periodStart[b] }
            if periodKey[a] != periodKey[b] { return periodKey[a] < periodKey[b] }
            if recordedAt[a] != recordedAt[b] { return recordedAt[a] < recordedAt[b] }
            return factId[a] < factId[b]
        }
        var points: [SeriesPoint] = []
        points.reserveCapacity(scratch.count)
        for (k, j) in scratch.enumerated() {
            if k + 1 < scratch.count, periodKey[scratch[k + 1]] == periodKey[j] { continue }
            let o = observations[Int(source[j])]
            points.append(SeriesPoint(period: o.period, value: o.value, text: o.text, status: o.status, factId: o.record.id))
        }
        return points
    }

    /// Every observation of indicator `i`, whatever its state, for the table of values and revisions.
    public func all(for i: Int) -> [Observation] {
        (offsets[i]..<offsets[i + 1]).map { observations[Int(source[$0])] }
    }
}

extension Period {
    /// A number unique to the period, ordered like the periods of one granularity.
    var key: Int64 {
        (Int64(granularity.rawValue) << 40) | (Int64(year) << 16) | (Int64(index) << 8) | Int64(dayOfMonth)
    }
}
