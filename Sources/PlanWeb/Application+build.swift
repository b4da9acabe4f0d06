import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOPosix
import OpenAPIHummingbird
import PlanCore
import Prometheus
import ServiceLifecycle

/// Builds the Planwatch web application, so the server and the tests run the same app.
public func buildApplication(site: Site, configuration: WebConfiguration, logger: Logger = Logger(label: "planwatch")) throws -> some ApplicationProtocol {
    let fastPath = FastPathCache(site: site)
    let log = configuration.accessLog ? AccessLog(logger: logger) : nil
    let router = try buildRouter(site: site, fastPath: fastPath, accessLog: log,
                                 operations: configuration.opsToken.map(OperationsRoutes.Access.token) ?? .hidden)
    let connections = ConnectionLimiter.Counter(limit: configuration.maxConnections)
    var services: [any Service] = []
    if let store = site.store {
        services.append(StoreFollower(site: site, interval: configuration.followInterval))
        services.append(ReminderService(site: site, interval: configuration.reminderInterval))
        if let mail = configuration.mail { services.append(OutboxSender(store: store, settings: mail, logger: logger)) }
    }
    if let opsPort = configuration.opsPort {
        services.append(Application(router: buildOperationsRouter(site: site),
                                    configuration: .init(address: .hostname(configuration.opsHost, port: opsPort), serverName: nil),
                                    logger: logger))
    }
    // The responder is passed in, not built by an `HTTPResponderBuilder` returning `some`:
    // that form crashes Swift 6.3.1's release-mode IR generation.
    return Application(
        responder: HeadAsGetResponder(inner: router.buildResponder()),
        server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionLimiter(counter: connections), FastPathHandler(cache: fastPath, log: log)],
                                            idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: services,
        eventLoopGroupProvider: configuration.threads.map { .shared(MultiThreadedEventLoopGroup(numberOfThreads: $0)) } ?? .singleton,
        logger: logger)
}

/// The routes and middleware of the site: public pages, open-data downloads, the API, health
/// and metrics. Middleware order: the path is made the router's own first, so every rule reads
/// the path the route was chosen by; the fast-path recorder sees the final answer; metrics see
/// every answer; security headers go on every answer; errors become pages or problem
/// documents before either sees them.
func buildRouter(site: Site, fastPath: FastPathCache, accessLog: AccessLog? = nil,
                 operations: OperationsRoutes.Access = .hidden) throws -> Router<SiteRequestContext> {
    let router = Router(context: SiteRequestContext.self)
    let pages = PageResponder(site: site)
    router.add(middleware: CanonicalPathMiddleware())
    // Outside the fast-path recorder, so a request's own id is never cached for others.
    if let accessLog { router.add(middleware: AccessLogMiddleware(log: accessLog)) }
    router.add(middleware: FastPathRecorder(cache: fastPath, site: site))
    router.add(middleware: RequestMetricsMiddleware(registry: site.metrics))
    router.add(middleware: SecurityHeadersMiddleware(secureCookies: site.settings.secureCookies))
    router.add(middleware: ErrorResponseMiddleware(pages: pages))
    router.add(middleware: AccessMiddleware(site: site, pages: pages))
    router.add(middleware: ResponseCacheMiddleware(site: site, prefix: "/api/v1/"))

    PageRoutes.register(on: router, pages)
    DownloadRoutes.register(on: router, pages)
    ChartRoutes.register(on: router, pages)
    PrintStyle.register(on: router, pages)
    OperationsRoutes.register(on: router, site: site, access: operations)
    WorkspaceRoutes.register(on: router, Workspace(site: site, pages: pages))

    router.get("/api/v1/openapi.yaml") { request, _ in
        guard let cached = StaticAssets.shared.response("Sources/PlanWeb/openapi.yaml", type: "application/yaml") else {
            throw HTTPError(.notFound)
        }
        return HTTPCaching.respond(cached, request: request)
    }
    // Compact, sorted JSON: small answers with stable bytes (and so stable ETags).
    try APIImplementation(site: site).registerHandlers(on: router, serverURL: Servers.Server1.url(),
                                                       configuration: .init(jsonEncodingOptions: [.sortedKeys]), middlewares: [EmptyBodyIsAbsent(), NullIsRejected()])
    return router
}

/// The operations listener's routes: liveness, readiness and the metrics, open to whoever
/// reaches its port (`--ops-port`, bound to loopback unless `--ops-host` says otherwise).
func buildOperationsRouter(site: Site) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    OperationsRoutes.register(on: router, site: site, access: .open)
    return router
}
