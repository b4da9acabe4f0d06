import PlanCore

/// A budget commitment in words, as a reader of the page's language writes it: only the figures
/// it states (총사업비, 국고, or an amount of unstated kind), never a zero for one it leaves out.
enum CommitmentText {
    static func money(_ b: BudgetCommitment, _ c: PageContext) -> String {
        var parts: [String] = []
        if let t = b.totalCost { parts.append("\(c.catalog["budget_total_cost"]) \(c.money(t))") }
        if let t = b.treasury { parts.append("\(c.catalog["budget_treasury"]) \(c.money(t))") }
        if let t = b.amount { parts.append(c.money(t)) }
        return parts.joined(separator: ", ")
    }
}
