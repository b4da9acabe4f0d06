import Foundation
import HTTPTypes
import OpenAPIRuntime
import PlanCore

/// No request field of the API is nullable, but the generated server reads `"source": null` as
/// a field left out. A client that sends null most likely meant something else, and accepting it
/// would make the server more lenient than its document: so a JSON body holding a null anywhere
/// is refused with 400, naming where. Sizes were bounded by the access middleware before.
struct NullIsRejected: ServerMiddleware {
    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?))
        async throws -> (HTTPResponse, HTTPBody?) {
        guard let body, request.method == .post, request.headerFields[.contentType]?.hasPrefix("application/json") == true else {
            return try await next(request, body, metadata)
        }
        let bytes = try await [UInt8](collecting: body, upTo: 64 << 20)
        if let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]), let path = Self.null(in: json, at: "") {
            let problem = JSONValue.object([("type", .string("about:blank")), ("title", .string("Bad Request")), ("status", .int(400)),
                                            ("detail", .string("\(path) is null; leave a field out instead of sending null"))]).compact
            var response = HTTPResponse(status: .badRequest)
            response.headerFields[.contentType] = "application/problem+json"
            return (response, HTTPBody(problem))
        }
        return try await next(request, HTTPBody(bytes), metadata)
    }

    /// The path of the first null in `value` (`tasks[0].provenance.quote`), or nil.
    static func null(in value: Any, at path: String) -> String? {
        switch value {
        case is NSNull: return path.isEmpty ? "the body" : path
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = null(in: object[key]!, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
        case let array as [Any]:
            for (i, element) in array.enumerated() {
                if let found = null(in: element, at: "\(path)[\(i)]") { return found }
            }
        default: break
        }
        return nil
    }
}
