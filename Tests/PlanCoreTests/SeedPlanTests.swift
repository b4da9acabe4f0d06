import Testing
@testable import PlanCore

/// Holds `Plans/digital-new-deal.yaml` to the seed text (`../shared/seed/digital-new-deal.ko.txt`).
@Suite("The Digital New Deal as data matches the seed")
struct SeedPlanTests {
    let plan = Repo.digitalNewDeal

    func project(_ id: String) -> Project { plan.projects.first { $0.id == id }! }

    func indicator(_ id: String) -> Indicator { plan.indicators.first { $0.id == id }! }

    @Test("4 pillars and 12 projects, with their titles")
    func structure() {
        #expect(plan.pillars.map(\.id) == ["1", "2", "3", "4"])
        #expect(plan.pillars.map(\.title.ko) == ["D.N.A. 생태계 강화", "교육인프라 디지털 전환", "비대면 산업 육성", "SOC 디지털화"])
        #expect(plan.projects.map(\.id) == ["1-1", "1-2", "1-3", "1-4", "2-1", "2-2", "3-1", "3-2", "3-3", "4-1", "4-2", "4-3"])
        #expect(project("1-4").title.ko == "K-사이버 방역체계 구축")
        #expect(project("4-3").title.ko == "스마트 물류체계 구축")
        for p in plan.projects {
            #expect(p.title.en?.isEmpty == false, "\(p.id) has no English title")
            #expect(p.situation != nil && p.vision != nil && p.summary != nil, "\(p.id) lacks situation, vision or overview")
        }
    }

    /// Each project's ◇ line: (total cost, treasury, jobs) by 2022 and by 2025, in 조원 and 만 jobs.
    static let budgetLines: [String: [(Double, Double, Double)]] = [
        "1-1": [(3.2, 3.1, 16.1), (6.7, 6.4, 29.5)],
        "1-2": [(9.6, 6.5, 8.1), (21.1, 14.8, 17.2)],
        "1-3": [(2.5, 2.5, 2.3), (9.7, 9.7, 9.1)],
        "1-4": [(0.4, 0.4, 0.4), (1.0, 1.0, 0.9)],
        "2-1": [(0.7, 0.3, 0.4), (0.7, 0.3, 0.4)],
        "2-2": [(0.3, 0.3, 0.2), (0.6, 0.6, 0.5)],
        "3-1": [(0.3, 0.2, 0.4), (0.5, 0.4, 0.5)],
        "3-2": [(0.7, 0.6, 0.8), (0.8, 0.7, 0.9)],
        "3-3": [(0.3, 0.3, 3.4), (1.2, 1.0, 12.0)],
        "4-1": [(4.4, 3.7, 5.2), (10.7, 8.5, 12.4)],
        "4-2": [(0.8, 0.6, 0.7), (1.7, 1.2, 1.4)],
        "4-3": [(0.2, 0.1, 1.0), (3.4, 0.3, 5.5)],
    ]

    @Test("every project's budget and jobs, to 2022 and to 2025", arguments: budgetLines.keys.sorted())
    func budgetAndJobs(id: String) {
        let p = project(id)
        let lines = Self.budgetLines[id]!
        #expect(p.budget.map(\.by.iso) == ["2022", "2025"])
        #expect(p.jobs.map(\.by.iso) == ["2022", "2025"])
        for (i, line) in lines.enumerated() {
            #expect(p.budget[i].totalCost == Int64((line.0 * 10).rounded()) * 100_000_000_000)
            #expect(p.budget[i].treasury == Int64((line.1 * 10).rounded()) * 100_000_000_000)
            #expect(p.jobs[i].count == Int64((line.2 * 10).rounded()) * 1_000)
        }
    }

    @Test("totals across projects: 58.1조원 and 90.3만 jobs by 2025")
    func totals() {
        let t = PlanTotals(plan)
        #expect(t.budget.map(\.totalCost) == [23_400_000_000_000, 58_100_000_000_000])
        #expect(t.jobs.map(\.count) == [390_000, 903_000])
        #expect(QuantityFormatter.korean(Double(t.budget[1].totalCost ?? 0), unit: .won) == "58.1조원")
        #expect(QuantityFormatter.korean(Double(t.jobs[1].count), unit: .item) == "90.3만 개")
    }

    @Test("each project's count of indicator rows", arguments: [
        ("1-1", 4), ("1-2", 4), ("1-3", 3), ("1-4", 3), ("2-1", 3), ("2-2", 3),
        ("3-1", 4), ("3-2", 3), ("3-3", 3), ("4-1", 4), ("4-2", 2), ("4-3", 2),
    ])
    func rowCounts(id: String, rows: Int) {
        #expect(project(id).indicatorRowCount == rows)
    }

    @Test("사이버보안 글로벌 순위 (GCI): lower is better, 15 in 2020, 7 by 2022, 5 by 2025")
    func gciRank() {
        let gci = indicator("1-4.gci-rank")
        #expect(gci.measure == .rank && gci.direction == .decrease)
        #expect(gci.baseline?.period == .year(2020) && gci.baseline?.value == 15)
        #expect(gci.targets.map(\.due.iso) == ["2022", "2025"])
        #expect(gci.targets.map(\.value) == [7, 5])
        #expect(gci.targets.allSatisfy { $0.comparator == .atMost })
        #expect(gci.bounds.min == 1)
    }

