import HTTPTypes

/// One protected route: the method and path pattern, the action it performs, and where the
/// project it concerns comes from. `AccessRules.all` is the table the middleware enforces and
/// the authorization test walks; a mutating route missing from it is refused.
public struct AccessRule: Sendable {
    public var method: HTTPRequest.Method
    /// `/admin/projects/:project/report`: `:name` matches one path segment.
    public var pattern: String
    public var action: Action
    /// The path parameter naming the project, if the action concerns one.
    public var projectParameter: String?
    /// A browser form: its body is read for the middleware and must carry the CSRF token.
    public var isForm: Bool
    /// A form that sends files (`multipart/form-data`). Only these are parsed as multipart; any
    /// other form sent that way is refused before its body is read.
    public var isUpload: Bool

    public init(_ method: HTTPRequest.Method, _ pattern: String, _ action: Action, project: String? = nil, form: Bool = false, upload: Bool = false) {
        self.method = method
        self.pattern = pattern
        self.action = action
        projectParameter = project
        isForm = form || upload
        isUpload = upload
    }

    /// The captured parameters when `path` matches the pattern.
    public func match(_ method: HTTPRequest.Method, _ path: String) -> [String: String]? {
        guard method == self.method else { return nil }
        let want = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let got = path.split(separator: "/", omittingEmptySubsequences: true)
        guard want.count == got.count else { return nil }
        var captured: [String: String] = [:]
        for (w, g) in zip(want, got) {
            if w.hasPrefix(":") {
                captured[String(w.dropFirst())] = String(g).removingPercentEncoding ?? String(g)
            } else if w != g {
                return nil
            }
        }
        return captured
    }
}

import Foundation
