import Foundation
import Testing
@testable import PlanStore

/// Every workbook the fuzzer keeps (`Fuzz/Corpus/workbook/`: the seeds, and every input that
/// once crashed the reader) goes through its target on every test run, in the ordinary build.
@Suite("The workbook fuzz corpus, as regression tests")
struct WorkbookFuzzCorpusTests {
    @Test func everyKeptWorkbookRuns() throws {
        let dir = Fixtures.root + "/Fuzz/Corpus/workbook"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files.count >= 4)
        for file in files { WorkbookFuzzTarget.run([UInt8](FileManager.default.contents(atPath: dir + "/" + file) ?? Data())) }
        // The seeds are workbooks the reader reads; the kept crash is refused with its place.
        let seed = try XLSXWorkbook(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/template.xlsx"))))
        #expect(seed.sheets.map(\.name) == ["observations"])
    }
}
