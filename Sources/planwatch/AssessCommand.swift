import ArgumentParser
import Foundation
import PlanCore

struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Judge every commitment on track or not, as of a date (method: docs/method.md).",
        discussion: "Reads the published facts from the store (--db), or observations from a facts CSV (--facts, docs/facts-csv.md). The same plan, facts and date always give the same answer."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var planOption: PlanOption

    @Option(name: .long, help: ArgumentHelp("Approved observations to assess, as CSV (docs/facts-csv.md).", valueName: "FILE.csv"))
    var facts: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Assess as known at the end of this day (Korean time). Defaults to today.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, help: "table, json or csv.")
    var format: Format = .table

    @Option(name: .long, help: "Language of the table: ko or en.")
    var lang: Language = .ko

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let day = try AsOfOption.parse(asOf)
        var factSet = FactSet()
        let index: PlanIndex
        if facts == nil {
            let s = try await store.open()
            let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: CommandLineActor.resolve(nil))
            factSet = try await s.publishedFacts()
            await s.shutdown()
            index = current.history.inForce(on: day).index
        } else {
            // The plan file and its revisions beside it: the version in force on the day decides.
            index = PlanHistory(try planOption.family().members.map(\.plan)).inForce(on: day).index
        }
        if let facts {
            guard let data = FileManager.default.contents(atPath: facts) else {
                throw CLIFailure("cannot read \(facts): \(FileManager.default.fileExists(atPath: facts) ? "permission denied" : "no such file")")
            }
            do {
                factSet.observations = ObservationLog(try FactsCSV.read([UInt8](data), file: facts, index: index))
            } catch {
                for d in error.diagnostics { Output.err(d.description) }
                throw ExitCode(1)
            }
        }
        let assessment = Assessor.assess(index, facts: factSet, asOf: AsOf(day))
        switch format {
        case .table:
            Output.out(AssessmentReport.render(assessment, index: index, language: lang, colour: Output.stdoutIsTerminal))
        case .json:
            Output.out(AssessmentJSON.document(assessment, index: index).pretty)
        case .csv:
            Output.out(AssessmentJSON.csv(assessment, index: index).csv, terminator: "")
        }
    }
}

/// `--as-of YYYY-MM-DD`, defaulting to today in Korea.
enum AsOfOption {
    static func parse(_ text: String?) throws -> CalendarDay {
        guard let text else { return Timestamp(seconds: Int64(Date().timeIntervalSince1970)).koreanDay }
        guard let day = CalendarDay(iso: text) else {
            throw ValidationError("--as-of '\(text)' is not a date; write YYYY-MM-DD, e.g. 2022-12-31")
        }
        return day
    }
}
