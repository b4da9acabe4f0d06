import Hummingbird

/// Gives every request that reaches the router its id (in the response and in the context's
/// logger, so any error logged on its behalf carries it) and writes its access-log line.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = SiteRequestContext
    let log: AccessLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = AccessLog.requestId(from: request.headers)
        var context = context
        context.logger[metadataKey: "request_id"] = .string(id)
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[.requestId] = id
            log.record(id: id, method: request.method, path: request.uri.path, status: response.status.code, duration: ContinuousClock.now - start,
                       route: context.endpointPath ?? "unmatched")
            return response
        } catch {
            log.record(id: id, method: request.method, path: request.uri.path, status: (error as? any HTTPResponseError)?.status.code ?? 500,
                       duration: ContinuousClock.now - start, route: context.endpointPath ?? "unmatched")
            throw error
        }
    }
}
