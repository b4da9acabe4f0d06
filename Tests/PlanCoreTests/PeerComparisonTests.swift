import Foundation
import Testing
@testable import PlanCore

/// Planwatch beside Open SDG's progress measure (sdg-build), case by case.
///
/// `PeerComparison/cases.csv` holds each case's inputs, sdg-build's answer (computed and checked
/// by `scripts/sdg-progress.py --check`, a re-implementation of its published formula) and
/// Planwatch's answer. This test recomputes Planwatch's answer the way `planwatch assess
/// --facts` does (a one-indicator plan, a facts file, `Assessor`), so the table can never drift
/// from the code; `docs/method.md` §17 explains every difference.
@Suite("Peer comparison with sdg-build's progress measure")
struct PeerComparisonTests {
    struct Case {
        var id: String
        var fields: [String: String]

        subscript(_ key: String) -> String { fields[key] ?? "" }

        var plan: OneIndicatorPlan {
            func given(_ key: String) -> String? { self[key].isEmpty ? nil : self[key] }
            let measure: String? = self["unit"] == "점" ? "index" : nil
            return OneIndicatorPlan(unit: self["unit"], measure: measure, direction: given("direction"), accumulation: given("accumulation"),
                                    method: given("method"), baseline: (self["baseline_period"], self["baseline_value"]),
                                    targets: [(self["target_period"], self["target_value"], given("comparator"))])
        }

        /// Each value recorded and approved on the last day of its period, as a ministry reporting
        /// at once would; the as-of rules leave out those not yet known on the case's date.
        var rows: [OneIndicatorPlan.Row] {
            self["values"].split(separator: ";").map { pair in
                let parts = pair.split(separator: ":")
                let day = Fixture.period(String(parts[0])).end.iso
                return OneIndicatorPlan.Row(period: String(parts[0]), value: String(parts[1]), recorded: day, approved: day)
            }
        }
    }

    static let file = Repo.path("Tests/PlanCoreTests/PeerComparison/cases.csv")

    static func cases() throws -> [Case] {
        var reader = CSVReader(text: try String(contentsOfFile: file, encoding: .utf8))
        guard let header = try reader.next()?.fields else { return [] }
        var out: [Case] = []
        while let record = try reader.next() {
            out.append(Case(id: record.fields[0], fields: Dictionary(uniqueKeysWithValues: zip(header, record.fields))))
        }
        return out
    }

    @Test("the table holds at least 40 cases, each with sdg-build's answer and Planwatch's")
    func tableIsComplete() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 40)
        for c in cases {
            #expect(!c["sdg_status"].isEmpty && !c["planwatch_status"].isEmpty, "\(c.id)")
        }
    }

    @Test("Planwatch's column is what the engine says today, through the path of planwatch assess --facts")
    func planwatchColumnMatchesTheEngine() throws {
        for c in try Self.cases() {
            switch c.plan.run(c.rows, asOf: c["as_of"]) {
            case .failure(let error):
                #expect(c["planwatch_status"] == "refused" && c["planwatch_ratio"].isEmpty, "\(c.id): the file is refused: \(error.diagnostics)")
            case .success(let (assessment, _)):
                let a = assessment.indicators[0]
                let ratio = a.ratio.map { String(format: "%.4f", $0) } ?? ""
                #expect(a.status.rawValue == c["planwatch_status"] && ratio == c["planwatch_ratio"],
                        "\(c.id): the engine says \(a.status.rawValue),\(ratio)")
            }
        }
    }

    @Test("every reproduction of issue 18 is a case: the seven defects and both weak spots")
    func reproductionsAreCases() throws {
        let ids = try Self.cases().map(\.id)
        for tag in ["i18-1", "i18-2", "i18-3", "i18-4", "i18-5", "i18-6a", "i18-6b", "i18-7", "i18-w1", "i18-w2"] {
            #expect(ids.contains { $0.contains("-\(tag)-") }, "no case for \(tag)")
        }
    }
}
