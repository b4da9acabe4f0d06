/// Jobs to be created, cumulative from the plan's start to the end of `by`: by a project, a
/// pillar or the whole plan.
public struct JobsCommitment: Hashable, Sendable, Codable {
    public var by: Period
    public var count: Int64
    public var asWritten: String?
    public var note: LocalizedText?

    public init(by: Period, count: Int64, asWritten: String? = nil, note: LocalizedText? = nil) {
        self.by = by
        self.count = count
        self.asWritten = asWritten
        self.note = note
    }
}
