import ArgumentParser
import Foundation
import PlanCore
import PlanStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the plan and every published fact as open data.",
        discussion: """
        csv: one UTF-8 (BOM) table per kind. xlsx: the same tables as Excel workbooks (TABLE.xlsx). json: one document.
        datapackage: the CSV tables plus datapackage.json (Frictionless Data Package).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, json, datapackage
    }

    @Option(help: "csv, xlsx, json or datapackage.")
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
        case .xlsx:
            // The observations are written a row at a time, as for CSV.
            let reports = FactSet(budget: facts.budget, jobs: facts.jobs, taskStatuses: facts.taskStatuses)
            for t in OpenDataExport.tables(plan: current.plan, history: current.history, facts: reports) {
                let name = XLSXTables.sheetName(t.fileName) + ".xlsx"
                let path = (out as NSString).appendingPathComponent(name)
                do {
                    if t.fileName == "observations.csv" {
                        try XLSXTables.writeObservations(facts.observations.inIdOrder, to: path)
                    } else {
                        let writer = XLSXWriter(path: path)
                        try XLSXTables.add(t, to: writer)
                        try writer.finish()
                    }
                } catch {
                    throw CLIFailure(error.message)
                }
                written.append(name)
            }
        case .csv, .datapackage:
            // Every table but the observations is written whole; those (ten million rows in a
            // national plan) are written a batch at a time.
            let reports = FactSet(budget: facts.budget, jobs: facts.jobs, taskStatuses: facts.taskStatuses)
            for t in OpenDataExport.tables(plan: current.plan, history: current.history, facts: reports) {
                if t.fileName == "observations.csv" {
                    try writeObservations(facts.observations, to: (out as NSString).appendingPathComponent(t.fileName))
                    written.append(t.fileName)
                } else {
                    try write(t.fileName, t.csv)
                }
            }
            if format == .datapackage {
                try write("datapackage.json", OpenDataExport.dataPackage(plan: current.plan, tables: OpenDataExport.tables(plan: current.plan, history: current.history, facts: .empty),
                                                                         created: .now).pretty + "\n")
            }
        }
        let counts = "\(facts.observations.count) observations, \(facts.budget.count) budget, \(facts.jobs.count) jobs, \(facts.taskStatuses.count) task reports"
        Output.out("wrote \(written.count) files to \(out) (plan '\(current.plan.id)' version \(current.version.id); \(counts))")
    }

    /// `observations.csv` in id order, ten thousand rows at a time, into a file that takes its
    /// name only once complete.
    private func writeObservations(_ log: ObservationLog, to path: String) throws {
        let partial = path + ".partial"
        let rows = log.inIdOrder
        do {
            guard FileManager.default.createFile(atPath: partial, contents: nil) else { throw CLIFailure("cannot create \(partial)") }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
            try handle.write(contentsOf: Data(OpenDataExport.observationsCSVStart.utf8))
            for start in stride(from: 0, to: rows.count, by: 10_000) {
                try handle.write(contentsOf: Data(OpenDataExport.observationsCSVLines(rows[start..<min(rows.count, start + 10_000)]).utf8))
            }
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw CLIFailure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
