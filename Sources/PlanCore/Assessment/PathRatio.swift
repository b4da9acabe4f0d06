import Foundation

/// The progress rule shared by indicators, budgets and jobs: where the current pace leads by the
/// due date, as a share of the change the plan asked for.
///
/// Every variant projects a value ŷ_T at the due date and judges r = (ŷ_T − y₀)/(y_T − y₀),
/// the projected share of the planned change, by one set of cut-offs (0.95, 0.60, 0). So a
/// band means the same whichever way the projection was made:
/// - linear, from the last point: ŷ_T = y₀ + (yᵢ − y₀)/s, so r = p/s;
/// - compound (CAGR), from the last point: ŷ_T = y₀·(yᵢ/y₀)^(1/s);
/// - from the least-squares trend of the baseline and every later value, once there are three
///   or more: the change along the fitted line (under CAGR, the fitted exponential) from its
///   own value at the baseline's day to its value at the due date, carried from the baseline.
///   The line's offset at the start is not progress: 100, 170, 180, 95 draw a line that starts
///   above 100 and slopes down, and that is a move away, not "35% of the way".
/// Eurostat's ratio of growth rates is kept beside the CAGR share as `growthRatio`.
///
/// For an "exactly" target, overshooting is off target too: the deciding ratio is the share of
/// the distance to the target closed, 1 − |1 − r|, so a projection twice as far past the target
/// as the baseline was short of it reads as moving away.
public struct PathRatio: Hashable, Sendable {
    public enum Method: String, Sendable, Hashable, Codable {
        case linear, cagr
    }

