/// A milestone an indicator must reach by the end of `due`: a number with a comparator,
/// or words for a qualitative commitment ("데이터 표준화 및 품질 제고").
///
/// `column` records the table column the target was printed under, because plans often
/// put a target in the '22 column that is really due earlier ("14.2만개 개방(~'21完)").
public struct Target: Hashable, Sendable, Codable {
    public var due: Period
    public var value: Double?
    public var text: LocalizedText?
    public var comparator: Comparator
    public var asWritten: String?
    public var column: Int?
    public var note: LocalizedText?

    public init(due: Period, value: Double? = nil, text: LocalizedText? = nil, comparator: Comparator = .atLeast,
                asWritten: String? = nil, column: Int? = nil, note: LocalizedText? = nil) {
        self.due = due
        self.value = value
        self.text = text
        self.comparator = comparator
        self.asWritten = asWritten
        self.column = column
        self.note = note
    }

    public var isQualitative: Bool { value == nil }
}
