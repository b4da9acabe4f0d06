import ArgumentParser
import Foundation
import PlanCore

/// `--plan FILE`, shared by every command that reads a plan.
struct PlanOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan file.", discussion: "Defaults to Plans/digital-new-deal.yaml, or to the copy bundled with planwatch when run elsewhere.", valueName: "FILE"))
    var plan: String?

    /// The plan file's bytes and a name to record it under.
    func bytes() throws -> ([UInt8], String) {
        if let plan {
            guard let data = FileManager.default.contents(atPath: plan) else { throw CLIFailure("cannot read \(plan)") }
            return ([UInt8](data), (plan as NSString).lastPathComponent)
        }
        if let local = BundledPlan.localDefaultPath(), let data = FileManager.default.contents(atPath: local) {
            return ([UInt8](data), (local as NSString).lastPathComponent)
        }
        guard let data = BundledPlan.data() else { throw CLIFailure("no built-in plan") }
        return ([UInt8](data), (BundledPlan.defaultRelativePath as NSString).lastPathComponent)
    }

    /// The plan file and its revisions beside it (`Plans/X.yaml` and `Plans/X-*.yaml`), printing
    /// every diagnostic to stderr when one does not load.
    func family() throws -> PlanFamily {
        do {
            if let plan { return try PlanFamily.load(path: plan) }
            if let local = BundledPlan.localDefaultPath() { return try PlanFamily.load(path: local) }
            return try PlanFamily.bundled()
        } catch let error as DiagnosticsError {
            for d in error.errors.prefix(20) { Output.err(d.description) }
            if error.errors.count > 20 { Output.err("… and \(error.errors.count - 20) more errors") }
            throw ExitCode(1)
        }
    }

    /// Loads the plan, printing every diagnostic to stderr when it does not load.
    func load() throws -> Plan {
        let result = plan.map { PlanLoader.load(path: $0) } ?? BundledPlan.loadDefault()
        guard let plan = result.plan else {
            for d in result.errors.prefix(20) { Output.err(d.description) }
            if result.errors.count > 20 { Output.err("… and \(result.errors.count - 20) more errors") }
            throw ExitCode(1)
        }
        return plan
    }
}
