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
/// by then, and the answer for that date never changes.
public enum PublishedOutcomes {
    public static let actor = "import:published-sources"
    public static let file = "Data/digital-new-deal-outcomes.csv"
    /// The plan the dataset reports against.
    public static let planId = "digital-new-deal"

    /// Imports every publication day not imported yet (a second run changes nothing) and returns
    /// how many figures were added.
    @discardableResult
    public static func load(into store: any Store, index: PlanIndex, planVersion: Int64?) async throws -> Int {
        guard index.plan.id == planId, let data = EmbeddedFiles.data(file) else { return 0 }
        let importer = Importer(store: store, index: index, planVersion: planVersion)
        var added = 0
        for (day, bytes) in try byPublicationDay([UInt8](data)) {
            let request = Importer.Request(kind: .observation, path: file, actor: Actor(actor), approve: true, again: false, today: day)
            do {
                // Recorded and approved at 18:00 in Korea on the day the figure was published.
                let at = Timestamp(seconds: Timestamp.startOfDay(day).seconds + 18 * 3600)
                added += try await importer.run(request, bytes: bytes, at: at).rows
            } catch StoreError.duplicateImport {
                continue
            }
        }
        return added
    }

    /// The file split into one file for each `source_date`, each with the header, in date order.
    /// Rows are written back field by field as RFC 4180 wants them, so a value is imported exactly as the file has it.
    static func byPublicationDay(_ bytes: [UInt8]) throws -> [(CalendarDay, [UInt8])] {
        var reader = CSVReader(SingleChunk(bytes))
        guard let header = try reader.next()?.fields, let dateColumn = header.firstIndex(of: "source_date") else { return [] }
        var byDay: [CalendarDay: [String]] = [:]
        while let record = try reader.next() {
            guard record.fields.count == header.count, let day = CalendarDay(iso: record.fields[dateColumn]) else {
                throw StoreError.invalid("\(file):\(record.line): every published figure needs its publication day in source_date")
            }
            byDay[day, default: []].append(line(record.fields))
        }
        return byDay.keys.sorted().map { day in (day, Array((line(header) + byDay[day]!.joined()).utf8)) }
    }

    private static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\n"
    }
}
