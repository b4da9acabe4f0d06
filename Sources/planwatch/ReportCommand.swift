import ArgumentParser
import Foundation
import PlanCore
import PlanStore

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the quarterly review (summary, what is slipping, indicators, budget and jobs, reforms, sources) from the store.",
        discussion: """
        The review only uses approved facts, as known at the end of --as-of (Korean time); the same date gives the same review.
        hwpx writes a Hangul document (OWPML, KS X 6101) and xlsx the review's tables, one sheet each; both need --out.
        The file appears only when complete. The review reads the database and never changes it: with no plan stored, \
        give --plan FILE or load one first (planwatch plan load FILE).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, xlsx, hwpx
    }

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "ko or en.")
    var lang: Language = .ko

    @Option(help: "md, html, xlsx (the tables, one sheet each) or hwpx (a Hangul document); xlsx and hwpx need --out.")
    var format: Format

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var planOption: PlanOption

    func validate() throws {
        if format == .xlsx && out == nil { throw ValidationError("--format xlsx writes a workbook: give --out FILE.xlsx") }
        if format == .hwpx && out == nil { throw ValidationError("--format hwpx writes a Hangul document: give --out FILE.hwpx") }
    }

    func run() async throws {
        let day: CalendarDay
        do { day = try AsOfOption.parse(asOf) } catch { throw CLIFailure("\(error)") }
        let (history, facts) = try await ReviewInputs.read(store: store, planOption: planOption)
        // The version of the plan in force on the day decides what the review measures against.
        let index = history.inForce(on: day).index
        let today = Timestamp(seconds: Int64(Date().timeIntervalSince1970)).koreanDay
        if day < index.plan.start.start {
            throw CLIFailure("--as-of \(day.iso) is before the plan begins (\(index.plan.start.start.iso)): there is nothing to review yet")
        }
        if day > today { throw CLIFailure("--as-of \(day.iso) is after today (\(today.iso)): a review reports only what is known") }
        let assessment = Assessor.assess(index, facts: facts, asOf: AsOf(day))
        let doc = QuarterlyReport.document(assessment, index: index, language: lang, facts: facts)
        guard let out else {
            Output.out(format == .md ? doc.markdown : doc.html, terminator: "")
            return
        }
        do {
            switch format {
            case .xlsx: try ReviewFile.xlsx(doc, to: out)
            case .hwpx: try HWPXWriter.write(doc, to: out)
            case .md: try ReportFile.write(Data(doc.markdown.utf8), to: out)
            case .html: try ReportFile.write(Data(doc.html.utf8), to: out)
            }
        } catch {
            throw CLIFailure("\(error)")
        }
        Output.err("wrote \(out)")
    }
}

/// What a review is made from: the plan's versions (those stored, or `--plan FILE` and the
/// revisions beside it) and the approved facts. Reading never writes: a database that does not
/// exist is not created, and a plan is not loaded into one.
enum ReviewInputs {
    static func read(store options: StoreOptions, planOption: PlanOption) async throws -> (PlanHistory, FactSet) {
        let named = options.db ?? ProcessInfo.processInfo.environment["PLANWATCH_DB"]
        let url: DatabaseURL
        do { url = try DatabaseURL.resolve(named) } catch { throw ValidationError("\(error)") }
        let fromFile = try planOption.plan.map { path -> PlanHistory in
            guard FileManager.default.isReadableFile(atPath: path) else { throw CLIFailure("no plan: cannot read \(path)") }
            return PlanHistory(try planOption.family().members.map(\.plan))
        }
        if case .sqlite(let path) = url, !FileManager.default.fileExists(atPath: path) {
            guard let plan = fromFile else {
                throw CLIFailure("no plan: the database \(path) does not exist; give --plan FILE or load one (planwatch plan load FILE --db \(url))")
            }
            return (plan, FactSet())
        }
        return try await options.withStore { s in
            if let history = fromFile { return (history, try await s.publishedFacts()) }
            guard let history = try await s.planHistory() else {
                throw CLIFailure("no plan in \(url): give --plan FILE or load one (planwatch plan load FILE --db \(url))")
            }
            return (history, try await s.publishedFacts())
        }
    }
}

/// The review's tables as a workbook, written whole or not at all.
enum ReviewFile {
    static func xlsx(_ doc: ReportDocument, to path: String) throws {
        let bytes = try XLSXWriter.bytes { try XLSXReport.write(doc, to: $0) }
        try ReportFile.write(Data(bytes), to: path)
    }
}
