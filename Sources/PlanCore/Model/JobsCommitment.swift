/// Jobs a project is to create, cumulative from the plan's start to the end of `by`.
public struct JobsCommitment: Hashable, Sendable, Codable {
    public var by: Period
    public var count: Int64
    public var asWritten: String?

    public init(by: Period, count: Int64, asWritten: String? = nil) {
        self.by = by
        self.count = count
        self.asWritten = asWritten
    }
}
