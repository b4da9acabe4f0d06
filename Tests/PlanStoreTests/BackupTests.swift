import Foundation
import PlanCore
import Testing
@testable import PlanStore

@Suite("Backup and restore")
struct BackupTests {
    @Test("an online SQLite backup restores to the same facts, plan versions and audit chain")
    func sqliteBackup() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("live.sqlite").path)
        try await store.migrate()
        _ = try await store.loadPlan(bytes: Fixtures.planBytes, fileName: "dnd.yaml", plan: Fixtures.plan, actor: .system)
        let ids = try await store.append([Fixtures.observation("1-4.gci-rank", "2021", 10), Fixtures.observation("2-1.school-wifi", "2021", 60)],
                                         state: .submitted, actor: Actor("user:r"), at: Fixtures.t("2022-01-10"))
        try await store.transition(.observation, ids: [ids[0]], to: .approved, actor: Actor("user:c"), reason: nil, at: Fixtures.t("2022-01-11"))

        let backup = dir.appendingPathComponent("backup.sqlite").path
        try await store.backup(to: backup)
        await #expect(throws: StoreError.self) { try await store.backup(to: backup) }
        // Writes after the backup are not in it.
        _ = try await store.append([Fixtures.observation("1-4.gci-rank", "2022", 8)], state: .approved, actor: Actor("user:c"), at: Fixtures.t("2023-01-11"))

        // Restore: the backup file is a complete database, opened in place of the live one.
        let restoredPath = dir.appendingPathComponent("restored.sqlite").path
        try FileManager.default.copyItem(atPath: backup, toPath: restoredPath)
        let restored = try SQLiteStore(path: restoredPath)
        #expect(try await restored.migrate().isEmpty)
        let original = try await store.facts(.observation, states: nil)
        let copy = try await restored.facts(.observation, states: nil)
        #expect(copy == Array(original.prefix(2)))
        #expect(try await restored.planFile(version: 1) == Fixtures.planBytes)
        let events = try await restored.auditEvents(after: 0, limit: 100)
        let liveEvents = try await store.auditEvents(after: 0, limit: 100)
        #expect(events == Array(liveEvents.prefix(events.count)) && events.count == 3)
        #expect(try await restored.verifyAudit().isIntact)
        await restored.shutdown()
        await store.shutdown()
    }
}

@Suite("PostgreSQL backup")
struct PostgresBackupTests {
    @Test("pg_dump backs up a schema that pg_restore brings back whole",
          .enabled(if: ProcessInfo.processInfo.environment["PLANWATCH_TEST_POSTGRES_URL"] != nil))
    func postgresBackup() async throws {
        let backend = Backend.all.first { $0.name == "postgres" }!
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-pgdump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("backup.dump").path
        try await backend.withStore { store in
            let pg = store as! PostgresStore
            _ = try await store.append([Fixtures.observation("1-4.gci-rank", "2021", 10)], state: .approved, actor: .system, at: Fixtures.t("2022-01-10"))
            let before = try await store.publishedFacts()
            try await store.backup(to: file)
            #expect(FileManager.default.fileExists(atPath: file))
            // Lose the schema, then restore it from the archive.
            try await executeRaw(store, "DROP SCHEMA \(pg.settings.schema!) CASCADE")
            let restore = Process()
            restore.executableURL = URL(fileURLWithPath: PostgresStore.tool("pg_restore")!)
            restore.arguments = ["--host=\(pg.settings.host)", "--port=\(pg.settings.port)", "--username=\(pg.settings.user)",
                                 "--dbname=\(pg.settings.database)", "--no-password", file]
            try restore.run()
            restore.waitUntilExit()
            #expect(restore.terminationStatus == 0)
            let after = try await store.publishedFacts()
            #expect(after == before)
            let verification = try await store.verifyAudit()
            #expect(verification.isIntact && verification.events == 1)
        }
    }
}
