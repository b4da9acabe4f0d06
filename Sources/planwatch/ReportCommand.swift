import ArgumentParser
import Foundation
import PlanCore
import PlanStore

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the quarterly progress report (roll-ups, what is slipping, late reforms) from the store.",
        discussion: "The report only uses approved facts, as known at the end of --as-of (Korean time); the same date gives the same report."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "ko or en.")
    var lang: Language = .ko

    @Option(help: "md or html.")
    var format: Format

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var planOption: PlanOption

    func run() async throws {
        let day = try AsOfOption.parse(asOf)
        let s = try await store.open()
        let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: CommandLineActor.resolve(nil))
        let facts = try await s.publishedFacts()
        await s.shutdown()
        let assessment = Assessor.assess(current.index, facts: facts, asOf: AsOf(day))
        let cited = facts.observations.filter { $0.record.source != nil }.map { ($0.record.id, $0.record) }
        let doc = QuarterlyReport.document(assessment, index: current.index, language: lang, sources: Dictionary(cited) { a, _ in a })
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
