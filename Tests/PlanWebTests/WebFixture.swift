import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The sites the web tests run against, built once: the Digital New Deal with the sample
/// actuals loaded through a real SQLite store (as `serve --demo` does), and the bare plan.
enum WebFixture {
    static let plan: Plan = {
        guard let plan = BundledPlan.loadDefault().plan else { fatalError("the bundled plan does not load") }
        return plan
    }()

    /// The default plan and its revisions, as `planwatch serve` loads them into a new store.
    static let family: PlanFamily = {
        guard let family = try? PlanFamily.bundled() else { fatalError("the bundled plan's revisions do not load") }
        return family
    }()

    static let demo = Task<Site, any Error> { try await makeDemo() }

    static func makeDemo() async throws -> Site {
        try await make("demo") { store, index, version in try await SampleData.load(into: store, index: index, planVersion: version) }
    }

    /// The Digital New Deal with the published outcomes, as a fresh `planwatch serve` loads them.
    static let published = Task<Site, any Error> { try await makePublished() }

    static func makePublished() async throws -> Site {
        try await make("published") { store, index, version in try await PublishedOutcomes.load(into: store, index: index, planVersion: version) }
    }

    /// A site over a new SQLite store holding the plan and what `load` adds.
    private static func make(_ name: String, load: (any Store, PlanIndex, Int64) async throws -> Int) async throws -> Site {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: dir.appendingPathComponent("\(name).sqlite").path)
        try await store.migrate()
        var version: Int64 = 0
        for member in family.members {
            version = try await store.loadPlan(bytes: member.bytes, fileName: member.name, plan: member.plan, actor: .system).version.id
        }
        guard let history = try await store.planHistory() else { fatalError("no plan stored") }
        _ = try await load(store, history.inForce(on: Timestamp.now.koreanDay).index, version)
        let head = try await store.auditHead()
        let site = Site(model: ReadModel(version: 1, history: history, facts: try await store.publishedFacts(), today: Timestamp.now.koreanDay), store: store)
        site.markCaughtUp(through: head)
        return site
    }

    static func bare() -> Site {
        Site(model: ReadModel(version: 1, plan: plan, facts: .empty, today: Timestamp.now.koreanDay))
    }

    /// The operations token of the test sites: `/readyz` and `/metrics` answer only with it.
    static let opsToken = "operations-token-of-the-tests-0123"
    static var ops: HTTPFields { [.authorization: "Bearer \(opsToken)"] }

    /// Runs `body` with a test client of the whole application over `site`.
    static func withClient<T: Sendable>(_ site: Site, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        // The store follower polls far more often than in production, so its races with the
        // server's own publishing show up in tests instead of once in a while in CI.
        let app = try buildApplication(site: site, configuration: WebConfiguration(port: 0, followInterval: .milliseconds(20), opsToken: opsToken))
        return try await app.test(.router) { client in try await body(client) }
    }
}

/// A response read whole, for asserting on.
struct Fetched: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
}

extension TestClientProtocol {
    func fetch(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:]) async throws -> Fetched {
        try await execute(uri: uri, method: method, headers: headers, body: nil) { response in
            Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}

extension String {
    /// The text of an HTML page without tags, with whitespace collapsed, for reading numbers.
    var visibleText: String {
        var s = replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return s.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// Every `href="…"` of a page, unescaped.
    var links: [String] {
        let regex = try! NSRegularExpression(pattern: "href=\"([^\"]*)\"")
        let ns = self as NSString
        return regex.matches(in: self, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
