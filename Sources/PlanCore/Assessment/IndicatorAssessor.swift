/// Judges one indicator against its active milestone, as of a date, by the rules of
/// `docs/method.md` (DESIGN §4). Pure: the same indicator, series and date give the same verdict.
public enum IndicatorAssessor {
    /// - Parameter series: the indicator's current values as of `asOf`, one per period and basis, in
    ///   period order. Only those counted on the plan's own basis are judged (`ComparableSeries`).
    public static func assess(_ indicator: Indicator, series: [SeriesPoint], asOf: AsOf) -> IndicatorAssessment {
        let comparable = ComparableSeries(series)
        var result = assess(indicator, comparable: comparable.points, asOf: asOf)
        comparable.annotate(&result)
        return result
    }

    static func assess(_ indicator: Indicator, comparable series: [SeriesPoint], asOf: AsOf) -> IndicatorAssessment {
        guard !indicator.targets.isEmpty else {
            return IndicatorAssessment(indicatorId: indicator.id, status: .notYetAssessable, reason: .noData)
        }
        let today = asOf.day.ordinal
        let active = indicator.targets.firstIndex { $0.due.end >= asOf.day } ?? indicator.targets.count - 1
        var passed: [IndicatorAssessment.MilestoneVerdict] = []
        for index in 0..<active {
            let verdict = judge(indicator, targetIndex: index, series: series, today: today)
            passed.append(.init(targetIndex: index, due: indicator.targets[index].due, status: verdict.status,
                                value: verdict.latest?.value, valuePeriod: verdict.latest?.period, factId: verdict.latest?.factId))
        }
        var result = judge(indicator, targetIndex: active, series: series, today: today)
        result.passedMilestones = passed
        return result
    }

    /// The verdict against one target: final when its due date has passed, on the path otherwise.
    static func judge(_ indicator: Indicator, targetIndex: Int, series: [SeriesPoint], today: Int) -> IndicatorAssessment {
        let target = indicator.targets[targetIndex]
        var result = IndicatorAssessment(indicatorId: indicator.id, status: .notYetAssessable,
                                         milestoneIndex: targetIndex, milestone: target)
        let points = indicator.accumulation == .perPeriod
            ? PerPeriodSeries.aggregate(series, into: target.due.granularity, today: today)
            : series
        guard let yT = target.value else { return qualitative(result, points: points, due: target.due, today: today) }

        let y0: Double
        var basePeriod: Period
        if let b = indicator.baseline, let v = b.value {
            (y0, basePeriod) = (v, b.period)
        } else if let first = standInBaseline(points) {
            (y0, basePeriod) = (first.value!, first.period)
            result.flags.insert(.baselineFromFirstObservation)
        } else {
            result.reason = .noData
            return result
        }
        result.baselinePeriod = basePeriod
        result.baselineValue = y0
        let tT = target.due.end.ordinal
        var t0 = basePeriod.end.ordinal
        if tT <= t0 {
            if basePeriod.start.ordinal < tT {
                t0 = basePeriod.start.ordinal
                result.flags.insert(.baselineStartUsed)
            } else if tT >= today {
                result.reason = .noPathBeforeDue
                return result
            }
        }

        if tT < today {
            return final(result, indicator: indicator, target: target, yT: yT, points: points)
        }

        let after = points.filter { $0.value != nil && $0.t > t0 }
        guard let latest = after.last, let yi = latest.value else {
            result.reason = .noValueAfterBaseline
            return result
        }
        result.latest = latest
        if latest.status == .provisional { result.flags.insert(.provisionalValue) }
        // A level to hold: the plan asks for no change, or the baseline already meets the target.
        // A path from a baseline beyond the target would point the wrong way and reward decline.
        if yT == y0 || target.comparator.isMet(y0, target: yT) {
            result.flags.insert(yT == y0 ? .maintenanceTarget : .baselineMeetsTarget)
            result.status = target.comparator.isMet(yi, target: yT) ? .onTrack : .movingAway
            return result
        }
        if target.comparator.isMet(yi, target: yT) {
            result.status = .achieved
            return result
        }
        guard let path = PathRatio.compute(y0: y0, t0: t0, after: after.map { PathRatio.Point(t: $0.t, y: $0.value!) }, yT: yT, tT: tT,
                                           method: indicator.method == .cagr ? .cagr : .linear, bounds: indicator.bounds) else {
            result.reason = .noValueAfterBaseline
            return result
        }
        result.path = path
        result.method = path.method
        if path.projectionCapped { result.flags.insert(.projectionCapped) }
        if path.cagrFellBack { result.flags.insert(.cagrFellBackToLinear) }
        result.status = MinimumEvidence.isTooEarly(t0: t0, ti: latest.t, tT: tT, due: target.due) ? .tooEarly : path.status
        return result
    }

