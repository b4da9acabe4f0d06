import Foundation

// planwatch-bench COMMAND [options]: benchmarks, never tests (see BENCHMARKS.md).
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "assess":
    AssessBenchmark.main(args)
case "observations-csv":
    ObservationsCSV.main(args)
case "national-plan":
    NationalPlan.planMain(args)
case "national-facts":
    NationalPlan.factsMain(args)
case "revision":
    RevisionBenchmark.main(args)
default:
    print("""
    usage: planwatch-bench assess [--indicators N] [--per-indicator K] [--seed S]
           planwatch-bench observations-csv [--rows N] [--out FILE] [--plan FILE]
           planwatch-bench national-plan [--projects N] [--indicators M] [--seed S] [--out plan.yaml]
           planwatch-bench national-facts [--projects N] [--indicators M] [--seed S] [--per-indicator K]
                           [--last-month YYYY-MM] [--out facts.csv] [--revisions FILE] [--pending FILE]
           planwatch-bench revision --plan FILE [--touch N] [--runs R] [--db DIR]
    Build in release mode first: swift build -c release --product planwatch-bench
    """)
    exit(args.first == nil ? 0 : 2)
}
