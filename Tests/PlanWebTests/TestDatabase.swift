import Foundation
@testable import PlanStore

/// A fresh database for tests that run the real server against it: a temporary SQLite file, or
/// a schema of its own on the PostgreSQL of `PLANWATCH_TEST_POSTGRES_URL`. Holds the plan,
/// organizations and people of `WorkspaceFixture`.
struct TestDatabase: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable, CaseIterable { case sqlite, postgres }

    let kind: Kind
    var description: String { kind.rawValue }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["PLANWATCH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    /// SQLite always; PostgreSQL when configured.
    static var available: [TestDatabase] { [TestDatabase(kind: .sqlite)] + (postgresURL == nil ? [] : [TestDatabase(kind: .postgres)]) }

    /// Runs `body` with the database's URL (for `--db`) and a way to open a store on it; removes it afterwards.
    func with(_ body: (_ url: String, _ open: @Sendable () async throws -> any Store) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-db-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("test.sqlite").path
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            try await WorkspaceFixture.populate(store)
            await store.shutdown()
            try await body("sqlite:\(path)", { try SQLiteStore(path: path) })
        case .postgres:
            guard let url = Self.postgresURL, case .postgres(var settings) = try DatabaseURL.parse(url) else { return }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(14).lowercased()
            let admin = PostgresStore(settings: settings, logger: StoreFactory.quietLogger)
            try await admin.executeRaw("CREATE SCHEMA \(schema)")
            settings.schema = schema
            let fixed = settings
            let store = PostgresStore(settings: fixed, logger: StoreFactory.quietLogger)
            do {
                try await store.migrate()
                try await WorkspaceFixture.populate(store)
                await store.shutdown()
                try await body(DatabaseURL.postgres(fixed).description, { PostgresStore(settings: fixed, logger: StoreFactory.quietLogger) })
            } catch {
                try? await admin.executeRaw("DROP SCHEMA \(schema) CASCADE")
                await admin.shutdown()
                throw error
            }
            try? await admin.executeRaw("DROP SCHEMA \(schema) CASCADE")
            await admin.shutdown()
        }
    }
}
