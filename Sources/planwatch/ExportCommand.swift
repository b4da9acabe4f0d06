import ArgumentParser
import Foundation
import PlanCore
import PlanStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the plan and every published fact as open data.",
        discussion: "csv: one UTF-8 (BOM) table per kind. json: one document. datapackage: the CSV tables plus datapackage.json (Frictionless Data Package)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, datapackage
    }

    @Option(help: "csv, json or datapackage.")
    var format: Format

    @Option(help: ArgumentHelp("The directory to write into (created if needed).", valueName: "DIR"))
    var out: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var planOption: PlanOption

    func run() async throws {
        let s = try await store.open()
        let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: CommandLineActor.resolve(nil))
        let facts = try await s.publishedFacts()
        await s.shutdown()
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure("cannot create \(out): \(error.localizedDescription)")
        }
        var written: [String] = []
        func write(_ name: String, _ text: String) throws {
            let path = (out as NSString).appendingPathComponent(name)
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw CLIFailure("cannot write \(path): \(error.localizedDescription)")
            }
            written.append(name)
        }
        switch format {
        case .json:
            try write("planwatch.json", OpenDataExport.json(plan: current.plan, facts: facts).pretty + "\n")
        case .csv, .datapackage:
            let tables = OpenDataExport.tables(plan: current.plan, facts: facts)
            for t in tables { try write(t.fileName, t.csv) }
            if format == .datapackage {
                try write("datapackage.json", OpenDataExport.dataPackage(plan: current.plan, tables: tables, created: .now).pretty + "\n")
            }
        }
        let counts = "\(facts.observations.count) observations, \(facts.budget.count) budget, \(facts.jobs.count) jobs, \(facts.taskStatuses.count) task reports"
        Output.out("wrote \(written.count) files to \(out) (plan '\(current.plan.id)' version \(current.version.id); \(counts))")
    }
}
