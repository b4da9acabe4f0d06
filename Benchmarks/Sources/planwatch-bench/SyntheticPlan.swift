import PlanCore

/// A national-scale plan made up from a seed: pillars, projects and indicators of every kind
/// (counts, percentages, ranks, money under CAGR, per-period flows, qualitative, missing baselines),
/// with Korean titles of realistic length. Same seed, same plan.
struct SyntheticPlan {
    var seed: UInt64
    var projects: Int
    var indicatorsPerProject: Int

    static let subjects = ["데이터", "인공지능", "5G", "클라우드", "스마트공장", "원격교육", "디지털 트윈", "사이버보안", "스마트시티", "물류"]
    static let actions = ["구축", "개방", "보급", "확산", "지원", "전환", "고도화", "실증"]

    func make() -> Plan {
        var rng = SplitMix(seed: seed)
        var pillars: [Pillar] = []
        let perPillar = max(1, projects / 4)
        var made = 0
        for p in 1...4 {
            var pillar = Pillar(id: "\(p)", title: LocalizedText(ko: "기둥 \(p): 국가 디지털 전환 \(p)", en: "Pillar \(p)"))
            let count = p == 4 ? projects - made : min(perPillar, projects - made)
            for j in 0..<max(0, count) {
                let pid = "\(p)-\(j + 1)"
                var project = Project(id: pid, title: LocalizedText(ko: "\(pick(Self.subjects, &rng)) 기반 \(pick(Self.actions, &rng)) 사업 \(pid)", en: "Project \(pid)"))
                project.budget = [BudgetCommitment(by: .year(2022)!, totalCost: 100_000_000_000, treasury: 80_000_000_000),
                                  BudgetCommitment(by: .year(2025)!, totalCost: 300_000_000_000, treasury: 240_000_000_000)]
                project.jobs = [JobsCommitment(by: .year(2022)!, count: 1_000), JobsCommitment(by: .year(2025)!, count: 3_000)]
                for k in 0..<indicatorsPerProject {
                    project.indicators.append(indicator(id: "\(pid).i\(k)", &rng))
                }
                pillar.projects.append(project)
            }
            made += max(0, count)
            pillars.append(pillar)
        }
        return Plan(id: "synthetic", title: LocalizedText(ko: "합성 국가 계획", en: "Synthetic national plan"),
                    start: .year(2020)!, end: .year(2029)!, pillars: pillars)
    }

    private func pick(_ list: [String], _ rng: inout SplitMix) -> String { list[Int(rng.next() % UInt64(list.count))] }

    private func indicator(id: String, _ rng: inout SplitMix) -> Indicator {
        let name = LocalizedText(ko: "\(pick(Self.subjects, &rng)) \(pick(Self.actions, &rng)) 실적 \(id)", en: "Indicator \(id)")
        let kind = rng.next() % 100
        let t22 = Period.year(2022)!, t25 = Period.year(2025)!
        switch kind {
        case 0..<40:
            return Indicator(id: id, name: name, unit: .item, measure: .count, accumulation: .cumulative,
                             baseline: Baseline(period: .year(2020)!, value: 100),
                             targets: [Target(due: t22, value: 400), Target(due: t25, value: 1_000)])
        case 40..<60:
            return Indicator(id: id, name: name, unit: .percent, measure: .percent, accumulation: .level,
                             baseline: Baseline(period: .year(2020)!, value: 20),
                             targets: [Target(due: t22, value: 60), Target(due: t25, value: 100)])
        case 60..<70:
            return Indicator(id: id, name: name, unit: .rank, measure: .rank, direction: .decrease,
                             baseline: Baseline(period: .year(2020)!, value: 20),
                             targets: [Target(due: t22, value: 10, comparator: .atMost), Target(due: t25, value: 5, comparator: .atMost)])
        case 70..<80:
            return Indicator(id: id, name: name, unit: .won, measure: .amount, method: .cagr,
                             baseline: Baseline(period: .year(2019)!, value: 1e12),
                             targets: [Target(due: t22, value: 2e12), Target(due: t25, value: 4e12)])
        case 80..<90:
            return Indicator(id: id, name: name, unit: .item, measure: .count, accumulation: .perPeriod,
                             baseline: Baseline(period: .year(2020)!, value: 1_200),
                             targets: [Target(due: t22, value: 1_500), Target(due: t25, value: 2_000)])
        case 90..<95:
            return Indicator(id: id, name: name, unit: nil, measure: .qualitative,
                             targets: [Target(due: t25, text: LocalizedText(ko: "제도 정착", en: "Established"))])
        default:
            return Indicator(id: id, name: name, unit: .item, measure: .count, accumulation: .cumulative,
                             targets: [Target(due: t22, value: 500), Target(due: t25, value: 1_500)])
        }
    }
}

/// Monthly observations for every indicator, with corrections and late approvals.
struct SyntheticFacts {
    var seed: UInt64
    var perIndicator: Int

    func make(_ index: PlanIndex) -> ObservationLog {
        var rng = SplitMix(seed: seed ^ 0xFACE)
        var c = ObservationLog()
        c.reserve(index.indicators.count * perIndicator)
        let reporter = c.intern("bench")
        var id: Int64 = 0
        for indicator in index.indicators {
            var lastId: Int64 = 0
            for k in 0..<perIndicator {
                let month = k % 120
                let period = Period.month(2020 + month / 12, month % 12 + 1)!
                let recorded = Int64(period.end.ordinal + 10 + Int(rng.next() % 20)) * 86_400
                let lateApproval = rng.next() % 10 == 0
                let approved: Int64? = rng.next() % 50 == 0 ? nil : recorded + (lateApproval ? 120 : 2) * 86_400
                id += 1
                // One fact in twenty is a correction of the previous one.
                let corrects = k > 0 && rng.next() % 20 == 0
                let progress = Double(k) / Double(max(1, perIndicator))
                var value: Double?
                var text: String?
                switch indicator.measure {
                case .qualitative: text = "추진 현황 보고 \(k)"
                case .percent: value = min(100, 20 + 80 * progress * Double(80 + rng.next() % 40) / 100)
                case .rank: value = max(1, (20 - 15 * progress).rounded())
                case .amount: value = 1e12 * (1 + 3 * progress)
                default: value = (100 + 900 * progress * Double(80 + rng.next() % 40) / 100).rounded()
                }
                c.appendEntry(indicator: c.intern(indicator.id), period: c.intern(period), value: value, text: text.map { c.intern($0) } ?? -1,
                              provisional: rng.next() % 7 == 0, id: id, recordedAt: recorded, recordedBy: reporter, approvedAt: approved,
                              supersedes: corrects ? lastId : nil, source: -1, note: -1)
                lastId = id
            }
        }
        return c
    }
}

extension SyntheticFacts {
    /// The same facts in a random order, as if read from an unordered source.
    static func shuffle(_ c: ObservationLog, seed: UInt64) -> ObservationLog {
        var rng = SplitMix(seed: seed ^ 0x5EED)
        var order = (0..<c.count).map { Int32($0) }
        order.shuffle(using: &rng)
        return c.gathered(order)
    }
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
