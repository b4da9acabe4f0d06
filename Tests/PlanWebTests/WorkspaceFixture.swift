import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// A site with a database and people: an administrator and a coordinator of the coordinating
/// office, a reporter of the ministry assigned projects 1-1 and 1-4, a reporter of another
/// ministry, and a viewer. Passwords are hashed with a low bcrypt cost to keep tests quick.
struct WorkspaceFixture: Sendable {
    static let passwords = ["admin": "admin password 1", "park": "coordinator pass 1", "lee": "reporter password 1",
                            "choi": "other reporter pw 1", "jung": "viewer password 1", "yoon": "second coordinator 1"]

    let site: Site
    let store: any Store

    static func make(settings adjust: (inout WorkspaceSettings) -> Void = { _ in }) async throws -> WorkspaceFixture {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: dir.appendingPathComponent("ws.sqlite").path)
        try await store.migrate()
        try await populate(store)
        var settings = WorkspaceSettings()
        settings.bcryptCost = 4
        settings.lockAfterDays = 400
        adjust(&settings)
        let site = Site(model: ReadModel(version: 1, plan: WebFixture.plan, facts: .empty, today: Timestamp.now.koreanDay), store: store, settings: settings)
        site.markCaughtUp(through: try await store.auditHead())
        try await site.reloadPolicy()
        return WorkspaceFixture(site: site, store: store)
    }

    /// Loads the plan and adds the organizations, assignments and people into a migrated store.
    static func populate(_ store: any Store) async throws {
        let plan = WebFixture.plan
        _ = try await store.loadPlan(bytes: [UInt8](BundledPlan.data() ?? Data()), fileName: "digital-new-deal.yaml", plan: plan, actor: .system)
        let directory = Directory(store: store)
        let now = Timestamp.now
        try await directory.addOrganization(OrganizationRecord(id: "msit", nameKo: "과학기술정보통신부", nameEn: "Ministry of Science and ICT"), actor: .system, at: now)
        try await directory.addOrganization(OrganizationRecord(id: "pmo", nameKo: "디지털뉴딜반", nameEn: "Digital New Deal Office"), actor: .system, at: now)
        try await directory.assign(Assignment(organizationId: "msit", entityId: "1-1"), actor: .system, at: now)
        try await directory.assign(Assignment(organizationId: "msit", entityId: "1-4"), actor: .system, at: now)
        let people: [(String, String, Role)] = [("admin", "pmo", .admin), ("park", "pmo", .coordinator), ("lee", "msit", .reporter),
                                                ("choi", "moe", .reporter), ("jung", "pmo", .viewer)]
        for (name, org, role) in people {
            try await directory.addAccount(Account(username: name, displayName: name.capitalized, organizationId: org, role: role,
                                                   passwordHash: Passwords.hash(passwords[name]!, cost: 4), createdAt: now),
                                           actor: .system, at: now)
        }
    }

    func withClient<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await WebFixture.withClient(site, body)
    }

    /// A signed-in browser: its cookie header and the session's CSRF token.
    struct Browser: Sendable {
        var cookie: String
        var csrf: String

        var headers: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }
    }

    /// A browser that has opened the sign-in form: the form's own cookie and its token.
    static func signInForm(_ client: any TestClientProtocol) async throws -> Browser {
        let page = try await client.fetch("/signin")
        let cookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        return Browser(cookie: cookie, csrf: String(cookie.split(separator: "=", maxSplits: 1)[1]))
    }

    /// Signs in through the form, as a browser does.
    static func signIn(_ client: any TestClientProtocol, _ username: String, password: String? = nil) async throws -> Browser {
        let form = try await signInForm(client)
        let response = try await client.post("/signin", form: ["_csrf": form.csrf, "username": username, "password": password ?? passwords[username]!],
                                              headers: [.cookie: form.cookie])
        #expect(response.status == .seeOther, "sign-in of \(username)")
        let session = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        let home = try await client.fetch("/admin", headers: [.cookie: session])
        let csrf = try #require(home.body.firstMatch(of: /name="_csrf" value="([^"]+)"/).map { String($0.1) })
        return Browser(cookie: session, csrf: csrf)
    }

    /// An API token for a role and organization, made as the admin page does.
    func token(role: Role, organization: String) async throws -> String {
        try await TokenIssuer.issue(name: "test", role: role, organizationId: organization, directory: Directory(store: store),
                                    actor: .system, at: .now).secret
    }
}

extension TestClientProtocol {
    /// Posts project 1-1's report form for a year as `browser` (`action` is save or submit), with
    /// the fields in `values`.
    func report(_ browser: WorkspaceFixture.Browser, period: String, _ action: String, _ values: [String: String] = [:]) async throws -> Fetched {
        try await post("/admin/projects/1-1/report", form: ["_csrf": browser.csrf, "period": period, "action": action].merging(values) { $1 },
                       headers: browser.headers)
    }

    func post(_ uri: String, form: [String: String], headers: HTTPFields = [:]) async throws -> Fetched {
        var fields = headers
        if fields[.contentType] == nil { fields[.contentType] = "application/x-www-form-urlencoded" }
        var c = URLComponents()
        c.queryItems = form.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let body = (c.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return try await execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body)) { response in
            Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    func post(_ uri: String, json: String, headers: HTTPFields = [:]) async throws -> Fetched {
        var fields = headers
        fields[.contentType] = "application/json"
        return try await execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: json)) { response in
            Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}