    /// With no numeric baseline, the value of the earliest period stands in; of periods ending
    /// the same day, the longest (the year before its December), as for the latest value.
    static func standInBaseline(_ points: [SeriesPoint]) -> SeriesPoint? {
        guard let first = points.first(where: { $0.value != nil }) else { return nil }
        return points.last { $0.t == first.t && $0.value != nil }
    }

    /// A passed due date: the value at the due date decides achieved or missed.
    static func final(_ start: IndicatorAssessment, indicator: Indicator, target: Target, yT: Double,
                      points: [SeriesPoint]) -> IndicatorAssessment {
        var result = start
        result.isFinal = true
        let due = target.due
        let dueEnd = due.end.ordinal, dueStart = due.start
        // The last numeric value for a period ending within the due period.
        let atDue = points.last { $0.value != nil && $0.t <= dueEnd && $0.period.end >= dueStart }
        if indicator.accumulation == .cumulative && target.comparator == .atLeast {
            // A running total only grows: reaching a floor at any time by the due date counts, and
            // the first total at or after the due date, if it is short of the floor, proves a miss.
            // A total from before the due date that is short proves nothing (it may yet rise), and
            // neither rule holds for a ceiling or an exact figure, which only the total at the due
            // date can settle.
            if let reached = points.first(where: { $0.t <= dueEnd && $0.value.map { target.comparator.isMet($0, target: yT) } == true }) {
                result.status = .achieved
                result.latest = reached
                return result
            }
            if let first = points.first(where: { $0.t >= dueEnd && $0.value != nil }), !target.comparator.isMet(first.value!, target: yT),
               first.t == dueEnd || indicator.direction != .maintain {
                result.status = .missed
                result.latest = first
                if first.t > dueEnd { result.flags.insert(.inferredFromCumulative) }
                if first.status == .provisional { result.flags.insert(.provisionalValue) }
                return result
            }
            result.reason = .noValueForDuePeriod
            return result
        }
        guard let atDue else {
            result.reason = .noValueForDuePeriod
            return result
        }
        result.latest = atDue
        if atDue.status == .provisional { result.flags.insert(.provisionalValue) }
        result.status = target.comparator.isMet(atDue.value!, target: yT) ? .achieved : .missed
        return result
    }

    /// Qualitative targets are judged from what was reported, never computed.
    static func qualitative(_ start: IndicatorAssessment, points: [SeriesPoint], due: Period, today: Int) -> IndicatorAssessment {
        var result = start
        let limit = min(due.end.ordinal, today)
        let reports = points.filter { $0.text != nil }
        if let report = reports.last(where: { $0.t <= limit }) ?? (due.end.ordinal < today ? nil : reports.last) {
            result.status = .reported
            result.latest = report
        } else {
            result.reason = .noReport
        }
        return result
    }
}

/// Sums a per-period flow ("연 125만건") into the periods its target counts in.
enum PerPeriodSeries {
    /// Values for whole periods of `granularity`, summed from finer reports; a report for the
    /// whole period is used as is. Only periods that have ended by `today` are included.
    /// `points` are in period order, so each bucket's points are contiguous.
    static func aggregate(_ points: [SeriesPoint], into granularity: Period.Granularity, today: Int) -> [SeriesPoint] {
        var out: [SeriesPoint] = []
        var bucket: Period?
        var sum: SeriesPoint?
        var exact: SeriesPoint?
        func flush() {
            if let b = bucket, b.end.ordinal <= today, let point = whole(exact, sum) { out.append(point) }
            sum = nil
            exact = nil
        }
        for p in points {
            guard let b = p.period.containing(granularity) else { continue }
            if b != bucket {
                flush()
                bucket = b
            }
            if b == p.period {
                exact = p
            } else if let v = p.value {
                var s = sum ?? SeriesPoint(period: b, value: 0, status: .final, factId: p.factId)
                s.value! += v
                if p.status == .provisional { s.status = .provisional }
                s.factId = max(s.factId, p.factId)
                sum = s
            }
        }
        flush()
        return out
    }

    /// A report for the whole period is its value when it has a number; a whole-period report
    /// in words only annotates the sum of the finer reports, and stands alone only without one.
    private static func whole(_ exact: SeriesPoint?, _ sum: SeriesPoint?) -> SeriesPoint? {
        guard let exact else { return sum }
        guard exact.value == nil, var sum else { return exact }
        sum.text = exact.text
        return sum
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
}
