import HTTPTypes
import Hummingbird
import NIOCore

/// Records the application's shareable GET answers into the `FastPathCache`. It runs
/// outermost, so what is recorded carries every header the application adds.
struct FastPathRecorder: RouterMiddleware {
    typealias Context = SiteRequestContext
    let cache: FastPathCache
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let version = site.model.version
        let response = try await next(request, context)
        guard request.method == .get, response.status == .ok, response.headers[.eTag] != nil, response.headers[.setCookie] == nil,
              response.headers[.cacheControl]?.contains("no-store") != true, let key = FastPathCache.key(request.head),
              let length = response.body.contentLength, length < 8 << 20 else {
            return response
        }
        let collector = BodyCollector()
        var body = response.body
        try await body.write(collector)
        let buffer = ByteBuffer(bytes: collector.bytes)
        cache.record(key: key, route: context.endpointPath ?? "unmatched", fields: response.headers, body: buffer, version: version)
        body = .init(byteBuffer: buffer)
        var answered = response
        answered.body = body
        return answered
    }
}
