import Foundation
import PlanCore

/// Writes an observations CSV for the import benchmark: `rows` valid rows over the numeric
/// indicators of a plan, one day-period per row, in the format `planwatch import observations` reads.
enum ObservationsCSV {
    static func main(_ args: [String]) {
        let rows = Int(Benchmark.option("--rows", args) ?? "") ?? 1_000_000
        let out = Benchmark.option("--out", args) ?? "observations-1m.csv"
        let planPath = Benchmark.option("--plan", args) ?? "Plans/digital-new-deal.yaml"
        guard let plan = PlanLoader.load(path: planPath).plan else {
            print("cannot load \(planPath)")
            exit(1)
        }
        let indicators = PlanIndex(plan).indicators
            .filter { !$0.isQualitative && $0.measure != .rank && $0.measure != .percent }.map(\.id)
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: out) else {
            print("cannot write \(out)")
            exit(1)
        }
        var text = "indicator_id,period,value,status,source,note\n"
        var day = CalendarDay(year: 2000, month: 1, day: 1)!.ordinal
        var written = 0
        while written < rows {
            let iso = CalendarDay(ordinal: day).iso
            for id in indicators where written < rows {
                text += "\(id),\(iso),\(written % 9973),final,bench,\n"
                written += 1
            }
            day += 1
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        handle.write(Data(text.utf8))
        try? handle.close()
        print("wrote \(written) rows to \(out)")
    }
}
