import ArgumentParser
import Foundation
import PlanCore

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check, show and export plan files.",
        subcommands: [PlanCheck.self, PlanShow.self, PlanExport.self]
    )
}

struct PlanCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a plan file; report every problem as FILE:LINE:COLUMN: message.",
        discussion: "Exits 0 with a one-line summary when the file is valid (warnings are printed but do not fail), 1 otherwise."
    )

    @Argument(help: ArgumentHelp("The plan file to check.", valueName: "FILE"))
    var file: String

    func run() throws {
        let result = PlanLoader.load(path: file)
        for d in result.diagnostics { Output.out(d.description) }
        guard let plan = result.plan else {
            let e = result.errors.count, w = result.warnings.count
            Output.out("\(file): \(e) error\(e == 1 ? "" : "s")\(w > 0 ? ", \(w) warning\(w == 1 ? "" : "s")" : "")")
            throw ExitCode(1)
        }
        let t = PlanTotals(plan)
        let w = result.warnings.count
        Output.out("\(file): ok: plan '\(plan.id)' with \(plan.pillars.count) pillars, \(plan.projects.count) projects, "
            + "\(t.indicatorRows) indicator rows, \(t.indicators) indicators, \(t.investments) investment tasks, "
            + "\(t.reforms) reforms, \(t.distinctLaws) laws\(w > 0 ? "; \(w) warning\(w == 1 ? "" : "s")" : "")")
    }
}

struct PlanShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the plan as a readable tree with its totals."
    )

    @OptionGroup var planOption: PlanOption

    @Option(name: .long, help: "Language of the output: ko or en.")
    var lang: Language = .ko

    func run() throws {
        let plan = try planOption.load()
        Output.out(PlanOutline.render(plan, language: lang))
    }
}

struct PlanExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the plan as JSON (to stdout) or as CSV tables (to a directory).",
        discussion: "JSON schema: docs/plan-json.md. CSV writes projects, budget, jobs, indicators, targets, tasks and laws, UTF-8 with a BOM."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @OptionGroup var planOption: PlanOption

    @Option(name: .long, help: "json or csv.")
    var format: Format

    @Option(name: .long, help: ArgumentHelp("Directory for CSV files (required for csv).", valueName: "DIR"))
    var out: String?

    func validate() throws {
        if format == .csv && out == nil {
            throw ValidationError("--format csv writes several files; give a directory with --out DIR")
        }
    }

    func run() throws {
        let plan = try planOption.load()
        switch format {
        case .json:
            if let out {
                try write(PlanJSON.document(plan).pretty + "\n", to: out)
            } else {
                Output.out(PlanJSON.document(plan).pretty)
            }
        case .csv:
            let dir = out!
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for table in PlanCSV.tables(plan) {
                try write(table.csv, to: (dir as NSString).appendingPathComponent(table.fileName))
            }
            Output.err("wrote \(PlanCSV.tables(plan).map(\.fileName).joined(separator: ", ")) to \(dir)")
        }
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

extension Language: ExpressibleByArgument {}
