/// Sums a per-period flow ("연 125만건") into the periods its target counts in.
///
/// A period's figure is its own report when there is a number for the whole of it; otherwise
/// the sum of reports that tile it without overlap, coarser reports first: a quarter's own
/// report stands for the quarter even when its months are reported too, so January–March are
/// never added beside Q1. A period its reports do not cover (January–June of a year) gets no
/// figure at all, neither the part as if it were the whole nor a guess at the rest: it is
/// returned as incomplete so the verdict can say so.
enum PerPeriodSeries {
    /// Figures for whole periods of `granularity` that have ended by `today`, and the ended
    /// periods with reports that do not cover them. `points` are in period order, so each
    /// period's reports are one run (a coarser report ends with the last of them and follows it).
    static func aggregate(_ points: [SeriesPoint], into granularity: Period.Granularity, today: Int) -> (points: [SeriesPoint], incomplete: [Period]) {
        var out: [SeriesPoint] = []
        var incomplete: [Period] = []
        var k = 0
        while k < points.count {
            guard let bucket = points[k].period.containing(granularity) else {
                k += 1
                continue
            }
            var end = k + 1
            while end < points.count, points[end].period.containing(granularity) == bucket { end += 1 }
            if bucket.end.ordinal <= today {
                switch figure(for: bucket, from: points[k..<end]) {
                case .point(let p): out.append(p)
                case .incomplete(let words):
                    incomplete.append(bucket)
                    if let words { out.append(words) }
                case .none: break
                }
            }
            k = end
        }
        return (out, incomplete)
    }

    private enum Figure {
        case point(SeriesPoint)
        /// The reports do not cover the period; a report for the whole of it in words, if any.
        case incomplete(SeriesPoint?)
        case none
    }

    /// One period's figure from its run of reports.
    private static func figure(for bucket: Period, from run: ArraySlice<SeriesPoint>) -> Figure {
        let whole = run.last { $0.period == bucket }
        if let whole, whole.value != nil { return .point(whole) }
        // Reports of one granularity, as many as the period holds, tile it (one report a period):
        // summed at once, which is every complete month, quarter or half of a plain series.
        var count = 0
        var granularity: Period.Granularity?
        var uniform = true
        for p in run where p.period != bucket && p.value != nil {
            count += 1
            if granularity == nil { granularity = p.period.granularity } else if p.period.granularity != granularity { uniform = false }
        }
        guard count > 0, let g = granularity else { return whole.map { .point($0) } ?? .none }
        let parts = run.lazy.filter { $0.period != bucket && $0.value != nil }
        var sum = uniform && g > bucket.granularity && count == bucket.count(of: g) ? add(parts, for: bucket) : nil
        if sum == nil { sum = total(of: bucket, from: Array(parts)) }
        guard var sum else { return .incomplete(whole) }
        // A report for the whole period in words annotates the sum of its parts.
        sum.text = whole?.text
        return .point(sum)
    }

    /// The figure for `period` from numeric reports inside it, or nil when they do not cover it.
    static func total(of period: Period, from parts: [SeriesPoint]) -> SeriesPoint? {
        guard !parts.isEmpty else { return nil }
        if let own = parts.last(where: { $0.period == period }) { return own }
        let g = parts[0].period.granularity
        if g > period.granularity, parts.allSatisfy({ $0.period.granularity == g }), parts.count == period.count(of: g) {
            return add(parts, for: period)
        }
        var pieces: [SeriesPoint] = []
        for child in period.subperiods {
            let inside = parts.filter { child.contains($0.period) }
            guard let piece = total(of: child, from: inside) else { return nil }
            pieces.append(piece)
        }
        return pieces.isEmpty ? nil : add(pieces, for: period)
    }

    /// One point for `period` adding up `parts`: provisional if any part is, with the newest fact id.
    private static func add(_ parts: some Sequence<SeriesPoint>, for period: Period) -> SeriesPoint {
        var s = SeriesPoint(period: period, value: 0, status: .final, factId: 0)
        for p in parts {
            s.value! += p.value!
            if p.status == .provisional { s.status = .provisional }
            s.factId = max(s.factId, p.factId)
        }
        return s
    }
}

extension Period {
    /// The period of `granularity` that contains this one, or nil when this one is coarser.
    public func containing(_ g: Granularity) -> Period? {
        guard granularity >= g else { return nil }
        let month = start.month
        switch g {
        case .year: return .year(year)
        case .half: return .half(year, month <= 6 ? 1 : 2)
        case .quarter: return .quarter(year, (month - 1) / 3 + 1)
        case .month: return .month(year, month)
        case .day: return self
        }
    }

    /// Whether `other` lies within this period.
    func contains(_ other: Period) -> Bool { start <= other.start && other.end <= end }

    /// The periods of the next finer granularity that tile this one: a year's halves, a half's
    /// quarters, a quarter's months, a month's days; none for a day.
    var subperiods: [Period] {
        switch granularity {
        case .year: return (1...2).map { .half(year, $0)! }
        case .half: return (2 * index - 1...2 * index).map { .quarter(year, $0)! }
        case .quarter: return (3 * index - 2...3 * index).map { .month(year, $0)! }
        case .month: return (1...CalendarDay.daysIn(month: index, year: year)).map { .day(year, index, $0)! }
        case .day: return []
        }
    }

    /// How many periods of the finer granularity `g` tile this one.
    func count(of g: Granularity) -> Int {
        let months = [12, 6, 3, 1]
        guard g != .day else { return end.ordinal - start.ordinal + 1 }
        return months[granularity.rawValue] / months[g.rawValue]
    }
}
