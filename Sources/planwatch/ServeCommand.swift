import ArgumentParser
import Hummingbird
import Logging
import Metrics
import PlanCore
import PlanStore
import PlanWeb
import Prometheus

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the plan's public site and API.",
        discussion: """
        On a fresh database the default plan (or --plan FILE) is loaded first. --demo also loads invented sample \
        actuals (Examples/demo) into planwatch-demo.sqlite unless --db names another database; every page then \
        says the figures are not real.
        """
    )

    @OptionGroup var planOption: PlanOption
    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "Event-loop threads (default: one per core).")
    var threads: Int?

    @Flag(help: "Load invented sample actuals so the dashboard has something to show (never on a real database).")
    var demo = false

    func run() async throws {
        var logger = Logger(label: "planwatch")
        logger.logLevel = .info
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let s = try await store.open(fallback: demo ? "sqlite:planwatch-demo.sqlite" : nil)
        let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: .system)
        if demo {
            let added = try await SampleData.load(into: s, index: current.index, planVersion: current.version.id)
            if added > 0 { logger.info("loaded \(added) sample values (not real) from Examples/demo") }
        }
        let facts = try await s.publishedFacts()
        let model = ReadModel(version: 1, plan: current.plan, facts: facts, today: Timestamp.now.koreanDay)
        let site = Site(model: model, store: s, metrics: registry, logger: logger)
        let app = try buildApplication(site: site, configuration: WebConfiguration(host: host, port: port, threads: threads), logger: logger)
        logger.info("serving '\(current.plan.id)' (plan version \(current.version.id), \(facts.count) approved values) from \(s.backendName) at http://\(host):\(port)/")
        try await app.runService()
        await s.shutdown()
    }
}
