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
        store.map { Workflow(store: $0, index: model.index, lockAfterDays: settings.lockAfterDays) }
    }

    /// The current read model. When the Korean calendar day has turned since it was built, it is
    /// rebuilt for the new day first, so "today" on the site is never yesterday.
    public var model: ReadModel {
        let model = holder.current
        let today = Timestamp.now.koreanDay
        guard today != model.today.day else { return model }
        let fresh = ReadModel(version: model.version + 1, plan: model.plan, facts: model.facts, today: today)
        holder.replace(with: fresh, ifStill: model)
        return holder.current
    }

    /// Rebuilds the read model from the store's approved facts: called after anything is
    /// approved or a plan version is loaded. Pages never query the database themselves.
    public func republish(plan: Plan? = nil) async throws {
        guard let store else { return }
        let facts = try await store.publishedFacts()
        let old = holder.current
        let fresh = ReadModel(version: old.version + 1, plan: plan ?? old.plan, facts: facts, today: Timestamp.now.koreanDay)
        holder.replace(with: fresh)
        if plan != nil { try await reloadPolicy() }
        logger.info("published read model version \(fresh.version)")
    }
}
