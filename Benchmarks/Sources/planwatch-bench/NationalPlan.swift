import Foundation

/// A national-scale plan FILE (docs/plan-format.md) made up from a seed, and observations CSV
/// files for it (docs/import-formats.md). Same options, same bytes.
///
///     planwatch-bench national-plan  --projects 2000 --indicators 100000 --seed 1 --out plan.yaml
///     planwatch-bench national-facts --projects 2000 --indicators 100000 --seed 1 --per-indicator 100 --out facts.csv
///
/// `national-facts` regenerates the indicators from the same options instead of parsing the plan,
/// so writing ten million rows does not wait on a 40 MB YAML parse. Besides `--out` it writes
/// `--revisions FILE` (one value in twenty reported again, corrected: the import stores it as a
/// newer value for the same indicator and period, which the assessment resolves as the latest)
/// and `--pending FILE` (the newest month of one indicator in fifty, left submitted for the
/// coordinating office to approve late). `--rush FILE --rush-projects N` lists, for the first N
/// projects, each indicator with a plausible value, for the quarter-end rush clients.
enum NationalPlan {
    /// The kinds of SyntheticPlan, in the same proportions.
    enum Kind: CaseIterable {
        case count, percent, rank, money, flow, qualitative, countNoBaseline

        static func pick(_ r: UInt64) -> Kind {
            switch r % 100 {
            case 0..<40: return .count
            case 40..<60: return .percent
            case 60..<70: return .rank
            case 70..<80: return .money
            case 80..<90: return .flow
            case 90..<95: return .qualitative
            default: return .countNoBaseline
            }
        }
    }

    struct Options {
        var projects: Int
        var indicators: Int
        var seed: UInt64

        init(_ args: [String]) {
            projects = max(4, Int(Benchmark.option("--projects", args) ?? "") ?? 2_000)
            indicators = max(projects, Int(Benchmark.option("--indicators", args) ?? "") ?? 100_000)
            seed = UInt64(Benchmark.option("--seed", args) ?? "") ?? 1
        }

        var pillars: Int { max(1, min(12, projects / 100)) }
        /// Project number p (0-based) sits in pillar p % pillars; its id is "PILLAR-N".
        func projectId(_ p: Int) -> String { "\(p % pillars + 1)-\(p / pillars + 1)" }
        /// Indicators are dealt out evenly: project p has indicators [first(p), first(p+1)).
        func firstIndicator(_ p: Int) -> Int { p * indicators / projects }
        func indicatorId(_ project: Int, _ k: Int) -> String { "\(projectId(project)).i\(k + 1)" }
    }

    static let ministries: [(String, String, String)] = [
        ("msit", "과학기술정보통신부", "Ministry of Science and ICT"), ("moe", "교육부", "Ministry of Education"),
        ("mois", "행정안전부", "Ministry of the Interior and Safety"), ("motie", "산업통상자원부", "Ministry of Trade, Industry and Energy"),
        ("mohw", "보건복지부", "Ministry of Health and Welfare"), ("me", "환경부", "Ministry of Environment"),
        ("molit", "국토교통부", "Ministry of Land, Infrastructure and Transport"), ("mof", "해양수산부", "Ministry of Oceans and Fisheries"),
        ("mss", "중소벤처기업부", "Ministry of SMEs and Startups"), ("moel", "고용노동부", "Ministry of Employment and Labor"),
        ("mafra", "농림축산식품부", "Ministry of Agriculture, Food and Rural Affairs"), ("mcst", "문화체육관광부", "Ministry of Culture, Sports and Tourism"),
        ("fsc", "금융위원회", "Financial Services Commission"), ("pipc", "개인정보보호위원회", "Personal Information Protection Commission"),
        ("moef", "기획재정부", "Ministry of Economy and Finance"), ("mnd", "국방부", "Ministry of National Defense"),
    ]
    static let subjects = ["데이터", "인공지능", "5G", "클라우드", "스마트공장", "원격교육", "디지털 트윈", "사이버보안", "스마트시티", "물류",
                           "그린 리모델링", "수소경제", "전기차", "스마트 그린산단", "공공 와이파이", "디지털 헬스케어", "스마트 농업", "해상 물류"]
    static let actions = ["구축", "개방", "보급", "확산", "지원", "전환", "고도화", "실증", "육성", "확충"]
    static let places = ["전국 17개 시·도", "읍·면 지역", "중소기업", "초·중·고교", "공공기관", "산업단지", "항만", "국립대학", "지역 거점병원"]
    static let clauses = [
        "관련 기반을 단계적으로 확충하고 민간 참여를 확대한다",
        "표준과 품질 기준을 마련하여 활용도를 높인다",
        "취약 지역을 우선 지원하여 지역 간 격차를 줄인다",
        "성과를 분기별로 점검하고 부진 과제는 보완 대책을 마련한다",
        "관계 부처 합동 추진단을 구성하여 이행을 관리한다",
        "실증 사업의 성과를 바탕으로 전국으로 확산한다",
    ]
    static let laws = ["데이터기본법", "정보통신망법", "전자정부법", "산업융합촉진법", "개인정보 보호법", "국가정보화기본법", "스마트도시법", "물류정책기본법"]

