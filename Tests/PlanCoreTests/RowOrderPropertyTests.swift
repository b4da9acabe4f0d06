import PropertyBased
import Testing
@testable import PlanCore

/// The rows of a facts file in any order give the same answer: a file is either refused in
/// every order (two values for one period recorded at the same time, neither correcting the
/// other) or assessed identically in every order. Recording days are drawn from a handful so
/// that same-day ties are common.
@Suite("Row order")
struct RowOrderPropertyTests {
    static let index = AssessmentPropertyTests.index

    /// A generated row: its indicator, period, value, recording and approval days, and the
    /// position (in generation order) of the row it corrects.
    struct Row {
        var indicator: String
        var period: Period
        var value: Double
        var recorded: CalendarDay
        var approved: CalendarDay
        var supersedes: Int?
    }

    static func rows(seed: UInt64, count: Int, settleTies: Bool) -> [Row] {
        var rng = SplitMix(seed: seed)
        let numeric = index.indicators.filter { !$0.isQualitative }.prefix(4)
        var out: [Row] = []
        for _ in 0..<count {
            let indicator = numeric[numeric.startIndex + Int(rng.next() % UInt64(numeric.count))]
            let year = 2024 + Int(rng.next() % 3)
            let period: Period = rng.next() % 3 == 0 ? .half(year, 1 + Int(rng.next() % 2))! : .year(year)!
            // A few recording days only, so two rows for one period often share one. Settled ties
            // are pairs, the later correcting the earlier (a third value at the same time would
            // tie with one of them whatever it corrects).
            var slot = Int(rng.next() % 3)
            func sharing(_ slot: Int) -> [Int] {
                out.indices.filter { out[$0].indicator == indicator.id && out[$0].period == period && out[$0].recorded == period.end.adding(days: 10 + 20 * slot) }
            }
            while settleTies && sharing(slot).count >= 2 { slot += 1 }
            let recorded = period.end.adding(days: 10 + 20 * slot)
            let approved = recorded.adding(days: Int(rng.next() % 40))
            let lo = indicator.bounds.min ?? 0, hi = indicator.bounds.max ?? 2_000
            var row = Row(indicator: indicator.id, period: period, value: (lo + Double(rng.next() % 1000) / 1000 * (hi - lo)).rounded(),
                          recorded: recorded, approved: approved)
            let earlier = out.indices.filter { out[$0].indicator == indicator.id && out[$0].recorded <= recorded }
            if settleTies, let tie = sharing(slot).last {
                row.supersedes = tie
            } else if !earlier.isEmpty, rng.next() % 5 == 0 {
                row.supersedes = earlier[Int(rng.next() % UInt64(earlier.count))]
            }
            out.append(row)
        }
        return out
    }

    /// The file with the rows in `order` (positions in generation order); a row's line is its place + 2.
    static func file(_ rows: [Row], order: [Int]) -> [UInt8] {
        var line: [Int: Int] = [:]
        for (place, k) in order.enumerated() { line[k] = place + 2 }
        var text = OneIndicatorPlan.header
        for k in order {
            let r = rows[k]
            text += "\n\(r.indicator),\(r.period.iso),\(r.value),final,\(r.recorded.iso),\(r.approved.iso),\(r.supersedes.map { String(line[$0]!) } ?? ""),,"
        }
        return Array(text.utf8)
    }

    /// What the assessment says, with every fact named by its row (not its line), so two orders compare.
    static func answer(_ rows: [Row], order: [Int], asOf: AsOf) -> [String]? {
        guard let facts = try? FactsCSV.read(file(rows, order: order), file: "f.csv", index: index) else { return nil }
        let a = Assessor.assess(index, facts: FactSet(observations: facts), asOf: asOf)
        func row(_ id: Int64?) -> String { id.map { String(order[Int($0) - 2]) } ?? "-" }
        return a.indicators.enumerated().map { i, ia in
            let passed = ia.passedMilestones.map { "\($0.status.rawValue)@\(row($0.factId))" }.joined(separator: ",")
            return [ia.status.rawValue, ia.ratio.map { String($0) } ?? "-", ia.latest.map { "\($0.period.iso)=\($0.value ?? .nan)@\(row($0.factId))" } ?? "-",
                    ia.sortedFlags.map(\.rawValue).joined(separator: ","), passed,
                    AssessmentExplanation.indicator(ia, index.indicators[i])[.en]].joined(separator: " | ")
        }
    }

    @Test("shuffled rows, same-day ties included: refused in every order, or the same answer in every order")
    func shuffles() async {
        await propertyCheck(count: 80, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...900), Gen.bool) { seed, offset, settle in
            let rows = Self.rows(seed: UInt64(seed), count: 24, settleTies: settle)
            var rng = SplitMix(seed: UInt64(seed) &+ 11)
            let asOf = AsOf(CalendarDay(year: 2025, month: 1, day: 1)!.adding(days: offset))
            let straight = Array(rows.indices)
            let first = Self.answer(rows, order: straight, asOf: asOf)
            for _ in 0..<3 {
                let shuffled = straight.shuffled(using: &rng)
                let other = Self.answer(rows, order: shuffled, asOf: asOf)
                #expect((first == nil) == (other == nil), "seed \(seed): refused in one order only")
                if let first, let other { #expect(first == other, "seed \(seed), as of \(asOf)") }
            }
            // Ties settled by corrections are accepted; unsettled ones are refused naming both lines.
            if settle { #expect(first != nil, "seed \(seed): a file whose ties are all corrections was refused") }
        }
    }

    @Test("a refused tie names both lines, whichever comes first")
    func refusalNamesBothLines() throws {
        let rows = [Row(indicator: "1-1.coverage", period: .year(2025)!, value: 30, recorded: Fixture.day("2026-01-10"), approved: Fixture.day("2026-01-12")),
                    Row(indicator: "1-1.coverage", period: .year(2025)!, value: 40, recorded: Fixture.day("2026-01-10"), approved: Fixture.day("2026-01-20"))]
        for order in [[0, 1], [1, 0]] {
            do {
                _ = try FactsCSV.read(Self.file(rows, order: order), file: "f.csv", index: Self.index)
                Issue.record("refused nothing")
            } catch {
                #expect(error.diagnostics.count == 1 && error.diagnostics[0].line == 3 && error.diagnostics[0].message.hasPrefix("line 2 holds another value"),
                        "\(error.diagnostics)")
            }
        }
    }
}
