import ArgumentParser
import Foundation
import PlanCore
import PlanStore

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the quarterly progress report (roll-ups, what is slipping, late reforms) from the store.",
        discussion: """
        The report only uses approved facts, as known at the end of --as-of (Korean time); the same date gives the same report.
        xlsx writes the report's tables, one sheet each, to --out.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, xlsx
    }

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "ko or en.")
    var lang: Language = .ko

    @Option(help: "md, html or xlsx (the tables, one sheet each; needs --out).")
    var format: Format

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var planOption: PlanOption

    func validate() throws {
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx writes a workbook: give --out FILE.xlsx") }
    }

    func run() async throws {
        let day = try AsOfOption.parse(asOf)
        let s = try await store.open()
        let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: CommandLineActor.resolve(nil))
        let facts = try await s.publishedFacts()
        await s.shutdown()
        let assessment = Assessor.assess(current.index, facts: facts, asOf: AsOf(day))
        let cited = facts.observations.filter { $0.record.source != nil }.map { ($0.record.id, $0.record) }
        let doc = QuarterlyReport.document(assessment, index: current.index, language: lang, sources: Dictionary(cited) { a, _ in a })
        if format == .xlsx, let out {
            let writer = XLSXWriter(path: out)
            do {
                try XLSXReport.write(doc, to: writer)
                try writer.finish()
            } catch {
                throw CLIFailure(error.message)
            }
            Output.err("wrote \(out)")
            return
        }
        let text = format == .md ? doc.markdown : doc.html
        if let out {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw CLIFailure("cannot write \(out): \(error.localizedDescription)")
            }
            Output.err("wrote \(out)")
        } else {
            Output.out(text, terminator: "")
        }
    }
}
