/// Observations grouped by indicator, so that assessing 100,000 indicators over millions of
/// facts is a linear scan with no per-fact allocation, and the table of one indicator's values is
/// found at once.
///
/// Built once per fact set: input already grouped by indicator is used as is, anything else is
/// grouped by a counting sort. `series(for:asOf:)` then resolves the current revision of each
/// period as of any date. The table is the only copy of the observations a server holds.
public struct ObservationTable: Sendable {
    /// How many observations name an indicator the plan does not have.
    public let unmatchedCount: Int
    /// Entries of indicator `i` are `offsets[i]..<offsets[i + 1]`; unmatched ones follow the last.
    private let offsets: [Int]
    private let log: ObservationLog
    /// Indicators with facts added since the log was grouped, each with all of its facts in a
    /// table of its own. Adding an approval then copies one indicator's facts, not everyone's,
    /// and the big columns stay shared between the old read model and the new.
    private var amended: [Int: ObservationTable] = [:]
    /// How many facts the amendments hold; past a share of the log they are merged in.
    private var amendedCount = 0

    /// A table of `log`; handed a log no one else holds (`consume`), it reorders it in place.
    public init(_ log: consuming ObservationLog, index: PlanIndex) {
        let positions = Self.positions(of: log, index: index)
        self.init(consume log, positions: positions, indicatorCount: index.indicators.count)
    }

    /// The plan position of each of the log's strings that is an indicator id (-1 otherwise).
    private static func positions(of log: ObservationLog, index: PlanIndex) -> [Int32] {
        var positions = [Int32](repeating: -2, count: log.strings.count)
        for ref in log.indicator where positions[Int(ref)] == -2 {
            positions[Int(ref)] = Int32(index.indicatorIndex[log.strings[ref]] ?? -1)
        }
        return positions
    }

    private init(_ log: consuming ObservationLog, positions: [Int32], indicatorCount: Int) {
        var counts = [Int](repeating: 0, count: indicatorCount + 2)
        var grouped = true
        var previous: Int32 = -1
        for ref in log.indicator {
            var p = positions[Int(ref)]
            if p < 0 { p = Int32(indicatorCount) }
            counts[Int(p) + 1] += 1
            if p < previous { grouped = false }
            previous = p
        }
        for i in 0...indicatorCount { counts[i + 1] += counts[i] }
        unmatchedCount = counts[indicatorCount + 1] - counts[indicatorCount]
        offsets = Array(counts.dropLast())
        if grouped {
            self.log = log
            return
        }
        var next = offsets
        var order = [Int32](repeating: 0, count: log.count)
        for (j, ref) in log.indicator.enumerated() {
            var p = Int(positions[Int(ref)])
            if p < 0 { p = indicatorCount }
            order[next[p]] = Int32(j)
            next[p] += 1
        }
        var reordered = consume log
        reordered.gather(order)
        self.log = reordered
    }

    /// Every observation, amendments included.
    public var count: Int {
        log.count + amendedCount - amended.keys.reduce(0) { $0 + offsets[$1 + 1] - offsets[$1] }
    }

    private var indicatorCount: Int { offsets.count - 1 }

    /// This table with more observations. Only the indicators they name are rebuilt; a fact whose
    /// id the table already holds is left out, so adding the same approval twice changes nothing.
    /// Once the amendments hold more than `compactingPast` facts (by default a quarter of the
    /// log, at least 65,536), everything is merged into one log again.
    public func adding(_ more: ObservationLog, index: PlanIndex, compactingPast: Int? = nil) -> ObservationTable {
        var table = self
        let positions = Self.positions(of: more, index: index)
        var byIndicator: [Int: [Int]] = [:]
        var unmatched: [Int] = []
        for j in 0..<more.count {
            let p = Int(positions[Int(more.indicator[j])])
            if p < 0 { unmatched.append(j) } else { byIndicator[p, default: []].append(j) }
        }
        for (i, entries) in byIndicator {
            var merged = table.entries(of: i)
            let before = merged.count
            var known = Set(merged.id)
            var t = ObservationLog.Translation(from: more)
            for j in entries where known.insert(more.id[j]).inserted { merged.append(entry: j, of: more, translation: &t) }
            guard merged.count > before else { continue }
            table.amendedCount += merged.count - (table.amended[i]?.log.count ?? 0)
            table.amended[i] = ObservationTable(grouped: merged, offsets: [0, merged.count])
        }
        var extra = ObservationLog()
        var known = Set(log.id[offsets[indicatorCount]...])
        var t = ObservationLog.Translation(from: more)
        for j in unmatched where known.insert(more.id[j]).inserted { extra.append(entry: j, of: more, translation: &t) }
        let compact = !extra.isEmpty || table.amendedCount > (compactingPast ?? max(65_536, log.count / 4))
        return compact ? table.compacted(with: extra) : table
    }

