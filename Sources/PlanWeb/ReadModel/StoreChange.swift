import PlanCore
import PlanStore

/// What a run of audit events means for a server's in-memory state: whether the published
/// facts, the plan or who-may-report-what changed. Everything else (sign-ins, drafts,
/// submissions, accounts) is read from the store on each request and needs nothing.
struct StoreChange {
    private(set) var facts = false
    private(set) var plan = false
    private(set) var policy = false

    mutating func note(_ event: AuditEvent) {
        switch event.action {
        case "fact.approve": facts = true
        // Values recorded approved at once (an administrator's entry); drafts and submissions are not public.
        case "fact.record": if event.after["created"]?.array?.contains(where: { $0["state"]?.string == "approved" }) == true { facts = true }
        case "plan.load": plan = true
        case "organization.assign", "organization.unassign": policy = true
        default: if event.action.hasPrefix("import.") { facts = true }
        }
    }
}
