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
    /// period's reports are contiguous (a coarser report ends with the last of them).
    static func aggregate(_ points: [SeriesPoint], into granularity: Period.Granularity, today: Int) -> (points: [SeriesPoint], incomplete: [Period]) {
        var out: [SeriesPoint] = []
        var incomplete: [Period] = []
        var bucket: Period?
        var items: [SeriesPoint] = []
        func flush() {
            defer { items.removeAll(keepingCapacity: true) }
            guard let b = bucket, b.end.ordinal <= today else { return }
            let whole = items.last { $0.period == b }
            if let whole, whole.value != nil {
                out.append(whole)
                return
            }
            let parts = items.filter { $0.period != b && $0.value != nil }
            if var sum = total(of: b, from: parts) {
                // A report for the whole period in words annotates the sum of its parts.
                sum.text = whole?.text
                out.append(sum)
            } else {
                if !parts.isEmpty { incomplete.append(b) }
                if let whole { out.append(whole) }
            }
        }
        for p in points {
            guard let b = p.period.containing(granularity) else { continue }
            if b != bucket {
                flush()
                bucket = b
            }
            items.append(p)
        }
        flush()
        return (out, incomplete)
    }

    /// The figure for `period` from numeric reports inside it, or nil when they do not cover it.
    static func total(of period: Period, from parts: [SeriesPoint]) -> SeriesPoint? {
        guard !parts.isEmpty else { return nil }
        // Reports of one granularity, as many as the period holds: they tile it (one report a period).
        let g = parts[0].period.granularity
        if g > period.granularity, parts.allSatisfy({ $0.period.granularity == g }), parts.count == period.count(of: g) {
            return sum(parts, for: period)
        }
        if let own = parts.last(where: { $0.period == period }) { return own }
        var pieces: [SeriesPoint] = []
        for child in period.subperiods {
            let inside = parts.filter { child.contains($0.period) }
            guard let piece = total(of: child, from: inside) else { return nil }
            pieces.append(piece)
        }
        return pieces.isEmpty ? nil : sum(pieces, for: period)
    }

    /// One point for `period` adding up `parts`: provisional if any part is, with the newest fact id.
    private static func sum(_ parts: [SeriesPoint], for period: Period) -> SeriesPoint {
        var s = SeriesPoint(period: period, value: 0, status: .final, factId: parts[0].factId)
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
