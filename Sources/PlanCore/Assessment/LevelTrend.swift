/// Where a level to hold is heading: the least-squares line through the baseline and every
/// later value, read at the due date.
///
/// A level held today can still be on its way out: 99%, 97, 94, 91 against "at least 90 by
/// 2025" holds the floor now, but the line through them stands at 85.8% at the end of 2025. A
/// held level is therefore judged by where its trend leads too, once there are three or more
/// values (the baseline included) and enough time for a pace (`MinimumEvidence`). It is a
/// straight line whatever the indicator's method: a level, not growth, is asked for, and the
/// line's own value at the due date is the level it leads to.
public struct LevelTrend: Hashable, Sendable {
    /// The line's value at the due date, capped at the natural bounds.
    public var projected: Double
    /// How many values the line was fitted to, the baseline included.
    public var points: Int
    /// The line passed a natural bound and was stopped there.
    public var capped: Bool

    /// Nil with fewer than three values, or too little time for a pace.
    static func fit(y0: Double, t0: Int, after: [PathRatio.Point], tT: Int, due: Period, bounds: Bounds) -> LevelTrend? {
        guard let last = after.last, after.count >= 2, tT > t0,
              !MinimumEvidence.timeIsShort(t0: t0, ti: last.t, tT: tT, due: due) else { return nil }
        let line = LeastSquares([(x: 0.0, y: y0)] + after.map { (x: Double($0.t - t0), y: $0.y) })
        let (projected, capped) = PathRatio.cap(line.value(at: Double(tT - t0)), bounds)
        return LevelTrend(projected: projected, points: after.count + 1, capped: capped)
    }
}
