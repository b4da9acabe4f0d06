import Foundation
import Testing
@testable import PlanCore

/// Every input the fuzzers keep (`Fuzz/Corpus/<target>/`: the seeds, and any input that once
/// crashed) goes through its target on every test run, in the ordinary build.
@Suite("The fuzz corpus, as regression tests")
struct FuzzCorpusTests {
    @Test func everyKeptInputRuns() throws {
        var ran = 0
        for (name, target) in FuzzTargets.all {
            let dir = Repo.path("Fuzz/Corpus/\(name)")
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            #expect(!files.isEmpty, "\(name) has no corpus")
            for file in files {
                target([UInt8](FileManager.default.contents(atPath: dir + "/" + file) ?? Data()))
                ran += 1
            }
        }
        #expect(ran >= 25)
    }
}
