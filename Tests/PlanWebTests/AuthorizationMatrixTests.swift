import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// Every role, and the public, against every protected route, through the forms (a session)
/// and the API (a token). The table of who may do what is written out here on its own, so a
/// change of the policy must change this test too; a route the router has but `AccessRules`
/// lacks fails it.
@Suite struct AuthorizationMatrixTests {
    enum Who: String, CaseIterable, Sendable {
        case anonymous, reporter, otherReporter, viewer, coordinator, admin

        var username: String? {
            switch self {
            case .anonymous: return nil
            case .reporter: return "lee"
            case .otherReporter: return "choi"
            case .viewer: return "jung"
            case .coordinator: return "park"
            case .admin: return "admin"
            }
        }

        var role: Role? {
            switch self {
            case .anonymous: return nil
            case .reporter, .otherReporter: return .reporter
            case .viewer: return .viewer
            case .coordinator: return .coordinator
            case .admin: return .admin
            }
        }

        var organization: String { self == .reporter ? "msit" : self == .otherReporter ? "moe" : "pmo" }
    }

    enum Outcome: String, Equatable {
        case allowed, forbidden, signIn
    }

    /// Who may use each action. Reporting is about project 1-1, which only `reporter`'s
    /// organization (msit) is assigned.
    static func expected(_ action: Action, _ who: Who) -> Outcome {
        if action == .everyone { return .allowed }
        guard who != .anonymous else { return .signIn }
        switch action {
        case .everyone, .signedIn: return .allowed
        case .viewUnpublished: return [.viewer, .coordinator, .admin].contains(who) ? .allowed : .forbidden
        case .report: return [.reporter, .coordinator, .admin].contains(who) ? .allowed : .forbidden
        case .review, .unlock, .viewAudit, .manageRounds, .revisePlan: return [.coordinator, .admin].contains(who) ? .allowed : .forbidden
        case .manageAccounts, .manageOrganizations, .managePlan, .manageTokens: return who == .admin ? .allowed : .forbidden
        }
    }

