/// How much time a path needs behind it before it may be judged.
///
/// One value a month into a five-year path says almost nothing about the pace: 99, 101 or 102
/// against a baseline of 100 would read as moving away, insufficient or on track. A path is
/// therefore judged only once its latest value stands at least one full period of the
/// target's granularity after the baseline (a year for a yearly target), or a quarter of the
/// way from the baseline to the due date, whichever comes first. Before that the status is
/// "too early to judge".
public enum MinimumEvidence {
    /// The share of the way to the due date that is always enough: a quarter.
    public static let share = 0.25

    /// The days one period of `due`'s granularity spans: the due period's own length.
    public static func periodDays(_ due: Period) -> Int { due.end.ordinal - due.start.ordinal + 1 }

    /// Whether the latest value at `ti` is too close to the baseline at `t0` to judge a path to `due` (ending `tT`).
    public static func isTooEarly(t0: Int, ti: Int, tT: Int, due: Period) -> Bool {
        let elapsed = ti - t0
        guard elapsed < periodDays(due) else { return false }
        // In whole days, so no rounding decides: elapsed/(tT − t0) < ¼.
        return 4 * elapsed < tT - t0
    }
}
