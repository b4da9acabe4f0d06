import Foundation
import Testing
@testable import PlanCore

/// Every kind of problem `plan check` reports, each at its own line and column.
@Suite("The validator reports every problem at its place")
struct PlanLoaderErrorTests {
    /// A valid plan; each test replaces one line (marked by its text) to make one problem.
    static let valid = """
    format: planwatch-plan/1
    id: t
    title: {ko: 시험 계획, en: Test plan}
    period: {start: 2020, end: 2025}
    organizations:
      - id: moe
        name: {ko: 교육부, en: Ministry of Education}
    pillars:
      - id: "1"
        title: {ko: 기둥, en: Pillar}
        projects:
          - id: "1-1"
            title: {ko: 사업, en: Project}
            budget:
              - {by: 2022, totalCost: 3.2조원, treasury: 3.1조원}
            jobs:
              - {by: 2022, count: 16.1만}
            indicators:
              - id: 1-1.share
                name: {ko: 비율, en: Share}
                unit: "%"
                baseline: {period: 2020, value: 14.8%}
                targets:
                  - {due: 2022, value: 100%}
              - id: 1-1.rank
                name: {ko: 순위, en: Rank}
                unit: 위
                baseline: {period: 2020, value: 15위}
                targets:
                  - {due: 2022, value: 7위}
            tasks:
              - id: 1-1.reform
                kind: reform
                title: {ko: 법 개정, en: Amend the act}
                due: "'20.下"
                organizations: [moe]
                laws:
                  - {name: {ko: 초중등교육법, en: Elementary and Secondary Education Act}, action: amend}

    """

