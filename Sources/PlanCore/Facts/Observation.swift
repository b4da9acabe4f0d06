/// An actual value of an indicator for a period, as a ministry reported it:
/// a number, or words for a qualitative indicator (IATI's "actual" with its comment).
public struct Observation: Hashable, Sendable {
    public var record: FactRecord
    public var indicatorId: String
    public var period: Period
    public var value: Double?
    public var text: String?
    public var status: ValueStatus
    /// What the figure was counted on when that is not what the plan's indicator counts
    /// ("공공데이터포털 목록 건수 / data.go.kr listings" against the plan's tables); nil for the
    /// plan's own basis. A series whose basis changes is broken there, not joined.
    public var basis: String?

    public init(record: FactRecord, indicatorId: String, period: Period, value: Double? = nil, text: String? = nil,
                status: ValueStatus = .final, basis: String? = nil) {
        self.record = record
        self.indicatorId = indicatorId
        self.period = period
        self.value = value
        self.text = text
        self.status = status
        self.basis = basis
    }
}
