import Foundation
@testable import PlanCore

/// A plan of one indicator (period 2010–2035) and a facts file for it, run the way
/// `planwatch assess --plan P --facts F --as-of D` runs them: the plan through `PlanLoader`, the
/// file through `FactsCSV`, the facts through `Assessor`. Issue 18 states every reproduction so,
/// and the peer table runs its cases so.
struct OneIndicatorPlan {
    /// A row of the facts file, for indicator `x`.
    struct Row {
        var period: String
        var value: String
        var recorded: String
        var approved: String
        var supersedes: String = ""
        var status = "final"

        var csv: String { "x,\(period),\(value),\(status),\(recorded),\(approved),\(supersedes),," }
    }

    var unit: String
    var measure: String? = nil
    var direction: String? = nil
    var accumulation: String? = nil
    var method: String? = nil
    var baseline: (period: String, value: String)?
    var targets: [(due: String, value: String, comparator: String?)]

    var yaml: String {
        var lines = [
            "format: planwatch-plan/1", "id: one", "title: {ko: 지표 하나, en: One indicator}", "period: {start: 2010, end: 2035}",
            "currency: KRW", "pillars:", "  - id: \"1\"", "    title: {ko: 분야, en: Pillar}", "    projects:", "      - id: \"1-1\"",
            "        title: {ko: 사업, en: Project}", "        indicators:", "          - id: x", "            name: {ko: 지표, en: Indicator}",
            "            unit: \"\(unit)\"",
        ]
        for (key, value) in [("measure", measure), ("direction", direction), ("accumulation", accumulation), ("method", method)] {
            if let value { lines.append("            \(key): \(value)") }
        }
        if let baseline { lines.append("            baseline: {period: \"\(baseline.period)\", value: \"\(baseline.value)\"}") }
        lines.append("            targets:")
        for t in targets {
            lines.append("              - {due: \"\(t.due)\", value: \"\(t.value)\"\(t.comparator.map { ", comparator: \($0)" } ?? "")}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var index: PlanIndex {
        let result = PlanLoader.load(yaml: yaml, file: "plan.yaml")
        guard let plan = result.plan else { fatalError("the one-indicator plan does not load:\n\(result.diagnostics)\n\(yaml)") }
        return PlanIndex(plan)
    }

    static let header = "indicator_id,period,value,status,recorded_at,approved_at,supersedes,source,note"

    static func file(_ rows: [Row]) -> [UInt8] { Array(([header] + rows.map(\.csv)).joined(separator: "\n").utf8) }

    /// The file read and the plan assessed as of `asOf`, or the file's diagnostics.
    func run(_ rows: [Row], asOf: String) -> Result<(PlanAssessment, PlanIndex), DiagnosticsError> {
        let index = self.index
        do {
            let facts = try FactsCSV.read(Self.file(rows), file: "facts.csv", index: index)
            return .success((Assessor.assess(index, facts: FactSet(observations: facts), asOf: Fixture.asOf(asOf)), index))
        } catch {
            return .failure(error)
        }
    }

    /// The indicator's verdict, or nil when the file is refused.
    func assess(_ rows: [Row], asOf: String) -> IndicatorAssessment? {
        guard case .success(let (a, _)) = run(rows, asOf: asOf) else { return nil }
        return a.indicators[0]
    }

    /// The row `planwatch assess --format csv` prints for the indicator, as (column, text) pairs.
    func csvRow(_ rows: [Row], asOf: String) -> [String: String]? {
        guard case .success(let (a, index)) = run(rows, asOf: asOf) else { return nil }
        let table = AssessmentJSON.csv(a, index: index)
        var reader = CSVReader(text: table.csv)
        guard let header = try? reader.next()?.fields, let row = try? reader.next()?.fields else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(header.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }, row))
    }
}
