import ArgumentParser
import Foundation
import PlanCore
import PlanStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import reported values from a CSV file or an Excel workbook (docs/import-formats.md), all or nothing.",
        discussion: """
        KIND is observations, budget, jobs or tasks. A CSV file may be UTF-8 (with or without a BOM) or CP949 as Korean Excel saves it;
        an .xlsx workbook is read from the sheet named like KIND, else its first sheet.
        Every problem is listed as FILE:LINE:COLUMN: message (FILE:Sheet1!C7: message in a workbook) and nothing is written unless the whole file is valid.
        Imported values wait for approval unless --approve is given.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case observations, budget, jobs, tasks

        var factKind: FactKind {
            switch self {
            case .observations: return .observation
            case .budget: return .budget
            case .jobs: return .jobs
            case .tasks: return .taskStatus
            }
        }
    }

    @Argument(help: "observations, budget, jobs or tasks.")
    var kind: Kind

    @Argument(help: ArgumentHelp("The CSV file or .xlsx workbook.", valueName: "FILE.csv|FILE.xlsx"))
    var file: String

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("Record the import as done by this user (default: cli:<OS user>).", valueName: "USER"))
    var user: String?

    @Flag(help: "Approve the rows in the same transaction (admins).")
    var approve = false

    @Flag(help: "Import even if the same file was imported before.")
    var again = false

    @OptionGroup var planOption: PlanOption

    func run() async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw CLIFailure("no such file: \(file)") }
        try await store.withStore { s in
            let actor = CommandLineActor.resolve(user)
            let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: actor)
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let bar = ProgressBar(total: size, enabled: Output.stderrIsTerminal)
            let importer = Importer(store: s, index: current.index, planVersion: current.version.id)
            let request = Importer.Request(kind: kind.factKind, path: file, actor: actor, approve: approve, again: again, today: Timestamp.now.koreanDay)
            do {
                let summary = try await importer.run(request) { rows, bytes in bar.update(rows: rows, bytes: bytes) }
                bar.finish()
                let rate = summary.seconds > 0 ? Int(Double(summary.rows) / summary.seconds) : summary.rows
                let state = summary.state == .approved ? "approved" : "submitted for approval"
                let from = summary.sheet.map { "sheet '\($0)'" } ?? summary.encoding.rawValue
                Output.out("\(file): imported \(summary.rows) \(kind.rawValue) rows (\(from)) as import #\(summary.importId), \(state), "
                    + String(format: "in %.2f s (%d rows/s)", summary.seconds, rate))
            } catch let error as StoreError {
                bar.finish()
                switch error {
                case .importRejected(let diagnostics, let total):
                    for d in diagnostics { Output.err(d.description) }
                    if total > diagnostics.count { Output.err("… and \(total - diagnostics.count) more errors") }
                    Output.err("\(file): \(total) error\(total == 1 ? "" : "s"); nothing was imported")
                    throw ExitCode(1)
                default:
                    throw CLIFailure("\(file): \(error)")
                }
            }
        }
    }
}

/// A progress bar with rows per second on standard error, drawn only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let start = ContinuousClock.now
    private var drawn = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(rows: Int, bytes: Int) {
        guard enabled else { return }
        let elapsed = start.duration(to: .now)
        let seconds = elapsed.inSeconds
        let fraction = total > 0 ? min(1, Double(bytes) / Double(total)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = seconds > 0 ? Int(Double(rows) / seconds) : 0
        Output.err(String(format: "\r%@ %3d%%  %d rows  %d rows/s", bar, Int(fraction * 100), rows, rate), terminator: "")
        drawn = true
    }

    func finish() {
        if drawn { Output.err("\r\u{1B}[K", terminator: "") }
    }
}
