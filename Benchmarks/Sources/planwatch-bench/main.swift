import Foundation

// planwatch-bench COMMAND [options]: benchmarks, never tests (see BENCHMARKS.md).
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "assess":
    AssessBenchmark.main(args)
default:
    print("""
    usage: planwatch-bench assess [--indicators N] [--per-indicator K] [--seed S]
    Build in release mode first: swift build -c release --product planwatch-bench
    """)
    exit(args.first == nil ? 0 : 2)
}
