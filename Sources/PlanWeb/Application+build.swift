import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import PlanCore
import Prometheus

/// Builds the Planwatch web application, so the server and the tests run the same app.
public func buildApplication(site: Site, configuration: WebConfiguration, logger: Logger = Logger(label: "planwatch")) throws -> some ApplicationProtocol {
    let router = try buildRouter(site: site)
    return Application(router: HeadAsGetResponderBuilder(router: router), configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
                       logger: logger)
}

/// The routes and middleware of the site: public pages, open-data downloads, the API, health
/// and metrics. Middleware order: metrics see every answer, security headers go on every
/// answer, errors become pages or problem documents before either sees them.
public func buildRouter(site: Site) throws -> Router<BasicRequestContext> {
    let router = Router()
    let pages = PageResponder(site: site)
    router.add(middleware: RequestMetricsMiddleware(registry: site.metrics))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorResponseMiddleware(pages: pages))
    router.add(middleware: ResponseCacheMiddleware(site: site, prefix: "/api/v1/"))

    PageRoutes.register(on: router, pages)
    DownloadRoutes.register(on: router, pages)
    OperationsRoutes.register(on: router, site: site)

    router.get("/api/v1/openapi.yaml") { request, _ in
        let bytes = [UInt8](EmbeddedFiles.data("Sources/PlanWeb/openapi.yaml") ?? Data())
        let cached = CachedResponse(body: bytes, etag: HTTPCaching.etag(bytes, version: 0), contentType: "application/yaml")
        return HTTPCaching.respond(cached, request: request)
    }
    // Compact, sorted JSON: small answers with stable bytes (and so stable ETags).
    try APIImplementation(site: site).registerHandlers(on: router, serverURL: Servers.Server1.url(),
                                                                configuration: .init(jsonEncodingOptions: [.sortedKeys]))
    return router
}
