import Foundation

/// Shared plumbing for the benchmark commands: options, machine description, timing.
enum Benchmark {
    static func option(_ name: String, _ args: [String]) -> String? {
        guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
        return args[i + 1]
    }

    static func seconds(_ d: Duration) -> Double { d.inSeconds }

    /// Prints the command, the machine and the build mode, so every figure can be reproduced.
    static func header(_ name: String, _ args: [String]) {
        #if DEBUG
        let mode = "debug"
        #else
        let mode = "release"
        #endif
        let memory = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? "?"
        print("# planwatch-bench \(args.joined(separator: " "))")
        print("# machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory.replacingOccurrences(of: "  ", with: "")), build: \(mode)")
    }
}
