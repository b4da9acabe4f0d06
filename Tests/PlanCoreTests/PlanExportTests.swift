import Testing
@testable import PlanCore

@Suite("Exports: JSON and CSV")
struct PlanExportTests {
    let plan = Repo.digitalNewDeal

    @Test("the JSON has the documented shape, in base units with the seed's wording")
    func shape() throws {
        let doc = PlanJSON.document(plan)
        guard case .array(let pillars) = doc["pillars"]!, case .array(let projects) = pillars[0]["projects"]! else {
            Issue.record("no pillars or projects")
            return
        }
        let p = projects[0]
        #expect(p["id"] == .string("1-1"))
        #expect(p["title"]?["ko"] == .string("국민생활과 밀접한 분야 데이터 구축·개방·활용"))
        guard case .array(let budget) = p["budget"]!, case .array(let jobs) = p["jobs"]!,
              case .array(let indicators) = p["indicators"]!, case .array(let tasks) = p["tasks"]! else {
            Issue.record("missing arrays")
            return
        }
        #expect(budget[0]["totalCost"] == .int(3_200_000_000_000) && budget[0]["treasury"] == .int(3_100_000_000_000))
        #expect(jobs[1]["count"] == .int(295_000))
        let open = indicators[0]
        #expect(open["baseline"]?["value"] == .int(49_000))
        #expect(open["baseline"]?["asWritten"] == .string("공공데이터 4.9만개 개방"))
        guard case .array(let targets) = open["targets"]! else { return }
        #expect(targets[0]["due"] == .string("2021") && targets[0]["value"] == .int(142_000) && targets[0]["comparator"] == .string("atLeast"))
        #expect(targets[1]["text"]?["ko"] == .string("데이터 표준화 및 품질 제고") && targets[1]["value"] == nil)
        let reform = tasks.first { $0["kind"] == .string("reform") && $0["due"] == .string("2020-H2") }
        #expect(reform?["dueAsWritten"] == .string("'20.下"))
        #expect(tasks.contains { t in if case .array(let laws) = t["laws"]!, !laws.isEmpty { return true } else { return false } })
    }

    @Test("the JSON is byte-identical across runs")
    func deterministic() {
        let a = PlanJSON.document(plan).pretty
        let b = PlanJSON.document(Repo.digitalNewDeal).pretty
        #expect(a == b && a.hasPrefix("{\n  \"id\": \"digital-new-deal\""))
    }

    @Test("CSV tables start with a BOM, quote properly and neutralise formulas")
    func csv() {
        let tables = PlanCSV.tables(plan)
        #expect(tables.map(\.fileName) == ["projects.csv", "budget.csv", "jobs.csv", "indicators.csv", "targets.csv", "tasks.csv", "laws.csv"])
        #expect(tables.allSatisfy { $0.csv.hasPrefix("\u{FEFF}") })
        #expect(tables[0].rows.count == 12)
        #expect(tables[6].rows.count == plan.reforms.flatMap(\.laws).count)
        #expect(CSVTable.render(.text("=HYPERLINK(\"http://x\")")) == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVTable.render(.text("@SUM(A1)")) == "'@SUM(A1)")
        #expect(CSVTable.render(.number(-6.1)) == "-6.1")
        #expect(CSVTable.render(.text("a,b")) == "\"a,b\"")
    }
}
