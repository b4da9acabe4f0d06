import Foundation
import PlanCore

// libFuzzer drives FuzzTargets.factsCSV (see Fuzz/README.md). SwiftPM gives an executable its own
// main, so this main hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { data, size in
    FuzzTargets.factsCSV(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
})
