import ArgumentParser
import Foundation
import PlanCore

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check, show and export plan files.",
        subcommands: [PlanCheck.self, PlanShow.self, PlanExport.self, PlanLoad.self, PlanDiffCommand.self]
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
        var w = result.warnings.count
        if let revision = plan.revision { w += checkRevision(plan, revision) }
        Output.out("\(file): ok: plan '\(plan.id)' with \(plan.pillars.count) pillars, \(plan.projects.count) projects, "
            + "\(t.indicatorRows) indicator rows, \(t.indicators) indicators, \(t.investments) investment tasks, "
            + "\(t.reforms) reforms, \(t.distinctLaws) laws\(w > 0 ? "; \(w) warning\(w == 1 ? "" : "s")" : "")")
        if let ended = plan.ended {
            Output.out("\(file): the plan \(ended.kind == .replaced ? "was replaced" : "was discontinued") on \(ended.on.iso)"
                + (ended.successor.map { " by \($0.ko)" } ?? "") + ", \(ended.continued.count) of its targets taken up")
        }
    }

    /// Prints what the revision changes against the version beside it that it revises, and warns
    /// of a change no explanation covers and an explanation that covers no change; returns the
    /// number of warnings.
    private func checkRevision(_ plan: Plan, _ revision: PlanRevision) -> Int {
        guard let previous = PlanFamily.previousVersion(of: plan, at: file) else {
            Output.out("\(file): warning: revision '\(revision.title.ko)' (in force from \(revision.effective.iso)): no earlier version of plan '\(plan.id)' beside it, so its changes cannot be listed")
            return 1
        }
        let changes = PlanDiff.changes(from: previous.plan, to: plan)
        var warnings = 0
        for change in changes where revision.explanation(of: change) == nil {
            Output.out("\(file): warning: no explanation in 'revision.explanations' names the change \(change)")
            warnings += 1
        }
        for e in revision.explanations where !changes.contains(where: { revision.explanation(of: $0) == e }) {
            Output.out("\(file): warning: the explanation about '\(e.about)' covers no change against \(previous.name)")
            warnings += 1
        }
        Output.out("\(file): revision '\(revision.title.ko)' in force from \(revision.effective.iso) revises \(previous.name): \(changes.count) change\(changes.count == 1 ? "" : "s")")
        return warnings
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

struct PlanLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Store a plan file as a plan version (the same file again is a no-op; a changed file is a new version).",
        discussion: "The file is validated first; a file with errors is not stored."
    )

    @Argument(help: ArgumentHelp("The plan file.", valueName: "FILE"))
    var file: String

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("Record the load as done by this user.", valueName: "USER"))
    var user: String?

    func run() async throws {
        let result = PlanLoader.load(path: file)
        guard let plan = result.plan else {
            for d in result.diagnostics { Output.err(d.description) }
            throw ExitCode(1)
        }
        let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
        let outcome = try await store.withStore { s in
            // A revision is a later version of a plan the database holds, never a plan of its own.
            if let revision = plan.revision {
                guard let history = try await s.planHistory(), history.latest.plan.id == plan.id else {
                    throw CLIFailure("\(file) revises plan '\(plan.id)', which this database does not hold: load the plan's first version first")
                }
                guard revision.effective > history.original.effective else {
                    throw CLIFailure("\(file) takes effect on \(revision.effective.iso), not after the plan's original version (\(history.original.effective.iso))")
                }
            }
            return try await s.loadPlan(bytes: bytes, fileName: (file as NSString).lastPathComponent, plan: plan, actor: CommandLineActor.resolve(user))
        }
        let v = outcome.version
        if outcome.isNew {
            Output.out("stored '\(plan.id)' from \(file) as plan version \(v.id) (sha256 \(v.sha256.prefix(12)))")
        } else {
            Output.out("unchanged: \(file) is already plan version \(v.id) (stored \(v.loadedAt.koreanDay.iso) by \(v.loadedBy))")
        }
    }
}

struct PlanDiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List what changed between two plans, item by item.",
        discussion: "OLD and NEW are plan files, or stored versions written @N (e.g. @1) read from --db."
    )

    @Argument(help: "The older plan: a file or @VERSION.")
    var old: String

    @Argument(help: "The newer plan: a file or @VERSION.")
    var new: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let a = try await read(old)
        let b = try await read(new)
        let changes = PlanDiff.changes(from: a, to: b)
        if changes.isEmpty {
            Output.out("no changes between \(old) and \(new)")
            return
        }
        for c in changes { Output.out(c.description) }
        let added = changes.filter { $0.kind == .added }.count, removed = changes.filter { $0.kind == .removed }.count
        Output.out("\(changes.count) changes: \(added) added, \(removed) removed, \(changes.count - added - removed) changed")
    }

    func read(_ ref: String) async throws -> Plan {
        if ref.hasPrefix("@"), let version = Int64(ref.dropFirst()) {
            let plan = try await store.withStore { s -> Plan? in
                guard let stored = try await s.planVersions().first(where: { $0.id == version }) else { return nil }
                return try await s.plan(of: stored)
            }
            guard let plan else { throw CLIFailure("no stored plan version \(version)") }
            return plan
        }
        let result = PlanLoader.load(path: ref)
        guard let plan = result.plan else {
            for d in result.errors.prefix(20) { Output.err(d.description) }
            throw ExitCode(1)
        }
        return plan
    }
}
