import Foundation
import PlanCore

// One libFuzzer executable for every target in FuzzTargets, chosen by PLANWATCH_FUZZ_TARGET
// (period, koreanNumber, plan, factsCSV, smtpReply, mailHeader, planUpload; see Fuzz/README.md). SwiftPM gives an executable its
// own main, so this main hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

let name = ProcessInfo.processInfo.environment["PLANWATCH_FUZZ_TARGET"] ?? ""
guard let target = FuzzTargets.named(name) else {
    FileHandle.standardError.write(Data("set PLANWATCH_FUZZ_TARGET to one of: \(FuzzTargets.names.joined(separator: ", "))\n".utf8))
    exit(2)
}
nonisolated(unsafe) let chosen = target
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { data, size in
    chosen(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
})
