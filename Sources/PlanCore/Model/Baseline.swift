/// Where an indicator started: a value or words, in the period the plan says it was measured,
/// which need not be the plan's first year ("16.8조원('19)").
public struct Baseline: Hashable, Sendable, Codable {
    public var period: Period
    public var value: Double?
    public var text: LocalizedText?
    /// The plan's own wording, kept beside the normalised value.
    public var asWritten: String?
    public var note: LocalizedText?

    public init(period: Period, value: Double? = nil, text: LocalizedText? = nil, asWritten: String? = nil, note: LocalizedText? = nil) {
        self.period = period
        self.value = value
        self.text = text
        self.asWritten = asWritten
        self.note = note
    }
}
