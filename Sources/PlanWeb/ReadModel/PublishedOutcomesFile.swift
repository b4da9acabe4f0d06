import Foundation
import PlanCore
import PlanStore

/// The published-outcomes file split by publication day, each day with the corrections it
/// publishes. A row whose `corrects` names a day is the correction of the row for the same
/// indicator, period and basis published that day (a final figure replacing its preliminary
/// 잠정치): it is recorded on its own day as a revision that supersedes that row's fact, so the
/// site as of any date shows what had been published by then, the earlier figure struck through
/// once it was corrected (`Data/README.md`, "Corrections").
struct PublishedOutcomesFile {
    /// A row that corrects an earlier one.
    struct Correction: Hashable, Sendable {
        /// The line of the correcting row in the file.
        var line: Int
        var indicatorId: String
        /// The period as the file writes it.
        var period: String
        var basis: String?
        /// The publication day of the row it corrects.
        var corrects: CalendarDay
    }

    struct Day {
        var day: CalendarDay
        /// The day's rows with the header, `corrects` left out: a file the ordinary import reads.
        var bytes: [UInt8]
        var corrections: [Correction]
    }

    /// The column naming the publication day of the row a row corrects.
    static let correctsColumn = "corrects"

    let days: [Day]

    /// Reads `bytes`; a row without its publication day, or a correction that names no earlier
    /// row of the same indicator, period and basis, is an error naming the file and line.
    init(_ bytes: [UInt8], fileName: String) throws {
        var reader = CSVReader(SingleChunk(bytes))
        guard let header = try reader.next()?.fields, let dateColumn = header.firstIndex(of: "source_date") else {
            days = []
            return
        }
        let correctsColumn = header.firstIndex(of: Self.correctsColumn)
        let kept = header.indices.filter { $0 != correctsColumn }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let (idColumn, periodColumn, basisColumn) = (column("indicator_id"), column("period"), column("basis"))
        struct Key: Hashable { var id: String, period: String, basis: String?, day: CalendarDay }
        func trimmed(_ s: String) -> String { s.trimmingSpaces }
        var lines: [CalendarDay: [String]] = [:]
        var published: [Key: Int] = [:]
        var corrections: [(CalendarDay, Correction)] = []
        while let record = try reader.next() {
            let fields = record.fields
            guard fields.count == header.count, let day = CalendarDay(iso: fields[dateColumn]) else {
                throw StoreError.invalid("\(fileName):\(record.line): every published figure needs its publication day in source_date")
            }
            lines[day, default: []].append(Self.line(kept.map { fields[$0] }))
            let id = idColumn.map { trimmed(fields[$0]) } ?? "", period = periodColumn.map { trimmed(fields[$0]) } ?? ""
            let basis = basisColumn.map { trimmed(fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            published[Key(id: id, period: period, basis: basis, day: day)] = record.line
            guard let correctsColumn, case let text = trimmed(fields[correctsColumn]), !text.isEmpty else { continue }
            guard let earlier = CalendarDay(iso: text) else {
                throw StoreError.invalid("\(fileName):\(record.line): corrects '\(text)' is not a day (2021-03-19): it names the source_date of the row this one corrects")
            }
            guard earlier < day else {
                throw StoreError.invalid("\(fileName):\(record.line): corrects \(earlier.iso), which is not before this row's source_date \(day.iso)")
            }
            corrections.append((day, Correction(line: record.line, indicatorId: id, period: period, basis: basis, corrects: earlier)))
        }
        var corrected: [Key: Int] = [:]
        for (_, c) in corrections {
            let key = Key(id: c.indicatorId, period: c.period, basis: c.basis, day: c.corrects)
            guard published[key] != nil else {
                throw StoreError.invalid("\(fileName):\(c.line): corrects \(c.corrects.iso), but no row for \(c.indicatorId) \(c.period)"
                                         + (c.basis.map { " (\($0))" } ?? "") + " was published that day")
            }
            if let first = corrected[key] {
                throw StoreError.invalid("\(fileName):\(c.line): the row of \(c.corrects.iso) is already corrected on line \(first)")
            }
            corrected[key] = c.line
        }
        let headerLine = Self.line(kept.map { header[$0] })
        days = lines.keys.sorted().map { day in
            Day(day: day, bytes: Array((headerLine + lines[day]!.joined()).utf8),
                corrections: corrections.filter { $0.0 == day }.map(\.1))
        }
    }

    /// A row written back field by field as RFC 4180 wants it, so a value is imported exactly as the file has it.
    static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\n"
    }
}