    static func pick<T>(_ list: [T], _ rng: inout SplitMix) -> T { list[Int(rng.next() % UInt64(list.count))] }

    static func sentence(_ rng: inout SplitMix, clauses count: Int) -> String {
        (0..<count).map { _ in "\(pick(places, &rng))의 \(pick(subjects, &rng)) \(pick(actions, &rng)) 추진을 위해 \(pick(clauses, &rng))." }
            .joined(separator: " ")
    }

    /// The kind of every indicator of a project, in order, from the seed alone.
    static func kinds(_ o: Options, project p: Int) -> [Kind] {
        var rng = SplitMix(seed: o.seed &* 0x1000_0000_01B3 ^ UInt64(p))
        return (o.firstIndicator(p)..<o.firstIndicator(p + 1)).map { _ in Kind.pick(rng.next()) }
    }

    // MARK: national-plan

    static func planMain(_ args: [String]) {
        let o = Options(args)
        let out = Benchmark.option("--out", args) ?? "national-plan.yaml"
        let writer = ChunkWriter(out)
        writer.add("""
        # A synthetic national plan for the national-scale benchmark (Benchmarks/national.sh).
        # planwatch-bench national-plan --projects \(o.projects) --indicators \(o.indicators) --seed \(o.seed)
        format: planwatch-plan/1
        id: national-synthetic
        title: {ko: 합성 국가 디지털 전환 종합계획, en: Synthetic national digital transformation plan}
        summary:
          ko: 벤치마크를 위해 만든 가상의 국가 계획이다. 실제 정부 계획이 아니다.
          en: An invented national plan made for benchmarks. It is not a real government plan.
        period: {start: 2016, end: 2030}
        currency: KRW
        source: {ko: 벤치마크용 합성 계획(가상), en: Synthetic benchmark plan (invented)}
        organizations:

        """)
        for (id, ko, en) in ministries {
            writer.add("  - id: \(id)\n    name: {ko: \(ko), en: \"\(en)\"}\n")
        }
        writer.add("pillars:\n")
        var indicatorsWritten = 0
        for pillar in 0..<o.pillars {
            var rng = SplitMix(seed: o.seed ^ (0xB111A0 &+ UInt64(pillar)))
            writer.add("""
              - id: "\(pillar + 1)"
                title: {ko: "전략 \(pillar + 1): \(pick(subjects, &rng)) 중심의 국가 \(pick(actions, &rng))", en: "Strategy \(pillar + 1)"}
                summary: {ko: "\(sentence(&rng, clauses: 2))", en: "Strategy \(pillar + 1) of the synthetic plan."}
                projects:

            """)
            var p = pillar
            while p < o.projects {
                indicatorsWritten += project(o, p, writer)
                p += o.pillars
            }
        }
        writer.close()
        print("wrote \(out): \(o.pillars) pillars, \(o.projects) projects, \(indicatorsWritten) indicators, \(writer.bytes) bytes")
    }

