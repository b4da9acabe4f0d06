import Foundation
import PlanCore
import PlanStore

/// The Digital New Deal as it really went: outcomes that ministries and surveys published, each
/// with its source (`Data/digital-new-deal-outcomes.csv`, described in `Data/README.md`). A fresh
/// `planwatch serve` loads them so the default site shows real figures, not invented ones.
///
/// They go through the ordinary import, all or nothing, approved and recorded by
/// `import:published-sources`. Each figure is recorded on the day it was published (one import
/// for each publication day), so the site as of any date shows only what had been published
/// by then, and the answer for that date never changes. A figure that corrects an earlier one
/// (a final figure after its 잠정치) is recorded on its own day as a revision of it
/// (`PublishedOutcomesFile`).
public enum PublishedOutcomes {
    public static let actor = "import:published-sources"
    public static let file = "Data/digital-new-deal-outcomes.csv"
    /// The plan the dataset reports against.
    public static let planId = "digital-new-deal"

    /// Records every publication day not recorded yet (a second run changes nothing) and returns
    /// how many figures were added.
    @discardableResult
    public static func load(into store: any Store, index: PlanIndex, planVersion: Int64?) async throws -> Int {
        guard index.plan.id == planId, let data = EmbeddedFiles.data(file) else { return 0 }
        return try await load([UInt8](data), fileName: file, into: store, index: index, planVersion: planVersion)
    }

    static func load(_ bytes: [UInt8], fileName: String, into store: any Store, index: PlanIndex, planVersion: Int64?) async throws -> Int {
        let importer = Importer(store: store, index: index, planVersion: planVersion)
        var added = 0
        for day in try PublishedOutcomesFile(bytes, fileName: fileName).days {
            if day.corrections.isEmpty {
                let request = Importer.Request(kind: .observation, path: fileName, actor: Actor(actor), approve: true, again: false, today: day.day)
                do {
                    added += try await importer.run(request, bytes: day.bytes, at: recordedAt(day.day)).rows
                } catch StoreError.duplicateImport {
                    continue
                }
            } else {
                added += try await recordWithCorrections(day, fileName: fileName, into: store, index: index)
            }
        }
        return added
    }

    /// When a figure published on `day` is recorded: 18:00 in Korea that day.
    static func recordedAt(_ day: CalendarDay) -> Timestamp {
        Timestamp(seconds: Timestamp.startOfDay(day).seconds + 18 * 3600)
    }

    /// A day that corrects earlier figures, recorded in one transaction through the correction
    /// mechanism every revision uses: each correcting fact supersedes the fact it corrects. Its
    /// rows are checked exactly as the import checks them; a day already recorded is left alone.
    static func recordWithCorrections(_ day: PublishedOutcomesFile.Day, fileName: String, into store: any Store, index: PlanIndex) async throws -> Int {
        let at = recordedAt(day.day)
        let rows = try ImportRowSource(bytes: day.bytes, fileName: fileName, kind: .observation, index: index, today: day.day)
        var entries: [FactEntry] = []
        while let entry = rows.next() { entries.append(entry) }
        if rows.hasErrors { throw StoreError.importRejected(diagnostics: rows.diagnostics, total: rows.errorCount) }
        let subjects = Set(entries.map(\.draft.key.subject))
        let known = try await store.facts(.observation, subjects: subjects).filter { $0.recordedBy == actor }
        if known.contains(where: { $0.recordedAt == at }) { return 0 }
        for c in day.corrections {
            let iso = (try? PeriodParser.period(c.period))?.iso ?? c.period
            let key = FactKey(kind: .observation, subject: c.indicatorId, period: iso, basis: c.basis ?? "")
            guard let old = known.first(where: { $0.recordedAt == recordedAt(c.corrects) && $0.key == key }) else {
                throw StoreError.invalid("\(fileName):\(c.line): corrects \(c.corrects.iso), but no figure for \(c.indicatorId) \(c.period) was recorded that day")
            }
            guard let i = entries.firstIndex(where: { $0.draft.key == key }) else {
                throw StoreError.invalid("\(fileName):\(c.line): the correcting row was not read")
            }
            entries[i].supersedes = old.id
        }
        return try await store.append(entries, state: .approved, actor: Actor(actor), at: at).count
    }
}
