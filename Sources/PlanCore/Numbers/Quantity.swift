/// A number as a plan writes it, read into base units: "4.9만개" is 49,000 of 개,
/// "3.2조원" is 3,200,000,000,000 won, "80% 이상" is at least 80 percent.
///
/// Everything around the number that carries meaning is kept: a range's upper end,
/// a transition's starting value ("25cm→12cm"), a period in parentheses ("16.8조원('19)")
/// and any other parenthetical remark ("85km(2%)").
public struct Quantity: Hashable, Sendable {
    public var value: Double
    public var unit: Unit?
    public var comparator: Comparator?
    /// Upper end of a range such as "1,000~1,500만원"; `value` is then the lower end.
    public var upper: Double?
    /// Starting value of a transition such as "25cm→12cm"; `value` is then the end.
    public var from: Double?
    /// A period given in parentheses after the number, as in "16.8조원('19)".
    public var period: Period?
    /// Any other parenthetical remark, as in "85km(2%)".
    public var remark: String?

    public init(value: Double, unit: Unit? = nil, comparator: Comparator? = nil, upper: Double? = nil,
                from: Double? = nil, period: Period? = nil, remark: String? = nil) {
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.upper = upper
        self.from = from
        self.period = period
        self.remark = remark
    }
}
