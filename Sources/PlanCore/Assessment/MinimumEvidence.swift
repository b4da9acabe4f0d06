/// How much evidence a path needs behind it before it may be judged.
///
/// One value a month into a five-year path says almost nothing about the pace: 99, 101 or 102
/// against a baseline of 100 would read as moving away, insufficient or on track. A path is
/// therefore judged once its latest value stands one whole period of the target's granularity
/// after the baseline, counted on the calendar (a year for a yearly target, whether or not the
/// due year has 366 days), or a quarter of the way from the baseline to the due date, or once
/// the value has moved a quarter of the planned change either way, which is no noise however
/// short the time: school WiFi from 14.8% to 79% against 100% is judged after six months.
/// Short of all three, the status is "too early to judge".
public enum MinimumEvidence {
    /// The share of the way to the due date, and of the planned change, that is always enough: a quarter.
    public static let share = 0.25

    /// The day one period of `granularity` after `day`, on the calendar: a year, six months,
    /// three months or a month later (the last day of a month goes to the last day of the
    /// month reached: 2020-12-31 + 6 months = 2021-06-30), or the next day.
    public static func onePeriod(after day: CalendarDay, _ granularity: Period.Granularity) -> CalendarDay {
        let months: Int
        switch granularity {
        case .year: months = 12
        case .half: months = 6
        case .quarter: months = 3
        case .month: months = 1
        case .day: return day.adding(days: 1)
        }
        let reached = day.year * 12 + day.month - 1 + months
        let (year, month) = (reached / 12, reached % 12 + 1)
        let length = CalendarDay.daysIn(month: month, year: year)
        let monthEnd = day.day == CalendarDay.daysIn(month: day.month, year: day.year)
        return CalendarDay(year: year, month: month, day: monthEnd ? length : min(day.day, length))!
    }

    /// Whether the latest value at `ti` stands too close in time to the baseline at `t0` for a
    /// pace to `due` (ending `tT`): under one period of the target's granularity and under a
    /// quarter of the way. Counted in whole days, so no rounding decides.
    public static func timeIsShort(t0: Int, ti: Int, tT: Int, due: Period) -> Bool {
        // The quarter first: it is one comparison, and settles most paths of a long plan.
        guard 4 * (ti - t0) < tT - t0 else { return false }
        return ti < onePeriod(after: CalendarDay(ordinal: t0), due.granularity).ordinal
    }

    /// Whether a path is too early to judge: too little time, and a move `p` of less than a
    /// quarter of the planned change either way.
    public static func isTooEarly(t0: Int, ti: Int, tT: Int, due: Period, p: Double) -> Bool {
        abs(p) < share - Comparator.tolerance(share) && timeIsShort(t0: t0, ti: ti, tT: tT, due: due)
    }
}
