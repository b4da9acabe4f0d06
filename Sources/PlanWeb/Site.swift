import Foundation
import Logging
import PlanCore
import PlanStore
import Prometheus
import Synchronization

/// Everything the web application serves from: the published read model, the templates, the
/// metrics registry and, when the site runs on a database, the store it republishes from.
/// One value is shared by every request; it holds no per-request state.
public final class Site: Sendable {
    public let holder: ReadModelHolder
    public let metrics: PrometheusCollectorRegistry
    /// The database the read model is published from; nil when serving a fixed snapshot (tests).
    public let store: (any Store)?
    public let settings: WorkspaceSettings
    let renderer = PageRenderer()
    let logger: Logger
    /// Sign-in and sessions; nil without a store.
    let authentication: Authentication?
    private let policyState: Mutex<AccessPolicy>
    /// The newest audit event the read model and policy are known to reflect.
    private let seenAuditSeq = Mutex<Int64>(0)
    private let publishQueue = PublishQueue()
    /// Where the audit chain was last found intact by this server, so `/admin/audit` walks only
    /// what was appended since.
    private let auditVerified = Mutex<AuditCheckpoint?>(nil)
    /// The parsed plans of draft revisions read lately.
    let draftPlans = DraftPlanCache()

    public init(model: ReadModel, store: (any Store)? = nil, settings: WorkspaceSettings = WorkspaceSettings(),
                metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger = Logger(label: "planwatch.web")) {
        holder = ReadModelHolder(model)
        self.store = store
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        authentication = store.map { Authentication(directory: Directory(store: $0), settings: settings) }
        policyState = Mutex(AccessPolicy(index: model.index, assignments: []))
    }

    /// Who may do what, from the plan and the organizations' assignments.
    public var policy: AccessPolicy { policyState.withLock { $0 } }

    /// Rereads the assignments after they change (and at start).
    public func reloadPolicy() async throws {
        guard let store else { return }
        let assignments = try await Directory(store: store).assignments()
        let policy = AccessPolicy(index: model.index, assignments: assignments)
        policyState.withLock { $0 = policy }
    }

    /// The reporting workflow over the store and the current plan.
    var workflow: Workflow? {
        store.map { Workflow(store: $0, index: model.index, lockAfterDays: settings.lockAfterDays, allowSelfApproval: settings.allowSelfApproval) }
    }

    /// The review of draft revisions of the plan.
    var revisionWorkflow: RevisionWorkflow? {
        store.map { RevisionWorkflow(store: $0, index: model.index, allowSelfApproval: settings.allowSelfApproval) }
    }

    /// The reporting rounds over the store and the current plan.
    var rounds: ReportingRounds? {
        store.map { ReportingRounds(store: $0, index: model.index, dueAfterDays: settings.dueAfterDays) }
    }

    /// The current read model. When the Korean calendar day has turned since it was built, it is
    /// rebuilt for the new day first, so "today" on the site is never yesterday.
    public var model: ReadModel {
        let model = holder.current
        let today = Timestamp.now.koreanDay
        guard today != model.today.day else { return model }
        let fresh = model.forDay(today, version: model.version + 1)
        holder.replace(with: fresh, ifStill: model)
        return holder.current
    }

    /// Rebuilds the read model from the store's approved facts, and rereads the assignments:
    /// at start, after a plan version is loaded, after an import. Pages never query the
    /// database themselves.
    public func republish(history: PlanHistory? = nil) async throws {
        guard let store else { return }
        // Read the head first: anything audited after it is caught up later, never skipped.
        let head = try await store.auditHead()
        let facts = try await store.publishedFacts()
        let old = holder.current
        let fresh = ReadModel(version: old.version + 1, history: history ?? old.history, facts: facts, today: Timestamp.now.koreanDay)
        holder.replace(with: fresh)
        try await reloadPolicy()
        seenAuditSeq.withLock { $0 = max($0, head) }
        logger.info("published read model version \(fresh.version)")
    }

    /// Verifies the audit chain for the audit page: whole on the first view after start, then
    /// from the newest event an earlier view found intact (`Store.verifyAudit(after:)`), so a
    /// view costs what was appended since the last one. The whole walk stays
    /// `planwatch audit verify`.
    func verifyAudit() async throws -> AuditVerification? {
        guard let store else { return nil }
        let checkpoint = auditVerified.withLock { $0 }
        let result: AuditVerification
        if let checkpoint {
            result = try await store.verifyAudit(after: checkpoint)
        } else {
            result = try await store.verifyAudit()
        }
        if let head = result.head {
            auditVerified.withLock { saved in
                if (saved?.seq ?? 0) < head.seq { saved = head }
            }
        }
        return result
    }

    /// The newest audit event verified intact by this server, if any yet.
    var auditVerifiedThrough: AuditCheckpoint? { auditVerified.withLock { $0 } }

    /// The newest audit event this server's read model and policy reflect.
    public var auditSeen: Int64 { seenAuditSeq.withLock { $0 } }

    /// Publishes what this server just wrote (an approval, a plan version): returns once the
    /// read model reflects everything audited so far, sharing the work among writes that
    /// arrive together and with the store follower.
    public func publishLatest() async throws {
        guard let store else { return }
        try await publish(through: try await store.auditHead())
    }

    /// Marks the store's state up to audit event `seq` as reflected: at start, with the head
    /// read before the facts the first read model was built from.
    public func markCaughtUp(through seq: Int64) {
        seenAuditSeq.withLock { $0 = max($0, seq) }
    }

    /// Brings the read model and the access policy up to date with changes made elsewhere: by
    /// another `planwatch serve` on the same PostgreSQL, or by `planwatch import` on the same
    /// SQLite file. When nothing was audited since, this costs one small query.
    public func catchUp() async throws {
        guard let store else { return }
        let head = try await store.auditHead()
        guard head > auditSeen else { return }
        try await publish(through: head)
    }

    /// Returns once the model reflects audit event `seq`, unless a publication already has.
    private func publish(through seq: Int64) async throws {
        try await publishQueue.publish(through: seq) { needed in
            if self.auditSeen < needed { try await self.applyChanges() }
        }
    }

    /// Applies what the audit chain says happened since the model was built. Approvals add
    /// their facts to the current model (see `ReadModel.adding`); a new plan version or an
    /// import rebuilds it whole; assignments reload the policy. Sign-ins, drafts and
    /// submissions change nothing here.
    private func applyChanges() async throws {
        guard let store else { return }
        let seen = auditSeen
        let head = try await store.auditHead()
        guard head > seen else { return }
        var change = StoreChange()
        var after = seen
        while after < head {
            let events = try await store.auditEvents(after: after, limit: 1000)
            guard let last = events.last else { break }
            events.forEach { change.note($0) }
            after = last.seq
        }
        if change.plan, let history = try? await store.planHistory(), history.versions.map(\.plan) != model.history.versions.map(\.plan) {
            return try await republish(history: history)
        }
        if change.needsRebuild { return try await republish() }
        if change.facts {
            let clock = ContinuousClock()
            let start = clock.now
            let delta = try await store.publishedFacts(ids: change.approved)
            let read = clock.now
            let old = model
            let fresh = old.adding(delta, version: old.version + 1)
            if fresh !== old {
                holder.replace(with: fresh)
                let ms = { (d: Duration) in d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000 }
                logger.info("published read model version \(fresh.version) (\(delta.count) facts added: read \(ms(read - start)) ms, added \(ms(clock.now - read)) ms)")
            }
        }
        if change.policy { try await reloadPolicy() }
        seenAuditSeq.withLock { $0 = max($0, head) }
    }
}
