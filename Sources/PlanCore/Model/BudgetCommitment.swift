/// Money committed, cumulative from the plan's start to the end of `by`:
/// "'22년까지 총사업비 3.2조원(국고 3.1조원)". Amounts are integer won. A project, a pillar or the
/// whole plan can carry one, at the level a publication gives it: Korean New Deal 2.0 published
/// the digital pillar's treasury funding only (국비 49조원), and an area's money only as "about
/// 2.6조원" without saying whose.
public struct BudgetCommitment: Hashable, Sendable, Codable {
    public var by: Period
    /// 총사업비: the total cost from every source, where published.
    public var totalCost: Int64?
    /// 국고 (국비): the national treasury's share, where published.
    public var treasury: Int64?
    /// An amount published without saying whether it is the total cost or the treasury's share.
    public var amount: Int64?
    public var asWritten: String?
    public var note: LocalizedText?

    public init(by: Period, totalCost: Int64?, treasury: Int64?, amount: Int64? = nil, asWritten: String? = nil, note: LocalizedText? = nil) {
        self.by = by
        self.totalCost = totalCost
        self.treasury = treasury
        self.amount = amount
        self.asWritten = asWritten
        self.note = note
    }

    /// What execution is measured against: ministries spend treasury money, so the treasury
    /// figure where there is one, else the unqualified amount, else the total cost.
    public var committed: Int64 { treasury ?? amount ?? totalCost ?? 0 }

    /// The largest figure the commitment states, for totals that add commitments up.
    public var headline: Int64 { totalCost ?? amount ?? treasury ?? 0 }
}
