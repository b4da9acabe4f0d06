import PlanCore

/// The review of draft revisions of the plan, as reports are reviewed: a draft is submitted,
/// then a second coordinator approves it (it becomes a version of the plan) or returns it with
/// a reason. Four eyes: nobody who wrote any of a draft or submitted it approves it, unless the
/// office is one person (`--allow-self-approval`), when the approval is audited as such. It
/// compares accounts (the audit chain's actors), so one person signed in twice is still one.
public struct RevisionWorkflow: Sendable {
    public let store: any Store
    public let index: PlanIndex
    public var allowSelfApproval: Bool
    public var notifies = true

    public init(store: any Store, index: PlanIndex, allowSelfApproval: Bool = false) {
        self.store = store
        self.index = index
        self.allowSelfApproval = allowSelfApproval
    }

    var notifier: Notifier? { notifies ? Notifier(store: store, index: index) : nil }

    public func submit(_ draft: PlanDraftRecord, effective: CalendarDay, changes: Int, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord {
        let notifications = try await notifier?.revisionSubmitted(draft, effective: effective, changes: changes, actor: actor) ?? []
        return try await store.movePlanDraft(id: draft.id, lock: draft.lock, to: .submitted, reason: nil, actor: actor, at: at, notifications: notifications)
    }

    public func returnDraft(_ draft: PlanDraftRecord, effective: CalendarDay, reason: String, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord {
        let notifications = try await notifier?.revisionDecided(draft, approved: false, effective: effective, reason: reason, actor: actor) ?? []
        return try await store.movePlanDraft(id: draft.id, lock: draft.lock, to: .returned, reason: reason, actor: actor, at: at, notifications: notifications)
    }

    public func discard(_ draft: PlanDraftRecord, actor: Actor, at: Timestamp) async throws -> PlanDraftRecord {
        try await store.movePlanDraft(id: draft.id, lock: draft.lock, to: .discarded, reason: nil, actor: actor, at: at, notifications: [])
    }

    /// Stores the draft as a version of the plan: `file` is the draft written whole as a plan
    /// file, and `plan` that file as read by the plan loader. Throws `RevisionWorkflowError.ownDraft` when four eyes forbid it.
    public func approve(_ draft: PlanDraftRecord, plan: Plan, file: [UInt8], actor: Actor, at: Timestamp) async throws -> PlanLoadOutcome {
        let own = draft.isOwn(actor)
        if own && !allowSelfApproval { throw RevisionWorkflowError.ownDraft }
        let effective = plan.revision?.effective ?? plan.effective
        let notifications = try await notifier?.revisionDecided(draft, approved: true, effective: effective, reason: nil, actor: actor) ?? []
        let (_, outcome) = try await store.approvePlanDraft(id: draft.id, lock: draft.lock, plan: plan, file: file, actor: actor, at: at, notifications: notifications)
        if own {
            try await store.recordAudit(AuditNote(action: "plan-draft.self-approve", entity: "plan_drafts#\(draft.id)",
                                                  after: .object([("why", .string("one-person office (--allow-self-approval)"))])),
                                        actor: actor, at: at)
        }
        return outcome
    }
}

/// Why a review of a draft revision was refused.
public enum RevisionWorkflowError: Error, Sendable, Equatable {
    /// The approver wrote or submitted the draft (four eyes).
    case ownDraft
}
