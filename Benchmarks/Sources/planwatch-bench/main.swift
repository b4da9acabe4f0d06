import Foundation

// planwatch-bench COMMAND [options]: benchmarks, never tests (see BENCHMARKS.md).
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "assess":
    AssessBenchmark.main(args)
case "observations-csv":
    ObservationsCSV.main(args)
default:
    print("""
    usage: planwatch-bench assess [--indicators N] [--per-indicator K] [--seed S]
           planwatch-bench observations-csv [--rows N] [--out FILE] [--plan FILE]
    Build in release mode first: swift build -c release --product planwatch-bench
    """)
    exit(args.first == nil ? 0 : 2)
}
