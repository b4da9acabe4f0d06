/// What a run of audit events means for a server's in-memory state: whether the published
/// facts, the plan or who-may-report-what changed. Everything else (sign-ins, drafts,
/// submissions, accounts) is read from the store on each request and needs nothing.
struct StoreChange {
    private(set) var facts = false
    private(set) var plan = false
    private(set) var policy = false

    mutating func note(_ action: String) {
        switch action {
        case "fact.approve", "fact.record": facts = true
        case "plan.load": plan = true
        case "organization.assign", "organization.unassign": policy = true
        default: if action.hasPrefix("import.") { facts = true }
        }
    }
}
