import Foundation
import Logging
import PlanCore
import PlanStore
import Prometheus

/// Everything the web application serves from: the published read model, the templates, the
/// metrics registry and, when the site runs on a database, the store it republishes from.
/// One value is shared by every request; it holds no per-request state.
public final class Site: Sendable {
    public let holder: ReadModelHolder
    public let metrics: PrometheusCollectorRegistry
    /// The database the read model is published from; nil when serving a fixed snapshot (tests).
    public let store: (any Store)?
    let renderer = PageRenderer()
    let logger: Logger

    public init(model: ReadModel, store: (any Store)? = nil, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
                logger: Logger = Logger(label: "planwatch.web")) {
        holder = ReadModelHolder(model)
        self.store = store
        self.metrics = metrics
        self.logger = logger
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
        logger.info("published read model version \(fresh.version)")
    }
}
