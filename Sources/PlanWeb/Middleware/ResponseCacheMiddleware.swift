import Foundation
import Hummingbird
import NIOCore

/// Serves GET answers of the API from the read model's cache with their ETags, answering
/// `If-None-Match` with 304. The generated handlers run only on a miss; their encoded body is
/// kept until the next read model replaces it, so a hot API answer costs a dictionary lookup.
struct ResponseCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: Site
    let prefix: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, request.uri.path.hasPrefix(prefix),
              !request.uri.path.hasSuffix(".yaml") else {
            return try await next(request, context)
        }
        let key = "api|" + request.uri.description
        let version = site.model.version
        if let cached = site.holder.cachedResponse(key, version: version) {
            return HTTPCaching.respond(cached, request: request)
        }
        let response = try await next(request, context)
        guard response.status == .ok else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        let bytes = collector.bytes
        let cached = CachedResponse(bytes: bytes, version: version, contentType: response.headers[.contentType] ?? "application/json")
        site.holder.store(cached, key: key, version: version)
        return HTTPCaching.respond(cached, request: request)
    }
}

/// Collects a response body into bytes.
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var bytes: [UInt8] = []

    func write(_ buffer: ByteBuffer) async throws {
        bytes.append(contentsOf: buffer.readableBytesView)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// ETags and conditional answers shared by pages, downloads and the API.
enum HTTPCaching {
    /// `"v<version>-<hash of the body>"`: changes when the data is republished or the bytes differ.
    static func etag(_ bytes: [UInt8], version: Int) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return "\"v\(version)-\(String(h, radix: 36))\""
    }

    /// Whether the request's `If-None-Match` names `etag` (or `*`): the client has these bytes.
    static func matches(_ request: Request, etag: String) -> Bool {
        guard let match = request.headers[.ifNoneMatch] else { return false }
        return match.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" }
    }

    static func respond(_ cached: CachedResponse, request: Request, extraHeaders: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.eTag: cached.etag, .cacheControl: "no-cache"]
        for field in extraHeaders { headers[field.name] = field.value }
        if matches(request, etag: cached.etag) { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = cached.contentType
        headers[.contentLength] = String(cached.body.readableBytes)
        if request.method == .head { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: cached.body))
    }
}
