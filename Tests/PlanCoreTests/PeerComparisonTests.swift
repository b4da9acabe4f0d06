import Foundation
import Testing
@testable import PlanCore

/// Planwatch beside Open SDG's progress measure (sdg-build), case by case.
///
/// `PeerComparison/cases.csv` holds each case's inputs, sdg-build's answer (computed and checked
/// by `scripts/sdg-progress.py --check`, a re-implementation of its published formula) and
/// Planwatch's answer. This test recomputes Planwatch's answer from the engine, so the table can
/// never drift from the code; `docs/method.md` §17 explains every difference.
@Suite("Peer comparison with sdg-build's progress measure")
struct PeerComparisonTests {
    struct Case {
        var id: String
        var fields: [String: String]

        subscript(_ key: String) -> String { fields[key] ?? "" }

        var indicator: Indicator {
            let unit: PlanCore.Unit? = switch self["measure"] {
            case "percent": .percent
            case "rank": .rank
            case "amount": .won
            default: .item
            }
            let measure: Measure? = self["measure"] == "amount" ? .amount : nil
            return Fixture.indicator(id, unit: unit, measure: measure, direction: self["direction"] == "decrease" ? .decrease : .increase,
                                     method: self["method"] == "cagr" ? .cagr : .linear,
                                     baseline: (self["baseline_year"], Double(self["baseline_value"])!),
                                     targets: [(self["target_year"], Double(self["target_value"])!)])
        }

        /// The yearly values, as far as their years have ended by the case's date (as the store would give them).
        var values: [(String, Double)] {
            let asOf = Fixture.day(self["as_of"])
            return self["values"].split(separator: ";").map { pair in
                let parts = pair.split(separator: ":")
                return (String(parts[0]), Double(parts[1])!)
            }.filter { Fixture.period($0.0).end <= asOf }
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

    @Test("the table holds at least 15 cases, each with sdg-build's answer and Planwatch's")
    func tableIsComplete() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 15)
        for c in cases {
            #expect(!c["sdg_status"].isEmpty && !c["planwatch_status"].isEmpty, "\(c.id)")
        }
    }

    @Test("Planwatch's column is what the engine says today")
    func planwatchColumnMatchesTheEngine() throws {
        for c in try Self.cases() {
            let a = Fixture.assess(c.indicator, c.values, asOf: c["as_of"])
            let ratio = a.ratio.map { String(format: "%.4f", $0) } ?? ""
            #expect(a.status.rawValue == c["planwatch_status"] && ratio == c["planwatch_ratio"],
                    "\(c.id): the engine says \(a.status.rawValue),\(ratio)")
        }
    }
}
