/// Money committed to a project, cumulative from the plan's start to the end of `by`:
/// "'22년까지 총사업비 3.2조원(국고 3.1조원)". Amounts are integer won.
public struct BudgetCommitment: Hashable, Sendable, Codable {
    public var by: Period
    /// 총사업비: the total cost from every source.
    public var totalCost: Int64
    /// 국고: the national treasury's share.
    public var treasury: Int64?
    public var asWritten: String?

    public init(by: Period, totalCost: Int64, treasury: Int64?, asWritten: String? = nil) {
        self.by = by
        self.totalCost = totalCost
        self.treasury = treasury
        self.asWritten = asWritten
    }
}
