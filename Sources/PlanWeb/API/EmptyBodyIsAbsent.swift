import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A POST with no body at all (curl -X POST with no data) reaches the generated server as an
/// empty body rather than none, which it then fails to read as JSON. For operations whose body is
/// optional, an empty body means "no body": this passes it on as absent. Sizes were bounded by
/// the access middleware before the request got here.
struct EmptyBodyIsAbsent: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        guard let body, request.method == .post else { return try await next(request, body, metadata) }
        if case .known(let length) = body.length, length > 0 { return try await next(request, body, metadata) }
        let bytes = try await [UInt8](collecting: body, upTo: 64 << 20)
        return try await next(request, bytes.isEmpty ? nil : HTTPBody(bytes), metadata)
    }
}