    /// Writes one project; returns its number of indicators.
    static func project(_ o: Options, _ p: Int, _ w: ChunkWriter) -> Int {
        var rng = SplitMix(seed: o.seed ^ (0x9A0_0000 &+ UInt64(p)))
        let pid = o.projectId(p)
        let subject = pick(subjects, &rng), action = pick(actions, &rng)
        let lead = ministries[p % ministries.count].0
        let total = 100 + Int(rng.next() % 9_900)   // 억원
        let treasury = total * (50 + Int(rng.next() % 50)) / 100
        w.add("""
              - id: "\(pid)"
                title: {ko: "\(subject) 기반 \(action) 사업 \(pid)", en: "Project \(pid): \(subject) \(action)"}
                summary: {ko: "\(sentence(&rng, clauses: 2))", en: "Synthetic project \(pid)."}
                situation: {ko: "\(sentence(&rng, clauses: 1))", en: "Where things stand in project \(pid)."}
                vision: {ko: "\(sentence(&rng, clauses: 1))", en: "What project \(pid) aims at."}
                lead: [\(lead)]
                budget:
                  - {by: 2022, totalCost: "\(total / 3)억원", treasury: "\(treasury / 3)억원"}
                  - {by: 2026, totalCost: "\(total)억원", treasury: "\(treasury)억원", asWritten: "'26년까지 총사업비 \(total)억원(국비 \(treasury)억원)"}
                jobs:
                  - {by: 2026, count: \(10 + rng.next() % 5_000)}
                indicators:

        """)
        let kinds = kinds(o, project: p)
        for (k, kind) in kinds.enumerated() {
            indicator(id: o.indicatorId(p, k), kind: kind, &rng, w)
        }
        let first = o.indicatorId(p, 0)
        w.add("""
                tasks:
                  - id: \(pid).invest
                    kind: investment
                    title: {ko: "\(subject) \(action) 투자", en: "Investment in \(pid)"}
                    detail: {ko: "\(sentence(&rng, clauses: 2))", en: "The investment of project \(pid)."}
                    due: "'20~'26"
                    organizations: [\(lead)]
                    tracks: [\(first)]
                  - id: \(pid).reform
                    kind: reform
                    title: {ko: "\(subject) 제도 개선", en: "Reform for \(pid)"}
                    detail: {ko: "「\(pick(laws, &rng))」을 개정하여 \(subject) \(action)의 근거를 마련한다.", en: "Amend a law for project \(pid)."}
                    due: "'2\(2 + Int(rng.next() % 5)).下"
                    laws:
                      - name: {ko: "\(pick(laws, &rng))", en: "A law for \(pid)"}
                        action: amend

        """)
        return kinds.count
    }

    static func indicator(id: String, kind: Kind, _ rng: inout SplitMix, _ w: ChunkWriter) {
        let name = "{ko: \"\(pick(places, &rng)) \(pick(subjects, &rng)) \(pick(actions, &rng)) 실적(\(id))\", en: \"Indicator \(id)\"}"
        let head = "          - id: \(id)\n            name: \(name)\n"
        switch kind {
        case .count:
            let b = 100 + Int(rng.next() % 900)
            w.add(head + """
                        unit: 개
                        baseline: {period: 2016, value: "\(b)개", asWritten: "\(b)개('16)"}
                        targets:
                          - {due: 2022, value: "\(b * 4)개"}
                          - {due: 2026, value: "\(b * 10)개", column: 2026}
                          - {due: 2030, value: "\(b * 15)개 이상"}

            """)
        case .percent:
            let b = 10 + Int(rng.next() % 30)
            w.add(head + """
                        unit: "%"
                        baseline: {period: 2016, value: "\(b)%"}
                        targets:
                          - {due: 2022, value: "\(b + 20)%"}
                          - {due: 2026, value: "\(b + 40)% 이상", asWritten: "\(b + 40)% 이상"}

            """)
        case .rank:
            w.add(head + """
                        unit: 위
                        baseline: {period: 2016, value: 20위}
                        targets:
                          - {due: 2022, value: 10위}
                          - {due: 2026, value: 5위}

            """)
        case .money:
            let b = 1 + Int(rng.next() % 9)
            w.add(head + """
                        unit: 원
                        method: cagr
                        baseline: {period: 2016, value: "\(b)조원"}
                        targets:
                          - {due: 2022, value: "\(b * 2)조원"}
                          - {due: 2026, value: "\(b * 4).5조원", asWritten: "\(b * 4).5조원('26)"}

            """)
        case .flow:
            w.add(head + """
                        unit: 건
                        accumulation: perPeriod
                        baseline: {period: 2016, value: "1,200건"}
                        targets:
                          - {due: 2026, value: "2,000건", note: {ko: 매월 2천건, en: 2000 every month}}

            """)
        case .qualitative:
            w.add(head + """
                        measure: qualitative
                        targets:
                          - due: 2026
                            text: {ko: 제도 정착 및 전국 확산, en: Established nationwide}

            """)
        case .countNoBaseline:
            w.add(head + """
                        unit: 명
                        targets:
                          - {due: 2022, value: 0.5만명}
                          - {due: 2026, value: 1.5만명}

            """)
        }
    }

    // MARK: national-facts

