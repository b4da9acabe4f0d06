import Foundation

/// The progress rule shared by indicators, budgets and jobs: how far along the planned path
/// from the baseline to the target the latest value is, relative to how much time has passed.
///
/// Linear (the default): p = (yᵢ − y₀)/(y_T − y₀), s = (tᵢ − t₀)/(t_T − t₀), r = p/s.
/// CAGR (per indicator): R = CAGR(t₀→tᵢ)/CAGR(t₀→t_T). Both use the same cut-offs (0.95, 0.60, 0).
public struct PathRatio: Hashable, Sendable {
    public enum Method: String, Sendable, Hashable, Codable {
        case linear, cagr
    }

    public var method: Method
    /// Share of the planned change achieved.
    public var p: Double
    /// Share of the time elapsed.
    public var s: Double
    /// The ratio that decides the status.
    public var r: Double
    /// The value the current pace reaches at the due date, capped at the natural bounds.
    public var projected: Double
    /// The projection hit a natural bound (100%, rank 1) and was capped.
    public var projectionCapped: Bool
    /// CAGR was asked for but a value was zero or negative, so the linear rule was used.
    public var cagrFellBack: Bool
    /// Under CAGR: the yearly growth achieved since the baseline, and the yearly growth the target needs.
    public var actualRate: Double? = nil
    public var requiredRate: Double? = nil

    public var status: IndicatorStatus { IndicatorStatus.forRatio(r) }

    /// Computes the ratio, or nil when no time has passed since the baseline (s ≤ 0) or the
    /// planned change is zero (handled by the caller as a maintenance target).
    public static func compute(y0: Double, t0: Int, yi: Double, ti: Int, yT: Double, tT: Int,
                               method requested: Method, bounds: Bounds) -> PathRatio? {
        guard tT > t0, ti > t0, yT != y0 else { return nil }
        let s = Double(ti - t0) / Double(tT - t0)
        let p = (yi - y0) / (yT - y0)
        if requested == .cagr {
            if y0 > 0, yi > 0, yT > 0 {
                let yearsI = Double(ti - t0) / 365.25
                let yearsT = Double(tT - t0) / 365.25
                let gi = pow(yi / y0, 1 / yearsI) - 1
                let gT = pow(yT / y0, 1 / yearsT) - 1
                let raw = y0 * pow(1 + gi, yearsT)
                let (projected, capped) = cap(raw, bounds)
                // With a cap, judge by the capped projection so a bound never reads as overshoot.
                let r = capped ? ratioFromProjection(projected, y0: y0, yT: yT, gT: gT, yearsT: yearsT) : gi / gT
                return PathRatio(method: .cagr, p: p, s: s, r: r, projected: projected, projectionCapped: capped, cagrFellBack: false,
                                 actualRate: gi, requiredRate: gT)
            }
            var linear = compute(y0: y0, t0: t0, yi: yi, ti: ti, yT: yT, tT: tT, method: .linear, bounds: bounds)
            linear?.cagrFellBack = true
            return linear
        }
        let raw = y0 + (yi - y0) / s
        let (projected, capped) = cap(raw, bounds)
        let r = (projected - y0) / (yT - y0)
        return PathRatio(method: .linear, p: p, s: s, r: r, projected: projected, projectionCapped: capped, cagrFellBack: false)
    }

    private static func ratioFromProjection(_ projected: Double, y0: Double, yT: Double, gT: Double, yearsT: Double) -> Double {
        guard projected > 0 else { return -1 }
        return (pow(projected / y0, 1 / yearsT) - 1) / gT
    }

    static func cap(_ v: Double, _ bounds: Bounds) -> (Double, Bool) {
        if let hi = bounds.max, v > hi { return (hi, true) }
        if let lo = bounds.min, v < lo { return (lo, true) }
        return (v, false)
    }
}
