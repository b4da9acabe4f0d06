import Hummingbird
import Prometheus

/// Counts requests and times them by route, method and status into the site's Prometheus
/// registry (`/metrics`). The route is the matched pattern (`/projects/{id}`), never the raw
/// path, so the number of series stays bounded whatever clients ask for.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry
    static var buckets: [Duration] {
        [.microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
         .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(1000)]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            record(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, start: start)
            throw error
        }
        record(request, context: context, status: response.status.code, start: start)
        return response
    }

    func record(_ request: Request, context: Context, status: Int, start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(name: RequestMetrics.requestsName, labels: [("route", route), ("method", method), ("status", String(status))],
                             help: RequestMetrics.requestsHelp).increment()
        registry.makeDurationHistogram(name: "planwatch_http_request_duration_seconds", labels: [("route", route)], buckets: Self.buckets,
                                       help: "Time to produce the response, by route.").record(ContinuousClock.now - start)
    }
}

/// The names of the request metrics, shared with the fast path.
enum RequestMetrics {
    static let requestsName = "planwatch_http_requests_total"
    static let requestsHelp = "HTTP requests answered, by route, method and status."
}
