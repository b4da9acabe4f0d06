import PlanCore

/// Where one reported thing stands in the workflow: what is published, what waits for review,
/// and what its reporter is still working on.
public struct KeyState: Sendable {
    public enum Stage: String, Sendable, CaseIterable {
        case missing, draft, returned, submitted, approved
    }

    /// Every fact of the key, oldest first.
    public var history: [StoredFact] = []

    /// The published value: the newest approved fact.
    public var approved: StoredFact? { history.last { $0.state == .approved } }

    /// The newest fact after the published one: a draft, a submission or a return, if any.
    public var open: StoredFact? {
        let after = approved?.id ?? 0
        return history.last { $0.id > after && $0.state != .approved }
    }

    public var submitted: StoredFact? { open.flatMap { $0.state == .submitted ? $0 : nil } }
    public var draft: StoredFact? { open.flatMap { $0.state == .draft ? $0 : nil } }
    public var returned: StoredFact? { open.flatMap { $0.state == .returned ? $0 : nil } }

    public var stage: Stage {
        switch open?.state {
        case .submitted?: return .submitted
        case .draft?: return .draft
        case .returned?: return .returned
        default: return approved == nil ? .missing : .approved
        }
    }

    /// Builds the state of every key from facts in any order.
    public static func ledger(_ facts: [StoredFact]) -> [FactKey: KeyState] {
        var ledger: [FactKey: KeyState] = [:]
        for fact in facts.sorted(by: { $0.id < $1.id }) {
            ledger[fact.key, default: KeyState()].history.append(fact)
        }
        return ledger
    }
}