    /// The fixture with one text replaced, and what the loader says about it.
    func check(replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> (yaml: String, diagnostics: [Diagnostic]) {
        #expect(Self.valid.contains(old), "the fixture has no '\(old)'", sourceLocation: sourceLocation)
        let yaml = Self.valid.replacingOccurrences(of: old, with: new)
        return (yaml, PlanLoader.load(yaml: yaml, file: "t.yaml").diagnostics)
    }

    /// Line and column (in characters, from 1) of the first occurrence of `token` in `yaml`.
    static func position(of token: String, in yaml: String, occurrence: Int = 1) -> (line: Int, column: Int)? {
        var seen = 0
        for (i, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.range(of: token) {
                seen += 1
                if seen == occurrence { return (i + 1, line[..<r.lowerBound].unicodeScalars.count + 1) }
            }
        }
        return nil
    }

    /// Expects exactly one diagnostic, placed at `token`, whose message contains `words`.
    func expectOne(_ result: (yaml: String, diagnostics: [Diagnostic]), at token: String, occurrence: Int = 1, _ words: String,
                   severity: Diagnostic.Severity = .error, sourceLocation: SourceLocation = #_sourceLocation) {
        let diagnostics = result.diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        guard let d = diagnostics.first, let place = Self.position(of: token, in: result.yaml, occurrence: occurrence) else {
            Issue.record("no diagnostic, or no '\(token)' in the file", sourceLocation: sourceLocation)
            return
        }
        #expect(d.description.hasPrefix("t.yaml:\(place.line):\(place.column): \(severity.rawValue): "), "\(d)", sourceLocation: sourceLocation)
        #expect(d.message.contains(words), "\(d.message)", sourceLocation: sourceLocation)
    }

    @Test("the fixture itself is valid")
    func valid() {
        let result = PlanLoader.load(yaml: Self.valid, file: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.plan?.indicators.count == 2)
    }

    @Test("1. YAML syntax error")
    func syntax() {
        // libyaml notices the unclosed { (line 10) only at the ':' of the next key, "    projects:" on line 11.
        let result = check(replacing: "title: {ko: 기둥, en: Pillar}", with: "title: {ko: 기둥, en: Pillar")
        #expect(result.diagnostics.map(\.description) == [
            "t.yaml:11:13: error: YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping at 10:12)",
        ])
    }

    @Test("2. duplicate key in one mapping")
    func duplicateKey() {
        expectOne(check(replacing: "id: t\n", with: "id: t\nid: u\n"), at: "id: t", "duplicate key 'id'")
    }

    @Test("3. unknown key, with a suggestion")
    func unknownKey() {
        expectOne(check(replacing: "            unit: 위", with: "            unti: 위\n            unit: 위"), at: "unti", "unknown key 'unti' in indicator; did you mean 'unit'?")
    }

    @Test("4. missing required field")
    func missingField() {
        expectOne(check(replacing: "        title: {ko: 사업, en: Project}\n", with: ""), at: "id: \"1-1\"", "missing required field 'title' in project")
    }

    @Test("5. wrong-typed field: a list where a mapping belongs")
    func wrongType() {
        expectOne(check(replacing: "period: {start: 2020, end: 2025}", with: "period: [2020, 2025]"), at: "[2020", "'period' must be a mapping")
    }

    @Test("6. duplicate id")
    func duplicateId() {
        expectOne(check(replacing: "- id: 1-1.rank", with: "- id: 1-1.share"), at: "1-1.share", occurrence: 2, "duplicate indicator id '1-1.share' (first defined at line 19")
    }

    @Test("7. a target due before its baseline")
    func targetBeforeBaseline() {
        expectOne(check(replacing: "{period: 2020, value: 15위}", with: "{period: 2023, value: 15위}"), at: "{due: 2022, value: 7위}", "target due 2022 is before the baseline (2023)")
    }

    @Test("8. a percent outside 0–100")
    func percentOutOfRange() {
        expectOne(check(replacing: "{due: 2022, value: 100%}", with: "{due: 2022, value: 120%}"), at: "120%", "120% in a target of indicator '1-1.share' is outside 0–100")
    }

    @Test("9. a rank below 1")
    func rankBelowOne() {
        expectOne(check(replacing: "{due: 2022, value: 7위}", with: "{due: 2022, value: 0위}"), at: "0위", "rank 0 in a target of indicator '1-1.rank' is below 1")
    }

    @Test("10. an unparseable unit")
    func badUnit() {
        expectOne(check(replacing: "    unit: 위", with: "    unit: 위치"), at: "위치", "unknown unit '위치'")
    }

    @Test("11. an unparseable number")
    func badNumber() {
        expectOne(check(replacing: "value: 14.8%}", with: "value: 14.8.1%}"), at: "14.8.1%", "cannot read '14.8.1%' as a number")
    }

    @Test("12. an unparseable period")
    func badPeriod() {
        expectOne(check(replacing: "due: \"'20.下\"", with: "due: \"'20.中\""), at: "\"'20.中\"", "cannot read ''20.中' as a period")
    }

    @Test("13. an impossible date")
    func impossibleDate() {
        expectOne(check(replacing: "{period: 2020, value: 14.8%}", with: "{period: 2020-02-30, value: 14.8%}"), at: "2020-02-30", "'2020-02-30' is not a real date")
    }

    @Test("14. a comparator that contradicts the direction")
    func comparatorContradictsDirection() {
        expectOne(check(replacing: "{due: 2022, value: 7위}", with: "{due: 2022, value: 7위, comparator: atLeast}"), at: "atLeast", "comparator 'atLeast' contradicts the direction 'decrease'")
    }

    @Test("15. treasury above the total cost")
    func treasuryAboveTotal() {
        expectOne(check(replacing: "treasury: 3.1조원", with: "treasury: 3.3조원"), at: "3.3조원", "treasury (3.3조원) exceeds the total cost (3.2조원)")
    }

    @Test("16. a reform that speaks of a law but lists none (warning)")
    func reformWithoutLaw() {
        expectOne(check(replacing: "            laws:\n              - {name: {ko: 초중등교육법, en: Elementary and Secondary Education Act}, action: amend}\n", with: ""), at: "id: 1-1.reform", "speaks of amending or enacting a law but lists none", severity: .warning)
    }

    @Test("17. a reform without a due period (warning)")
    func reformWithoutDue() {
        expectOne(check(replacing: "            due: \"'20.下\"\n", with: ""), at: "id: 1-1.reform", "has no 'due' period", severity: .warning)
    }

    @Test("18. a title without English")
    func missingEnglish() {
        expectOne(check(replacing: "title: {ko: 기둥, en: Pillar}", with: "title: 기둥"), at: "기둥", "needs an English translation")
    }

    @Test("19. a value in another unit than the indicator's")
    func unitMismatch() {
        expectOne(check(replacing: "value: 14.8%}", with: "value: 14.8개}"), at: "14.8개", "is in '개' but indicator '1-1.share' is measured in '%'")
    }

    @Test("20. an unknown organization")
    func unknownOrganization() {
        expectOne(check(replacing: "organizations: [moe]", with: "organizations: [mo]"), at: "mo]", "unknown organization 'mo'; did you mean 'moe'?")
    }

    @Test("21. a value that is not one of an enum")
    func badEnum() {
        expectOne(check(replacing: "kind: reform", with: "kind: reformm"), at: "reformm", "not one of: investment, reform; did you mean 'reform'?")
    }

    @Test("22. targets out of due order")
    func targetOrder() {
        expectOne(check(replacing: "- {due: 2022, value: 100%}", with: "- {due: 2022, value: 100%}\n              - {due: 2021, value: 90%}"), at: "{due: 2021", "must be listed in due order")
    }

    @Test("23. a period outside the plan")
    func outsidePlan() {
        expectOne(check(replacing: "{by: 2022, count: 16.1만}", with: "{by: 2030, count: 16.1만}"), at: "2030", "period 2030 is outside the plan's period (2020–2025)")
    }

    @Test("24. invalid UTF-8 names its byte")
    func invalidUTF8() {
        var bytes = Array(Self.valid.utf8)
        bytes.insert(0xFF, at: Array("format: planwatch-plan/1\nid: ".utf8).count)
        let d = PlanLoader.load(data: Data(bytes), file: "t.yaml").diagnostics
        #expect(d.count == 1 && d[0].description.hasPrefix("t.yaml:2:5: error: the file is not valid UTF-8 (byte 0xFF at offset 29)"), "\(d)")
    }

    @Test("25. a malformed id")
    func malformedId() {
        expectOne(check(replacing: "- id: 1-1.rank", with: "- id: 1-1 rank!"), at: "1-1 rank!", "indicator id '1-1 rank!' is not valid")
    }

    @Test("26. nesting 100,000 levels deep is refused by the YAML reader, with its place")
    func deepNesting() {
        let yaml = Self.valid + "x-deep: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let d = PlanLoader.load(yaml: yaml, file: "t.yaml").diagnostics
        #expect(d.count == 1 && d[0].message.contains("nesting") && d[0].line > 1, "\(d)")
    }

    @Test("the node bound grows with the file: a national plan loads, a small file cannot expand far")
    func nodeBoundFollowsFileSize() {
        #expect(YAMLReader(file: "t.yaml", sourceBytes: 1_000).nodeLimit == 200_000)
        #expect(YAMLReader(file: "t.yaml", sourceBytes: 40_000_000).nodeLimit == 80_000_000)
        // Two kilobytes of aliases: 100 pillars × 100 projects × 100 indicators where the pillars belong.
        func hundred(_ alias: String) -> String { "[" + Array(repeating: "*\(alias)", count: 100).joined(separator: ", ") + "]" }
        let bomb = """
            x-i: &i {id: i, name: {ko: 가}, unit: 개, targets: []}
            x-p: &p {id: p, title: {ko: 가}, indicators: \(hundred("i"))}
            x-l: &l {id: l, title: {ko: 가}, projects: \(hundred("p"))}

            """
        let yaml = Self.valid.replacingOccurrences(of: "\norganizations:\n", with: "\n" + bomb + "organizations:\n")
            .replacingOccurrences(of: "\npillars:", with: "\npillars: \(hundred("l"))\nx-pillars:")
        let refused = PlanLoader.load(yaml: yaml, file: "t.yaml")
        #expect(refused.plan == nil)
        #expect(refused.errors.contains { $0.message.contains("expands to more than 200000 YAML nodes") }, "\(refused.errors.prefix(3))")
    }

    @Test("27. an alias bomb (10⁹ nodes if expanded) is refused without expanding it")
    func aliasBomb() {
        var bomb = "x-a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { bomb += "x-a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let yaml = Self.valid.replacingOccurrences(of: "\norganizations:\n", with: "\n" + bomb + "organizations:\n")
        let result = PlanLoader.load(yaml: yaml, file: "t.yaml")
        #expect(result.plan == nil)
        #expect(result.errors.count == 10 && result.errors.allSatisfy { $0.message.hasPrefix("unknown key 'x-a") }, "\(result.errors)")
        // The same bomb where the plan's pillars belong is read only until it is seen to be wrong.
        let inPlace = Self.valid.replacingOccurrences(of: "\norganizations:\n", with: "\n" + bomb + "organizations:\n")
            .replacingOccurrences(of: "\npillars:", with: "\npillars: *a9\nx-pillars:")
        let refused = PlanLoader.load(yaml: inPlace, file: "t.yaml")
        #expect(refused.plan == nil && !refused.errors.isEmpty && refused.errors.count < 10_000)
    }

    @Test("every problem is reported, not only the first")
    func all() {
        var yaml = Self.valid.replacingOccurrences(of: "unit: 위", with: "unit: 위치")
        yaml = yaml.replacingOccurrences(of: "treasury: 3.1조원", with: "treasury: 3.3조원")
        yaml = yaml.replacingOccurrences(of: "organizations: [moe]", with: "organizations: [mo]")
        let result = PlanLoader.load(yaml: yaml, file: "t.yaml")
        #expect(result.plan == nil)
        let lines = ["3.3조원", "위치", "mo]"].map { Self.position(of: $0, in: yaml)!.line }
        #expect(result.errors.map(\.line) == lines)
    }

    @Test("the example plan loads clean and uses every feature")
    func example() throws {
        let result = PlanLoader.load(path: Repo.path("Plans/example-city.yaml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = try result.get()
        #expect(Set(plan.indicators.map(\.measure)) == [.count, .percent, .rank, .amount, .qualitative])
        #expect(Set(plan.indicators.map(\.accumulation)) == [.cumulative, .level, .perPeriod])
        #expect(plan.tasks.contains { $0.parent != nil } && plan.tasks.contains { !$0.tracks.isEmpty })
        #expect(plan.indicators.contains { $0.row != nil } && plan.indicators.contains { $0.method == .cagr })
    }

    @Test("the built-in plan is the repository's file, byte for byte")
    func builtIn() {
        let file = FileManager.default.contents(atPath: Repo.path(BundledPlan.defaultRelativePath))
        #expect(file != nil && BundledPlan.data() == file)
    }
}
