import Foundation
import PlanCore
import PlanStore
@testable import PlanWeb

/// The site the plan editor is tested on: the Digital New Deal and its 2.0 revision with the
/// published outcomes (so a changed target changes verdicts), the office's two coordinators
/// (park and yoon, for four eyes), an administrator and a reporter.
enum EditorFixture {
    static func make() async throws -> WorkspaceFixture {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: dir.appendingPathComponent("editor.sqlite").path)
        try await store.migrate()
        var version: Int64 = 0
        for member in WebFixture.family.members {
            version = try await store.loadPlan(bytes: member.bytes, fileName: member.name, plan: member.plan, actor: .system).version.id
        }
        let today = Timestamp.now.koreanDay
        guard let history = try await store.planHistory() else { fatalError("no plan stored") }
        _ = try await PublishedOutcomes.load(into: store, index: history.inForce(on: today).index, planVersion: version)
        let directory = Directory(store: store)
        let now = Timestamp.now
        try await directory.addOrganization(OrganizationRecord(id: "msit", nameKo: "과학기술정보통신부", nameEn: "Ministry of Science and ICT"), actor: .system, at: now)
        try await directory.addOrganization(OrganizationRecord(id: "pmo", nameKo: "디지털뉴딜반", nameEn: "Digital New Deal Office"), actor: .system, at: now)
        try await directory.assign(Assignment(organizationId: "msit", entityId: "1-2"), actor: .system, at: now)
        let people: [(String, String, String, Role)] = [("admin", "관리자", "pmo", .admin), ("park", "박서준", "pmo", .coordinator),
                                                        ("yoon", "윤하은", "pmo", .coordinator), ("lee", "이서연", "msit", .reporter)]
        for (name, display, org, role) in people {
            try await directory.addAccount(Account(username: name, displayName: display, organizationId: org, role: role,
                                                   passwordHash: Passwords.hash(WorkspaceFixture.passwords[name]!, cost: 4), createdAt: now),
                                           actor: .system, at: now)
        }
        return try await server(on: store)
    }

    /// A server on the store as it stands, holding nothing it has not read from it.
    static func server(on store: any Store) async throws -> WorkspaceFixture {
        guard let history = try await store.planHistory() else { fatalError("no plan stored") }
        var settings = WorkspaceSettings()
        settings.bcryptCost = 4
        let site = Site(model: ReadModel(version: 1, history: history, facts: try await store.publishedFacts(), today: Timestamp.now.koreanDay),
                        store: store, settings: settings)
        site.markCaughtUp(through: try await store.auditHead())
        try await site.reloadPolicy()
        return WorkspaceFixture(site: site, store: store)
    }

    /// A second server on the fixture's store (another instance behind the same database, or
    /// the same one restarted).
    static func reopened(_ f: WorkspaceFixture) async throws -> WorkspaceFixture {
        try await server(on: f.store)
    }
}