    static func concrete(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: ":project", with: "1-1").replacingOccurrences(of: ":username", with: "jung").replacingOccurrences(of: ":format", with: "hwpx")
            .replacingOccurrences(of: "/:id/revoke", with: "/nosuchtoken/revoke").replacingOccurrences(of: "projects/:id", with: "projects/1-1")
            .replacingOccurrences(of: ":kind", with: "observation").replacingOccurrences(of: ":round", with: "y2021").replacingOccurrences(of: ":id", with: "999999")
    }

    @Test func everyMutatingAndWorkspaceRouteHasARule() throws {
        let router = try buildRouter(site: WebFixture.bare(), fastPath: FastPathCache(site: WebFixture.bare()))
        func normal(_ path: String) -> String {
            path.replacingOccurrences(of: "\\{[^}]+\\}", with: ":", options: .regularExpression)
                .replacingOccurrences(of: ":[a-zA-Z]+", with: ":", options: .regularExpression)
        }
        let rules = Set(AccessRules.all.map { "\($0.method.rawValue) \(normal($0.pattern))" })
        var checked = 0
        for route in router.routes {
            let path = route.path.description
            let needsRule = route.method != .get && route.method != .head || path.hasPrefix("/admin") || path.hasPrefix("/signin")
            guard needsRule else { continue }
            checked += 1
            #expect(rules.contains("\(route.method.rawValue) \(normal(path))"), "\(route.method) \(path) is not in AccessRules")
        }
        #expect(checked == AccessRules.all.count)
    }

    @Test func formsAnswerEachRoleAsThePolicySays() async throws {
        let f = try await WorkspaceFixture.make()
        try await f.withClient { client in
            for who in Who.allCases {
                for rule in AccessRules.all where !rule.pattern.hasPrefix("/api/") {
                    // A fresh session each time: one of the routes signs out.
                    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                    var form: [String: String] = [:]
                    if let name = who.username {
                        let browser = try await WorkspaceFixture.signIn(client, name)
                        headers[.cookie] = browser.cookie
                        form["_csrf"] = browser.csrf
                    }
                    let uri = Self.concrete(rule.pattern)
                    let response = rule.method == .get ? try await client.fetch(uri, headers: headers)
                        : try await client.post(uri, form: form, headers: headers)
                    let outcome: Outcome
                    if response.status == .seeOther, response.headers[.location]?.hasPrefix("/signin?next=") == true {
                        outcome = .signIn
                    } else if response.status == .forbidden, response.body.contains(Catalog.ko["error_403_title"]) {
                        outcome = .forbidden
                    } else {
                        outcome = .allowed
                    }
                    // Signing in while anonymous needs the form's own cookie; without it the CSRF check answers.
                    if rule.pattern == "/signin", rule.method == .post, who == .anonymous {
                        #expect(response.status == .forbidden && response.body.contains(Catalog.ko["error_csrf"]))
                        continue
                    }
                    #expect(outcome == Self.expected(rule.action, who), "\(who) \(rule.method) \(uri): \(response.status.code)")
                }
            }
            // A reporter may not report on another organization's project.
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let other = try await client.post("/admin/projects/2-1/report", form: ["_csrf": lee.csrf, "period": "2025"], headers: lee.headers)
            #expect(other.status == .forbidden)
            #expect(try await client.fetch("/admin/projects/2-1/report", headers: [.cookie: lee.cookie]).status == .forbidden)
        }
    }

    @Test func apiAnswersEachTokenAsThePolicySays() async throws {
        let f = try await WorkspaceFixture.make()
        var made: [Who: String] = [:]
        for who in Who.allCases where who != .anonymous {
            made[who] = try await f.token(role: who.role!, organization: who.organization)
        }
        let tokens = made
        try await f.withClient { client in
            for who in Who.allCases {
                for rule in AccessRules.all where rule.pattern.hasPrefix("/api/") {
                    let uri = Self.concrete(rule.pattern)
                    var headers: HTTPFields = [:]
                    if let token = tokens[who] { headers[.authorization] = "Bearer \(token)" }
                    let response = try await client.post(uri, json: "{}", headers: headers)
                    let outcome: Outcome = response.status == .unauthorized ? .signIn : response.status == .forbidden ? .forbidden : .allowed
                    #expect(outcome == Self.expected(rule.action, who), "\(who) POST \(uri): \(response.status.code) \(response.body)")
                    if outcome != .allowed { #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true) }
                }
            }
            // A reporter's token may not report on another organization's project.
            let other = try await client.post("/api/v1/projects/2-1/reports", json: "{}", headers: [.authorization: "Bearer \(tokens[.reporter]!)"])
            #expect(other.status == .forbidden)
            // A browser session does not work on the API (no cookies there, so no CSRF either).
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let withCookie = try await client.post("/api/v1/projects/1-1/reports", json: "{}", headers: [.cookie: lee.cookie])
            #expect(withCookie.status == .unauthorized)
        }
    }

    /// The same route written as a router reads it but not as a rule would: doubled and
    /// trailing slashes, dot segments, an encoded slash, a trailing dot.
    static func variants(_ path: String) -> [String] {
        let rest = String(path.dropFirst())
        let second = rest.firstIndex(of: "/").map { rest[..<$0] + "%2F" + rest[rest.index(after: $0)...] }.map(String.init)
        return ["/" + path, path.replacingOccurrences(of: "/", with: "//"), "/." + path, path + "/", path + "/.", path + ".",
                path.replacingOccurrences(of: "/", with: "/./")] + (second.map { ["/" + $0] } ?? [])
    }

    @Test func pathVariantsNeverGetFurtherThanTheCanonicalPath() async throws {
        let f = try await WorkspaceFixture.make { $0.maxUploadBytes = 1 << 20 }
        let reporterToken = try await f.token(role: .reporter, organization: "msit")
        try await f.withClient { client in
            let lee = try await WorkspaceFixture.signIn(client, "lee")
            let admin = try await WorkspaceFixture.signIn(client, "admin")
            let body = #"{"observations":[{"indicatorId":"1-1.data-market-size","period":"2025","value":"44조원"}]}"#
            for rule in AccessRules.all {
                let canonical = Self.concrete(rule.pattern)
                for uri in Self.variants(canonical) {
                    if rule.pattern.hasPrefix("/api/") {
                        // A session cookie is never a credential for the API, however the path is written.
                        let withCookie = try await client.post(uri, json: body, headers: [.cookie: lee.cookie])
                        #expect([401, 404, 405].contains(withCookie.status.code), "cookie POST \(uri): \(withCookie.status.code)")
                    } else if rule.method == .post {
                        // A signed-in administrator without the CSRF token is refused on every spelling.
                        let noToken = try await client.post(uri, form: ["username": "x"], headers: admin.headers)
                        #expect([403, 404, 415].contains(noToken.status.code), "form POST \(uri) without CSRF: \(noToken.status.code)")
                    } else if rule.action != .everyone {
                        // The public is sent to sign in or told there is nothing there, never shown the page.
                        let anonymous = try await client.fetch(uri)
                        let signIn = anonymous.status == .seeOther && anonymous.headers[.location]?.hasPrefix("/signin?next=") == true
                        #expect(signIn || anonymous.status == .notFound, "anonymous GET \(uri): \(anonymous.status.code)")
                    }
                }
            }
            // The API's body limit holds on every spelling too.
            let huge = #"{"observations":[{"indicatorId":"1-1.data-market-size","period":"2025","value":""# + String(repeating: "9", count: 2 << 20) + #""}]}"#
            for uri in ["//api/v1/projects/1-1/reports", "/api//v1/projects/1-1/reports", "/api/v1/projects/1-1/reports/"] {
                let answer = try await client.post(uri, json: huge, headers: [.authorization: "Bearer \(reporterToken)"])
                #expect([404, 413].contains(answer.status.code), "\(uri): \(answer.status.code)")
            }
            #expect(try await f.store.facts(.observation, states: nil).isEmpty, "nothing was recorded through a variant")
        }
    }
}
