import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// An upload's validation stops when its time is up or its client has gone, in a CSV file and
/// in a workbook alike, and says why at the row where it stopped.
@Suite("Import budget")
struct ImportBudgetTests {
    typealias F = Fixtures
    typealias X = XLSXFixtures

    static let csv = "indicator_id,period,value\n" + String(repeating: "1-4.gci-rank,2021,10\n", count: 500)

    @Test("a budget whose time is up stops a CSV import at its first row")
    func timeUpInCSV() throws {
        let rows = try ImportRowSource(bytes: Array(Self.csv.utf8), fileName: "a.csv", kind: .observation, index: F.index, today: F.today,
                                       budget: ImportBudget(seconds: 0))
        while rows.next() != nil {}
        #expect(rows.issues.map(\.issue) == [.timeUp(seconds: 0)] && rows.rowsRead == 1)
    }

    @Test("a client that has gone stops a workbook between rows")
    func clientGoneInWorkbook() throws {
        let sheet = "<sheetData>" + X.row(1, ["지표ID", "기간", "값"]) + (2...120).map { X.row($0, ["1-4.gci-rank", "\(1900 + $0)", "1"]) }.joined() + "</sheetData>"
        let budget = ImportBudget(seconds: nil)
        let rows = try ImportRowSource(bytes: try X.bytes(X.parts(sheets: [("Sheet1", sheet)])), fileName: "a.xlsx", kind: .observation, index: F.index,
                                       today: F.today, budget: budget)
        #expect(rows.next() != nil)
        budget.cancel()
        while rows.next() != nil {}
        #expect(rows.issues.last?.issue == ImportBudget.issue(.clientGone))
        #expect(rows.rowsRead < 10)
    }

    @Test("without a limit nothing stops")
    func unlimited() {
        #expect(ImportBudget.unlimited.stop() == nil && ImportBudget(seconds: 3600).stop() == nil)
    }
}
