import Foundation
import PlanCore
import PlanStore

// One libFuzzer executable for every target, chosen by PLANWATCH_FUZZ_TARGET: the parsers of
// PlanCore (`FuzzTargets`: period, koreanNumber, plan, factsCSV, smtpReply, mailHeader,
// planUpload, planDelta) and the workbook reader (`WorkbookFuzzTarget`: workbook); see Fuzz/README.md.
// SwiftPM gives an executable its own main, so this main hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

let targets: [(name: String, run: @Sendable ([UInt8]) -> Void)] = FuzzTargets.all + [("workbook", WorkbookFuzzTarget.run)]
let name = ProcessInfo.processInfo.environment["PLANWATCH_FUZZ_TARGET"] ?? ""
guard let target = targets.first(where: { $0.name == name })?.run else {
    FileHandle.standardError.write(Data("set PLANWATCH_FUZZ_TARGET to one of: \(targets.map(\.name).joined(separator: ", "))\n".utf8))
    exit(2)
}
nonisolated(unsafe) let chosen = target
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { data, size in
    chosen(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
})
