import Foundation
import PlanCore
import PlanStore

/// The invented actuals of `planwatch serve --demo` (`Examples/demo`, made by
/// `scripts/make-demo-data.py`), so a newcomer sees a living dashboard. Each file is one
/// reporting round, imported through the same validation as a ministry's file and recorded on
/// its round's day by `system:demo`, so the pages can mark every such value as not real.
public enum SampleData {
    public struct Round: Sendable {
        public var fileName: String
        public var kind: FactKind
        public var day: CalendarDay
    }

    /// The rounds in the order they happened.
    public static var rounds: [Round] {
        EmbeddedFiles.paths(under: "Examples/demo").sorted().compactMap { path in
            let name = (path as NSString).lastPathComponent
            guard name.hasSuffix(".csv"), name.count > 15, let day = CalendarDay(iso: name.prefix(10)) else { return nil }
            let kind: FactKind
            switch name.dropFirst(11).dropLast(4) {
            case "observations": kind = .observation
            case "budget": kind = .budget
            case "jobs": kind = .jobs
            case "tasks": kind = .taskStatus
            default: return nil
            }
            return Round(fileName: path, kind: kind, day: day)
        }
    }

    /// Imports every round not imported yet (a second run changes nothing) and returns how
    /// many rows were added.
    @discardableResult
    public static func load(into store: any Store, index: PlanIndex, planVersion: Int64?) async throws -> Int {
        let importer = Importer(store: store, index: index, planVersion: planVersion)
        var added = 0
        for round in rounds {
            guard let data = EmbeddedFiles.data(round.fileName) else { continue }
            let request = Importer.Request(kind: round.kind, path: round.fileName, actor: Actor(DemoData.actor), approve: true, again: false,
                                           today: round.day)
            do {
                // Recorded at 10:00 in Korea on the round's day.
                let at = Timestamp(seconds: Timestamp.startOfDay(round.day).seconds + 10 * 3600)
                added += try await importer.run(request, bytes: [UInt8](data), at: at).rows
            } catch StoreError.duplicateImport {
                continue
            }
        }
        return added
    }
}
