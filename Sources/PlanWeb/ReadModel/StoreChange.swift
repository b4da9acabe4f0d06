import PlanCore
import PlanStore

/// What a run of audit events means for a server's in-memory state: whether the published
/// facts, the plan or who-may-report-what changed, and which facts became public. Everything
/// else (sign-ins, drafts, submissions, accounts) is read from the store on each request and
/// needs nothing.
struct StoreChange {
    /// Past this many newly public facts, reading them all again is as cheap as adding them.
    static let incrementalLimit = 20_000

    private(set) var facts = false
    private(set) var plan = false
    private(set) var policy = false
    /// The ids of facts that became public, by kind, while they can be added one by one.
    private(set) var approved: [FactKind: Set<Int64>] = [:]
    private var approvedCount = 0
    /// Set when the facts changed in a way only a whole rebuild covers (an import, a very
    /// large approval, an event this server does not know how to read).
    private(set) var needsRebuild = false

    mutating func note(_ event: AuditEvent) {
        switch event.action {
        case "fact.approve":
            facts = true
            guard let moved = event.after["moved"], let kind = Self.kind(moved["table"]), let ranges = moved["ids"]?.array else {
                needsRebuild = true
                return
            }
            for range in ranges {
                guard let bounds = range.array, bounds.count == 2, let lo = bounds[0].int, let hi = bounds[1].int, lo <= hi else {
                    needsRebuild = true
                    return
                }
                add(kind, Int64(lo)...Int64(hi))
            }
        // Values recorded approved at once (an administrator's entry); drafts and submissions are not public.
        case "fact.record":
            for created in event.after["created"]?.array ?? [] where created["state"]?.string == "approved" {
                facts = true
                guard let kind = Self.kind(created["table"]), let lo = created["from"]?.int, let hi = created["to"]?.int, lo <= hi else {
                    needsRebuild = true
                    return
                }
                add(kind, Int64(lo)...Int64(hi))
            }
        case "plan.load": plan = true
        case "organization.assign", "organization.unassign": policy = true
        default:
            if event.action.hasPrefix("import.") {
                facts = true
                needsRebuild = true
            }
        }
    }

    private mutating func add(_ kind: FactKind, _ ids: ClosedRange<Int64>) {
        guard !needsRebuild else { return }
        guard approvedCount + ids.count <= Self.incrementalLimit else {
            needsRebuild = true
            approved = [:]
            return
        }
        approvedCount += ids.count
        approved[kind, default: []].formUnion(ids)
    }

    private static func kind(_ table: JSONValue?) -> FactKind? {
        FactKind.allCases.first { $0.table == table?.string }
    }
}
