/// One resolved value of a series as of a date: the current revision for its period.
public struct SeriesPoint: Hashable, Sendable {
    public var period: Period
    public var value: Double?
    public var text: String?
    public var status: ValueStatus
    public var factId: Int64
    /// The day ordinal at which the value stands: its period's last day.
    public let t: Int
    /// What the value was counted on, when not the plan's own basis (`Observation.basis`).
    public var basis: String?

    public init(period: Period, value: Double?, text: String? = nil, status: ValueStatus = .final, factId: Int64 = 0, t: Int? = nil,
                basis: String? = nil) {
        self.period = period
        self.value = value
        self.text = text
        self.status = status
        self.factId = factId
        self.t = t ?? period.end.ordinal
        self.basis = basis
    }
}