    static func factsMain(_ args: [String]) {
        let o = Options(args)
        let per = max(1, Int(Benchmark.option("--per-indicator", args) ?? "") ?? 120)
        let out = Benchmark.option("--out", args) ?? "national-facts.csv"
        let revisionsPath = Benchmark.option("--revisions", args)
        let pendingPath = Benchmark.option("--pending", args)
        // The newest month is the last one that has ended; months go back `per` from it.
        let last = Benchmark.option("--last-month", args) ?? "2026-10"
        let parts = last.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { print("--last-month must be YYYY-MM"); exit(2) }
        let lastIndex = parts[0] * 12 + parts[1] - 1
        let header = "indicator_id,period,value,status,source,note\n"
        let main = ChunkWriter(out), revisions = revisionsPath.map(ChunkWriter.init), pending = pendingPath.map(ChunkWriter.init)
        main.add(header); revisions?.add(header); pending?.add(header)
        var counts = (main: 0, revisions: 0, pending: 0)
        let sources = ["국가통계포털", "부처 자체 집계", "한국지능정보사회진흥원", "e-나라지표", "행정자료"]
        var index = 0
        for p in 0..<o.projects {
            var rng = SplitMix(seed: o.seed ^ (0xFAC7_0000 &+ UInt64(p)))
            for (k, kind) in kinds(o, project: p).enumerated() {
                let id = o.indicatorId(p, k)
                index += 1
                // One indicator in fifty has its newest month still waiting for approval.
                let holdsPending = pending != nil && index % 50 == 0
                for m in 0..<per {
                    let monthIndex = lastIndex - (per - 1) + m
                    let period = String(format: "%04d-%02d", monthIndex / 12, monthIndex % 12 + 1)
                    let progress = Double(m + 1) / Double(per)
                    let value = value(kind, progress: progress, m: m, &rng)
                    let status = rng.next() % 7 == 0 ? "provisional" : "final"
                    let source = sources[Int(rng.next() % UInt64(sources.count))]
                    let line = "\(id),\(period),\(value),\(status),\(source),\n"
                    if holdsPending && m == per - 1 {
                        pending!.add(line); counts.pending += 1
                    } else {
                        main.add(line); counts.main += 1
                    }
                    if let revisions, rng.next() % 20 == 0, !(holdsPending && m == per - 1) {
                        let corrected = Self.value(kind, progress: progress * 1.01, m: m, &rng)
                        revisions.add("\(id),\(period),\(corrected),final,\(source),정정(수정 보고)\n")
                        counts.revisions += 1
                    }
                }
            }
        }
        main.close(); revisions?.close(); pending?.close()
        if let rushPath = Benchmark.option("--rush", args) {
            // For the quarter-end rush: project, indicator and a plausible value, for the first N projects.
            let rushProjects = min(o.projects, Int(Benchmark.option("--rush-projects", args) ?? "") ?? 200)
            let rush = ChunkWriter(rushPath)
            var rng = SplitMix(seed: o.seed ^ 0x2054)
            for p in 0..<rushProjects {
                for (k, kind) in kinds(o, project: p).enumerated() {
                    rush.add("\(o.projectId(p))\t\(o.indicatorId(p, k))\t\(value(kind, progress: 1, m: per, &rng).replacingOccurrences(of: "\"", with: ""))\n")
                }
            }
            rush.close()
            print("wrote \(rushPath): the indicators of \(rushProjects) projects for the rush")
        }
        print("wrote \(out): \(counts.main) rows (\(o.indicators) indicators × \(per) months to \(last))"
              + (revisionsPath.map { "; \($0): \(counts.revisions) corrections" } ?? "")
              + (pendingPath.map { "; \($0): \(counts.pending) values left for approval" } ?? ""))
    }

    static func value(_ kind: Kind, progress: Double, m: Int, _ rng: inout SplitMix) -> String {
        let noise = Double(80 + rng.next() % 40) / 100
        switch kind {
        case .count, .countNoBaseline: return String(Int((100 + 9_000 * progress * noise).rounded()))
        case .percent: return String(format: "%.1f", min(100, 10 + 50 * progress * noise))
        case .rank: return String(max(1, Int((20 - 16 * progress * noise).rounded())))
        case .money: return String(Int64(1e12 * (1 + 3 * progress * noise)))
        case .flow: return String(Int(1_200 + 800 * progress * noise))
        case .qualitative: return "\"추진 현황 보고 \(m + 1): 시범 운영 중\""
        }
    }
}

/// Appends text to a file in 1 MB writes.
final class ChunkWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var bytes = 0

    init(_ path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let h = FileHandle(forWritingAtPath: path) else {
            print("cannot write \(path)")
            exit(1)
        }
        handle = h
        buffer.reserveCapacity(1 << 21)
    }

    func add(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        bytes += buffer.count
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        try? handle.close()
    }
}
