import PlanCore

/// The workbook reader's fuzz target (`Fuzz/`, target `workbook`): any bytes are opened as an
/// `.xlsx`, every sheet is read to its end, and the file is validated as an observations
/// import against the Digital New Deal, as an upload would be. Errors are fine; a trap, an
/// unbounded allocation or a hang is what the fuzzer looks for. The corpus (`Fuzz/Corpus/workbook`)
/// runs through it on every `swift test` (`WorkbookFuzzCorpusTests`).
public enum WorkbookFuzzTarget {
    static let index: PlanIndex? = BundledPlan.loadDefault().plan.map(PlanIndex.init)
    static let today = CalendarDay(year: 2026, month: 1, day: 1)!

    public static func run(_ bytes: [UInt8]) {
        if let book = try? XLSXWorkbook(bytes: bytes) {
            for sheet in book.sheets.prefix(4) {
                guard var reader = try? book.reader(for: sheet) else { continue }
                while (try? reader.nextRecord()) != nil {}
            }
        }
        guard let index, let rows = try? ImportRowSource(bytes: bytes, fileName: "fuzz.xlsx", kind: .observation, index: index, today: today) else { return }
        while rows.next() != nil {}
        _ = rows.diagnostics.map(\.description)
    }
}