    private init(grouped log: ObservationLog, offsets: [Int]) {
        self.log = log
        self.offsets = offsets
        unmatchedCount = log.count - offsets[offsets.count - 1]
    }

    /// The facts of indicator `i`, as a log of their own.
    private func entries(of i: Int) -> ObservationLog {
        if let own = amended[i] { return own.log }
        var out = ObservationLog()
        out.append(range: offsets[i]..<offsets[i + 1], of: log)
        return out
    }

    /// The same table with its amendments (and `extra` facts of indicators the plan does not
    /// have) merged into one log.
    private func compacted(with extra: ObservationLog) -> ObservationTable {
        var all = log.slice(0..<0)
        all.reserve(count + extra.count)
        var offsets = [0]
        for i in 0..<indicatorCount {
            if let own = amended[i] { all.append(contentsOf: own.log) } else { all.append(range: self.offsets[i]..<self.offsets[i + 1], ofPrefixOf: log) }
            offsets.append(all.count)
        }
        all.append(range: self.offsets[indicatorCount]..<log.count, ofPrefixOf: log)
        all.append(contentsOf: extra)
        return ObservationTable(grouped: all, offsets: offsets)
    }

    /// Every observation of indicator `i` (all revisions), in the order of the table of values:
    /// by period, then as recorded.
    public func history(of i: Int) -> [Observation] {
        if let own = amended[i] { return own.history(of: 0) }
        let log = self.log
        return (offsets[i]..<offsets[i + 1]).sorted { a, b in
            let (pa, pb) = (log.periods[Int(log.period[a])], log.periods[Int(log.period[b])])
            if pa != pb { return pa < pb }
            if log.recordedAt[a] != log.recordedAt[b] { return log.recordedAt[a] < log.recordedAt[b] }
            return log.id[a] < log.id[b]
        }.map { log[$0] }
    }

    /// The observations known as of `asOf` that name a source, in id order: what the list of
    /// sources is made from. Only the columns are scanned, so a national plan whose facts carry
    /// no source costs a pass over two arrays, not ten million `Observation`s.
    public func cited(asOf: AsOf) -> [Observation] {
        let cutoff = asOf.cutoff.seconds
        var out: [Observation] = []
        func scan(_ log: ObservationLog, _ range: Range<Int>) {
            for j in range where log.source[j] >= 0 && log.recordedAt[j] < cutoff && log.approvedAt[j] < cutoff { out.append(log[j]) }
        }
        var start = 0
        for i in amended.keys.sorted() {
            scan(log, start..<offsets[i])
            start = offsets[i + 1]
        }
        scan(log, start..<log.count)
        for own in amended.values { scan(own.log, 0..<own.log.count) }
        return out.sorted { $0.record.id < $1.record.id }
    }

    /// Every observation, of indicators the plan has or not, as one log in id order.
    public var all: ObservationLog { ObservationLog(inIdOrder) }

    /// Every observation (of indicators the plan has or not) in id order, read from the
    /// columns as they are: how the open-data file of ten million facts is written.
    public var inIdOrder: ObservationsInIdOrder {
        var parts: [ObservationsInIdOrder.Part] = []
        var start = 0
        let amendedIndicators = amended.keys.sorted()
        for i in amendedIndicators {
            parts.append(.init(log: log, range: start..<offsets[i]))
            start = offsets[i + 1]
        }
        parts.append(.init(log: log, range: start..<log.count))
        for i in amendedIndicators { parts.append(.init(log: amended[i]!.log, range: 0..<amended[i]!.log.count)) }
        return ObservationsInIdOrder(parts)
    }