    /// What the deciding projection was drawn from.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The baseline and the latest value.
        case lastPoint
        /// The least-squares fit of the baseline and every value after it.
        case trend
    }

    public var method: Method
    public var basis: Basis
    /// Share of the planned change the latest value achieves.
    public var p: Double
    /// Share of the time elapsed at the latest value.
    public var s: Double
    /// The ratio that decides the status: the projected share of the planned change.
    public var r: Double
    /// The value the deciding projection reaches at the due date, capped at the natural bounds.
    public var projected: Double
    /// The deciding projection hit a natural bound (100%, rank 1) and was capped.
    public var projectionCapped: Bool
    /// CAGR was asked for but the baseline or the target is zero or negative, so the linear rule was used.
    public var cagrFellBack: Bool
    /// Under CAGR a value after the baseline is zero or below: growth of −100%, all lost. A
    /// latest value at zero or below projects zero; an earlier one keeps the trend from being
    /// fitted on logarithms, so the latest value decides.
    public var compoundValueAtOrBelowZero = false
    /// r from the last point alone, whichever basis decides.
    public var lastPointRatio: Double
    /// r from the fitted trend, when there are three or more points.
    public var trendRatio: Double?
    /// How many points the trend was fitted to (the baseline included).
    public var trendPoints: Int?
    /// Under CAGR: the yearly growth of the deciding basis, the yearly growth the target needs,
    /// and their ratio (Eurostat's and Open SDG's measure).
    public var actualRate: Double? = nil
    public var requiredRate: Double? = nil
    public var growthRatio: Double? = nil

    public var status: IndicatorStatus { IndicatorStatus.forRatio(r) }

    /// A value at a day: a point of the series the path is judged on.
    public struct Point: Hashable, Sendable {
        public var t: Int
        public var y: Double

        public init(t: Int, y: Double) {
            self.t = t
            self.y = y
        }
    }

    /// Computes the ratio from the last of `after` (values after the baseline, in time order),
    /// and from the trend when the baseline and `after` make three or more points. Nil when
    /// no time has passed since the baseline or the planned change is zero (a level to hold).
    /// `exact` judges an "exactly" target, where passing the target is off target too.
    public static func compute(y0: Double, t0: Int, after: [Point], yT: Double, tT: Int,
                               method requested: Method, bounds: Bounds, exact: Bool = false) -> PathRatio? {
        guard let last = after.last, tT > t0, last.t > t0, yT != y0 else { return nil }
        let s = Double(last.t - t0) / Double(tT - t0)
        let p = (last.y - y0) / (yT - y0)
        // Growth is defined from a positive baseline to a positive target. A value at zero or
        // below on the way is growth of −100%: everything lost, never a reason to change the rule.
        let compound = requested == .cagr && y0 > 0 && yT > 0
        let lost = compound && after.contains { $0.y <= 0 }
        let years = Double(tT - t0) / 365.25
        let requiredRate = compound ? pow(yT / y0, 1 / years) - 1 : nil
        func judged(_ r: Double) -> Double { exact ? 1 - abs(1 - r) : r }

        // From the last point.
        let lastRaw = compound ? (last.y > 0 ? y0 * pow(last.y / y0, 1 / s) : 0) : y0 + (last.y - y0) / s
        let (lastProjected, lastCapped) = cap(lastRaw, bounds)
        // Where nothing is capped under the linear rule, p/s is r itself; dividing once keeps
        // a ratio of exactly 0.60 from printing as 0.60 and banding as 0.5999999999999999.
        let lastRatio = judged(!compound && !lastCapped ? p / s : share(lastProjected, y0: y0, yT: yT))

        var result = PathRatio(method: compound ? .cagr : .linear, basis: .lastPoint, p: p, s: s, r: lastRatio,
                               projected: lastProjected, projectionCapped: lastCapped,
                               cagrFellBack: requested == .cagr && !compound, lastPointRatio: lastRatio)
        result.compoundValueAtOrBelowZero = lost

        // From the trend: the change along the fitted line from the baseline's day to the due
        // date, carried from the baseline. Under CAGR a value at zero or below has no logarithm.
        let points = [Point(t: t0, y: y0)] + after
        if points.count >= 3 && !lost {
            let fit = LeastSquares(points.map { (Double($0.t - t0), compound ? log($0.y) : $0.y) })
            let span = Double(tT - t0)
            let raw = compound ? y0 * exp(fit.slope * span) : y0 + fit.slope * span
            let (projected, capped) = cap(raw, bounds)
            let ratio = judged(share(projected, y0: y0, yT: yT))
            result.trendRatio = ratio
            result.trendPoints = points.count
            result.basis = .trend
            result.r = ratio
            result.projected = projected
            result.projectionCapped = capped
            if compound, let requiredRate {
                let fitted = exp(fit.slope * 365.25) - 1
                result.actualRate = fitted
                result.requiredRate = requiredRate
                result.growthRatio = capped ? growth(projected, y0: y0, years: years) / requiredRate : fitted / requiredRate
            }
        } else if compound, let requiredRate {
            let actual = last.y > 0 ? pow(last.y / y0, 1 / (Double(last.t - t0) / 365.25)) - 1 : -1
            result.actualRate = actual
            result.requiredRate = requiredRate
            result.growthRatio = lastCapped ? growth(lastProjected, y0: y0, years: years) / requiredRate : actual / requiredRate
        }
        return result
    }

    /// The single-point form, for running totals judged from their latest sum.
    public static func compute(y0: Double, t0: Int, yi: Double, ti: Int, yT: Double, tT: Int,
                               method: Method, bounds: Bounds) -> PathRatio? {
        compute(y0: y0, t0: t0, after: [Point(t: ti, y: yi)], yT: yT, tT: tT, method: method, bounds: bounds)
    }

    /// The share of the planned change a projection reaches.
    private static func share(_ projected: Double, y0: Double, yT: Double) -> Double {
        (projected - y0) / (yT - y0)
    }

    /// The yearly growth that turns y₀ into `value` over `years`; −1 (all lost) for a value of zero or less.
    private static func growth(_ value: Double, y0: Double, years: Double) -> Double {
        value > 0 ? pow(value / y0, 1 / years) - 1 : -1
    }

    static func cap(_ v: Double, _ bounds: Bounds) -> (Double, Bool) {
        if let hi = bounds.max, v > hi { return (hi, true) }
        if let lo = bounds.min, v < lo { return (lo, true) }
        return (v, false)
    }
}

/// An ordinary least-squares line through points, for judging a trend rather than one value.
struct LeastSquares {
    let meanX: Double
    let meanY: Double
    let slope: Double

    /// Needs two or more distinct x.
    init(_ points: [(x: Double, y: Double)]) {
        let n = Double(points.count)
        meanX = points.reduce(0) { $0 + $1.x } / n
        meanY = points.reduce(0) { $0 + $1.y } / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in points {
            sxy += (x - meanX) * (y - meanY)
            sxx += (x - meanX) * (x - meanX)
        }
        slope = sxx > 0 ? sxy / sxx : 0
    }

    func value(at x: Double) -> Double { meanY + slope * (x - meanX) }
}
