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

    /// The verdict against one target: final once its due date has passed (or on the due date,
    /// once the value for a period ending that day is known), on the path otherwise.
    static func judge(_ indicator: Indicator, targetIndex: Int, series: [SeriesPoint], today: Int) -> IndicatorAssessment {
        let target = indicator.targets[targetIndex]
        var result = IndicatorAssessment(indicatorId: indicator.id, status: .notYetAssessable,
                                         milestoneIndex: targetIndex, milestone: target)
        var points = series
        var incomplete: [Period] = []
        if indicator.accumulation == .perPeriod {
            (points, incomplete) = PerPeriodSeries.aggregate(series, into: target.due.granularity, today: today)
        }
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
        // Periods whose reports do not cover them, after the baseline: no total is made for them.
        result.incompletePeriods = incomplete.filter { $0.end.ordinal > t0 }
        if !result.incompletePeriods.isEmpty { result.flags.insert(.incompletePeriod) }
        // Once the value at the due date is known it decides, on the due date itself too: a line
        // fitted through it must not say "on track" on the day the value says "missed".
        let settled = tT < today || (tT == today && points.contains { $0.t == tT && $0.value != nil })
        if tT <= t0 {
            if basePeriod.start.ordinal < tT {
                t0 = basePeriod.start.ordinal
                result.flags.insert(.baselineStartUsed)
            } else if !settled {
                result.reason = .noPathBeforeDue
                return result
            }
        }
        if settled {
            return final(result, indicator: indicator, target: target, y0: y0, yT: yT, points: points)
        }

        // The values after the baseline, read in one pass without copying the points.
        var values: [PathRatio.Point] = []
        values.reserveCapacity(points.count)
        var latestIndex: Int?
        for k in points.indices where points[k].t > t0 {
            guard let v = points[k].value else { continue }
            values.append(PathRatio.Point(t: points[k].t, y: v))
            latestIndex = k
        }
        guard let latestIndex, let yi = points[latestIndex].value else {
            result.reason = .noValueAfterBaseline
            return result
        }
        let latest = points[latestIndex]
        result.latest = latest
        if latest.status == .provisional { result.flags.insert(.provisionalValue) }
        // A level to hold: the plan asks for no change, or the baseline already meets the target.
        // A path from a baseline beyond the target would point the wrong way and reward decline;
        // the question is whether the level is held now, and where its trend leads by the due date.
        if yT == y0 || target.comparator.isMet(y0, target: yT) {
            result.flags.insert(yT == y0 ? .maintenanceTarget : .baselineMeetsTarget)
            guard target.comparator.isMet(yi, target: yT) else {
                result.status = .movingAway
                return result
            }
            result.status = .onTrack
            if let trend = LevelTrend.fit(y0: y0, t0: t0, after: values, tT: tT, due: target.due, bounds: indicator.bounds) {
                result.levelTrend = trend
                if !target.comparator.isMet(trend.projected, target: yT) {
                    result.status = .movingAway
                    result.flags.insert(.levelTrendFalls)
                }
            }
            return result
        }
        if target.comparator.isMet(yi, target: yT) {
            result.status = .achieved
            return result
        }
        guard let path = PathRatio.compute(y0: y0, t0: t0, after: values, yT: yT, tT: tT,
                                           method: indicator.method == .cagr ? .cagr : .linear, bounds: indicator.bounds,
                                           exact: target.comparator == .exactly) else {
            result.reason = .noValueAfterBaseline
            return result
        }
        result.path = path
        result.method = path.method
        if path.projectionCapped { result.flags.insert(.projectionCapped) }
        if path.cagrFellBack { result.flags.insert(.cagrFellBackToLinear) }
        if path.compoundValueAtOrBelowZero { result.flags.insert(.cagrValueAtOrBelowZero) }
        if let trend = path.trendRatio, path.basis == .trend,
           (IndicatorStatus.forRatio(trend) == .movingAway) != (IndicatorStatus.forRatio(path.lastPointRatio) == .movingAway) {
            result.flags.insert(.trendAndLatestDisagree)
        }
        result.status = MinimumEvidence.isTooEarly(t0: t0, ti: latest.t, tT: tT, due: target.due, p: path.p) ? .tooEarly : path.status
        return result
    }

    /// With no numeric baseline, the value of the earliest period stands in; of periods ending
    /// the same day, the longest (the year before its December), as for the latest value.
    static func standInBaseline(_ points: [SeriesPoint]) -> SeriesPoint? {
        guard let first = points.first(where: { $0.value != nil }) else { return nil }
        return points.last { $0.t == first.t && $0.value != nil }
    }

    /// The value at the due date decides achieved or missed.
    static func final(_ start: IndicatorAssessment, indicator: Indicator, target: Target, y0: Double, yT: Double,
                      points: [SeriesPoint]) -> IndicatorAssessment {
        var result = start
        result.isFinal = true
        let dueEnd = target.due.end.ordinal, dueStart = target.due.start
        let comparator = target.comparator
        func met(_ p: SeriesPoint) -> Bool { p.value.map { comparator.isMet($0, target: yT) } ?? false }
        func decided(by point: SeriesPoint, inferred: Bool = false) -> IndicatorAssessment {
            result.latest = point
            result.status = met(point) ? .achieved : .missed
            if inferred { result.flags.insert(.inferredFromCumulative) }
            if point.status == .provisional { result.flags.insert(.provisionalValue) }
            return result
        }
        if indicator.accumulation == .cumulative {
            // The total at the due date decides: a value for a period ending that day (the
            // longest of them). A total from earlier in the due year is part of the way only.
            if let atDue = points.last(where: { $0.t == dueEnd && $0.value != nil }) { return decided(by: atDue) }
            // Without it, a running total moves one way, from its baseline towards its target: a
            // target ahead of the baseline (a floor above it, a ceiling below it) once reached
            // stays reached, and a total after the due date still short of it was short on the
            // due date too. Neither holds for an exact figure or a target the baseline already
            // meets, which only the total at the due date can settle.
            if target.comparator != .exactly && !target.comparator.isMet(y0, target: yT) {
                if let reached = points.first(where: { $0.t < dueEnd && met($0) }) { return decided(by: reached) }
                if let first = points.first(where: { $0.t > dueEnd && $0.value != nil }), !met(first), indicator.direction != .maintain {
                    return decided(by: first, inferred: true)
                }
            }
            result.reason = .noValueForDuePeriod
            return result
        }
        // A level (or a per-period sum): the last value for a period ending within the due period.
        guard let atDue = points.last(where: { $0.value != nil && $0.t <= dueEnd && $0.period.end >= dueStart }) else {
            result.reason = .noValueForDuePeriod
            return result
        }
        return decided(by: atDue)
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