    /// The current value of each period and basis of indicator `i`, as known on `asOf`, in period order.
    ///
    /// A fact counts when its period has ended, it was recorded and approved before the end
    /// of the day, and no revision also known by then (whatever its own period) supersedes it. Of
    /// several revisions for one period, the latest recorded wins, so input order never matters.
    /// Two recorded at the same instant are ordered by id, which is never a row's place: a store
    /// numbers facts in the order it records them (and refuses two for one period in one file or
    /// request, the only way to share an instant), and a facts file, whose ids are line numbers,
    /// refuses such a pair (`FactsCSV`).
    /// Values counted on different bases (`Observation.basis`) for one period are different figures:
    /// both stand, the plan's own basis first, then the others by name.
    public func series(for i: Int, asOf: AsOf, scratch: inout [Int]) -> [SeriesPoint] {
        if let own = amended[i] { return own.series(for: 0, asOf: asOf, scratch: &scratch) }
        let range = offsets[i]..<offsets[i + 1]
        guard !range.isEmpty else { return [] }
        let cutoff = asOf.cutoff.seconds
        let today = Int32(asOf.day.ordinal)
        scratch.removeAll(keepingCapacity: true)
        var replaced: Set<Int64> = []
        var sorted = true
        let log = self.log
        log.recordedAt.withUnsafeBufferPointer { recorded in
            log.approvedAt.withUnsafeBufferPointer { approved in
                log.period.withUnsafeBufferPointer { period in
                    log.periodEnd.withUnsafeBufferPointer { end in
                        for j in range where recorded[j] < cutoff && approved[j] < cutoff {
                            // A correction known by D replaces what it corrects at once, even
                            // while its own period has not ended (method §2, condition ④).
                            if log.supersedes[j] >= 0 { replaced.insert(log.supersedes[j]) }
                            guard end[Int(period[j])] <= today else { continue }
                            if sorted, let last = scratch.last, !precedes(last, j) { sorted = false }
                            scratch.append(j)
                        }
                    }
                }
            }
        }
        if !replaced.isEmpty {
            scratch.removeAll { replaced.contains(log.id[$0]) }
        }
        guard !scratch.isEmpty else { return [] }
        if !sorted {
            // Facts come in id order, which is period order but for the odd late revision: an
            // insertion sort puts those few in place in one pass.
            if scratch.count <= 1024 { insertionSort(&scratch) } else { scratch.sort { precedes($0, $1) } }
        }
        var points: [SeriesPoint] = []
        points.reserveCapacity(scratch.count)
        for (k, j) in scratch.enumerated() {
            if k + 1 < scratch.count, log.period[scratch[k + 1]] == log.period[j], log.basis[scratch[k + 1]] == log.basis[j] { continue }
            let v = log.value[j]
            let p = Int(log.period[j])
            points.append(SeriesPoint(period: log.periods[p], value: v.isNaN ? nil : v, text: log.string(log.text[j]),
                                      status: log.provisional[j] ? .provisional : .final, factId: log.id[j], t: Int(log.periodEnd[p]),
                                      basis: log.string(log.basis[j])))
        }
        return points
    }

    @inline(__always)
    private func insertionSort(_ entries: inout [Int]) {
        for k in 1..<entries.count {
            let j = entries[k]
            var m = k
            while m > 0 && precedes(j, entries[m - 1]) {
                entries[m] = entries[m - 1]
                m -= 1
            }
            entries[m] = j
        }
    }

    /// Period order (end, then longer periods last), then basis (the plan's own first, then by
    /// name, so the order never depends on how strings were numbered), then the revision order
    /// for one period: recording time, then id (the store's recording order; see `series`).
    @inline(__always)
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let (pa, pb) = (Int(log.period[a]), Int(log.period[b]))
        if pa != pb {
            if log.periodEnd[pa] != log.periodEnd[pb] { return log.periodEnd[pa] < log.periodEnd[pb] }
            if log.periodStart[pa] != log.periodStart[pb] { return log.periodStart[pa] > log.periodStart[pb] }
            return log.periods[pa].key < log.periods[pb].key
        }
        if log.basis[a] != log.basis[b] {
            guard log.basis[a] >= 0 else { return true }
            guard log.basis[b] >= 0 else { return false }
            return log.strings[log.basis[a]] < log.strings[log.basis[b]]
        }
        if log.recordedAt[a] != log.recordedAt[b] { return log.recordedAt[a] < log.recordedAt[b] }
        return log.id[a] < log.id[b]
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
