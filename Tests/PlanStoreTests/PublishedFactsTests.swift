import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// A large SQLite database's approved facts are read in two halves at once; the result must be
/// what one read in one transaction gives.
@Suite struct PublishedFactsTests {
    typealias F = Fixtures

    @Test func readingInHalvesGivesWhatOneReadGives() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("planwatch-halves-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("halves.sqlite").path
        let halves = try SQLiteStore(path: path, halvesPast: 0)
        try await halves.migrate()
        _ = try await halves.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
        let entries = (2021...2060).map { F.observation("1-4.gci-rank", "\($0)", Double($0 - 2015)) }
        let ids = try await halves.append(entries, state: .submitted, actor: Actor("user:a"), at: F.t("2022-01-10"))
        // Every third one stays unapproved: the halves must leave them out too.
        try await halves.transition(.observation, ids: ids.enumerated().filter { $0.offset % 3 != 0 }.map(\.element), to: .approved,
                                    actor: Actor("user:c"), reason: nil, at: F.t("2022-01-11"))
        let whole = try SQLiteStore(path: path)
        let read = try await halves.publishedFacts()
        let once = try await whole.publishedFacts()
        #expect(read.observations.count == 26)
        #expect(read == once)
        #expect(read.observations.map(\.record.id) == once.observations.map(\.record.id).sorted())
        await halves.shutdown()
        await whole.shutdown()
    }
}