    @Test("공공데이터 개방: 142,000 due 2021 although printed in the 2022 column")
    func publicData() {
        let open = indicator("1-1.public-data-opened")
        #expect(open.baseline?.value == 49_000)
        #expect(open.targets[0].value == 142_000 && open.targets[0].due == .year(2021) && open.targets[0].column == 2022)
        #expect(open.targets[0].asWritten == "14.2만개 개방(~'21完)")
        #expect(open.targets[1].isQualitative && open.targets[1].text?.ko == "데이터 표준화 및 품질 제고")
    }

    @Test("데이터시장: baseline year 2019, in won, compounding")
    func dataMarket() {
        let market = indicator("1-1.data-market-size")
        #expect(market.baseline?.period == .year(2019))
        #expect(market.baseline?.value == 16_800_000_000_000)
        #expect(market.unit == .won && market.method == .cagr)
        #expect(market.targets.map(\.value) == [30_000_000_000_000, 43_000_000_000_000])
    }

    @Test("baselines from 2018 and the '-' rows without a baseline")
    func baselineYears() {
        #expect(indicator("1-2.immersive-content-firms").baseline?.period == .year(2018))
        #expect(plan.indicators.filter { $0.source == .table && $0.baseline?.period == .year(2018) }.count >= 5)
        // Rows shown as '-': 공동화상회의 인프라, 스마트 상점, 스마트 공방, 조기경보시스템,
        // 스마트공동물류센터 (two parts) and 스마트물류센터 인증.
        let missing = plan.projects.flatMap(\.indicators).filter { $0.baseline == nil }
        #expect(missing.map { $0.id.prefix(3) } == ["3-2", "3-3", "3-3", "4-1", "4-3", "4-3", "4-3"])
    }

    @Test("qualitative baselines and targets keep their words")
    func qualitative() {
        let network = plan.projects.first { $0.id == "1-3" }!.indicators.first { $0.name.ko.contains("5G") }!
        #expect(network.isQualitative)
        #expect(network.baseline?.text?.ko == "유선망 중심 업무환경")
    }

    @Test("the two-part cell 4개/1개 is two indicators in one row")
    func twoPart() {
        let parts = project("4-3").indicators.filter { $0.row != nil }
        #expect(parts.count == 2 && Set(parts.map(\.rowKey)).count == 1)
        #expect(parts.map { $0.targets.map(\.value) } == [[4, 11], [1, 2]])
    }

    @Test("smart-city platforms: 108 due end-2020")
    func smartCity() {
        let platform = project("4-2").indicators[0]
        #expect(platform.targets.count == 1 && platform.targets[0].due == .year(2020) && platform.targets[0].value == 108)
    }

    @Test("investment tasks carry the seed's dated numbers")
    func taskNumbers() {
        let all = plan.indicators
        func find(_ value: Double, due: String, in project: String) -> Bool {
            all.contains { i in i.source == .task && i.id.hasPrefix(project + ".") && i.targets.contains { $0.value == value && $0.due.iso == due } }
        }
        #expect(find(12_000, due: "2022", in: "1-2"), "스마트공장 1.2만개(~'22)")
        #expect(find(1_300, due: "2025", in: "1-1"), "AI 학습용 데이터 1,300종 by '25")
        #expect(find(1_000, due: "2021", in: "3-1"), "호흡기전담클리닉 1,000개소 by '21")
        #expect(find(190, due: "2022", in: "4-1"), "둔치주차장 190개소 by '22")
        #expect(plan.tasks.filter { $0.kind == .investment }.count >= 50)
    }

    @Test("every reform: its laws and a due period")
    func reforms() {
        let reforms = plan.reforms
        #expect(reforms.count >= 30)
        #expect(reforms.allSatisfy { $0.due != nil || $0.start != nil })
        let laws = Set(reforms.flatMap { $0.laws.map(\.name.ko) })
        for law in ["개인정보보호법", "정보통신망법", "신용정보법", "전자정부법", "전자금융거래법", "초중등교육법", "평생교육법",
                    "(가칭)원격교육기본법", "도로교통법", "국가공간정보 보안관리규정", "재난 및 안전관리 기본법", "지방세특례제한법"] {
            #expect(laws.contains(law), "\(law) is missing")
        }
        let enact = reforms.flatMap(\.laws).first { $0.name.ko == "(가칭)원격교육기본법" }
        #expect(enact?.action == .enact)
    }

    @Test("organizations are only those the seed names, and every one is used")
    func organizations() {
        #expect(Set(plan.organizations.map(\.id)) == ["moe", "mcst", "mohw", "molit", "nis"])
        let used = Set(plan.tasks.flatMap(\.organizations) + plan.projects.flatMap(\.leadOrganizations))
        #expect(used == Set(plan.organizations.map(\.id)))
        #expect(plan.projects.allSatisfy { $0.leadOrganizations.isEmpty })
    }

    @Test("every title and name has English")
    func english() {
        for i in plan.indicators { #expect(i.name.en?.isEmpty == false, "\(i.id)") }
        for t in plan.tasks { #expect(t.title.en?.isEmpty == false, "\(t.id)") }
    }

    @Test("the file checks clean: no errors and no warnings")
    func clean() {
        let result = PlanLoader.load(path: Repo.path("Plans/digital-new-deal.yaml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}
