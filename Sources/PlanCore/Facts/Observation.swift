/// An actual value of an indicator for a period, as a ministry reported it:
/// a number, or words for a qualitative indicator (IATI's "actual" with its comment).
public struct Observation: Hashable, Sendable {
    public var record: FactRecord
    public var indicatorId: String
    public var period: Period
    public var value: Double?
    public var text: String?
    public var status: ValueStatus

    public init(record: FactRecord, indicatorId: String, period: Period, value: Double? = nil, text: String? = nil,
                status: ValueStatus = .final) {
        self.record = record
        self.indicatorId = indicatorId
        self.period = period
        self.value = value
        self.text = text
        self.status = status
    }
}
