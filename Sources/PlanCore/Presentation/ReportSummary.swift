/// The review's first page, in the 개조식 an official reads before a meeting: □ overall, what is
/// slipping, budget and jobs, reforms, and what needs doing; ○ one point each, - the detail.
/// Every sentence is short and ends on a noun, as such reports are written.
struct ReportSummary {
    typealias Item = ReportDocument.OutlineItem

    let items: [Item]

    init(_ a: PlanAssessment, index: PlanIndex, language l: Language) {
        let ko = l == .ko
        let r = a.plan
        var out: [Item] = []
        func count(_ n: Int, _ unit: String = "개") -> String { QuarterlyReport.count(n, l, unit: unit) }

        out.append(Item(.heading, ko ? "총괄" : "Overall"))
        let share = QuarterlyReport.percent(r.shareOnTrack)
        if r.assessable > 0 {
            out.append(Item(.point, ko ? "성과지표·과제 지표 \(count(r.indicatorCount)) 중 평가 가능한 \(count(r.assessable))의 \(share)(\(count(r.onTrack)))가 순항 또는 달성"
                : "Of \(r.indicatorCount) indicators, \(r.assessable) can be assessed; \(r.onTrack) of them (\(share)) are on track or achieved"))
        } else {
            out.append(Item(.point, ko ? "성과지표·과제 지표 \(count(r.indicatorCount)) 모두 아직 평가할 수 없음" : "None of the \(r.indicatorCount) indicators can be assessed yet"))
        }
        let byStatus = IndicatorStatus.displayOrder.compactMap { s in (r.indicators[s] ?? 0) > 0 ? "\(s.label(l)) \(count(r.indicators[s] ?? 0))" : nil }
        out.append(Item(.detail, (ko ? "판정별: " : "By verdict: ") + byStatus.joined(separator: ", ")))
        if r.missedMilestones > 0 {
            out.append(Item(.detail, ko ? "지난 중간 목표 미달성 \(count(r.missedMilestones, "건"))(현재 판정과 별도)"
                : "\(r.missedMilestones) earlier milestones missed (apart from the current verdicts)"))
        }

        out.append(Item(.heading, ko ? "부진 분야" : "What is slipping"))
        let slipping = a.slippingIndicators
        let serious = slipping.filter { a.indicators[$0].status != .moderateProgress }.count
        if slipping.isEmpty {
            out.append(Item(.point, ko ? "부진하거나 주의가 필요한 지표 없음" : "No indicator is behind"))
        } else {
            out.append(Item(.point, ko ? "부진하거나 주의가 필요한 지표 \(count(slipping.count))(미흡·역행·미달성 \(count(serious)), 보통 \(count(slipping.count - serious)))"
                : "\(slipping.count) indicators behind or needing attention (\(serious) insufficient, moving away or missed; \(slipping.count - serious) moderate)"))
            var perProject: [Int: Int] = [:]
            for i in slipping { perProject[index.projectOfIndicator[i], default: 0] += 1 }
            let ranked = perProject.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }
            let named = ranked.prefix(2).map { p in
                "\(index.projects[p.key].id) \(index.projects[p.key].title[l])" + (ko ? " \(count(p.value))" : " (\(p.value))")
            }
            let others = ranked.count - 2
            let more = others > 0 ? (ko ? " 외 \(others)개 프로젝트" : "; and \(others) more project\(others == 1 ? "" : "s")") : ""
            out.append(Item(.detail, (ko ? "부진 지표가 많은 프로젝트: " : "Most of them in: ") + named.joined(separator: ko ? ", " : "; ") + more))
        }
        let lateReforms = RollUp.overdue(r.reforms), lateInvestments = RollUp.overdue(r.investments)
        let unreported = (r.reforms[.unreported] ?? 0) + (r.investments[.unreported] ?? 0)
        if lateReforms + lateInvestments == 0 {
            out.append(Item(.point, ko ? "기한이 지난 과제 없음" : "No task is past its due date"))
        } else {
            let kinds = [(lateReforms, ko ? "제도개선" : "reforms"), (lateInvestments, ko ? "투자사업" : "investment tasks")].filter { $0.0 > 0 }
            out.append(Item(.point, ko ? "기한이 지났으나 완료되지 않은 과제 \(count(lateReforms + lateInvestments, "건"))(" + kinds.map { "\($0.1) \(count($0.0, "건"))" }.joined(separator: ", ") + ")"
                : "\(lateReforms + lateInvestments) tasks past their due date and not done (" + kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"))
            if unreported > 0 {
                out.append(Item(.detail, ko ? "이 중 진행 보고가 없는 과제 \(count(unreported, "건"))" : "\(unreported) of them with no progress reported at all"))
            }
        }

        out.append(Item(.heading, ko ? "예산·일자리" : "Budget and jobs"))
        let budgetReported = a.budget.contains { !$0.years.isEmpty }, jobsReported = a.jobs.contains { !$0.years.isEmpty }
        let committed = QuarterlyReport.money(r.budgetCommitted, l)
        if budgetReported {
            let rate = r.budgetExecutionRate.map { QuantityFormatter.grouped($0 * 100, maxDecimals: 1) + "%" } ?? "–"
            out.append(Item(.point, ko ? "사업비: 현재 목표 시점까지 \(committed) 계획, \(QuarterlyReport.money(r.budgetExecutedToDate, l)) 집행(배정액 대비 \(rate))"
                : "Budget: \(committed) committed by the current milestones; \(QuarterlyReport.money(r.budgetExecutedToDate, l)) executed so far (\(rate) of allocations)"))
        } else {
            out.append(Item(.point, ko ? "사업비: 현재 목표 시점까지 \(committed) 계획, 집행 실적 보고 없음"
                : "Budget: \(committed) committed by the current milestones; no execution reported yet"))
        }
        let jobsCommitted = QuarterlyReport.jobs(r.jobsCommitted, l)
        if jobsReported {
            out.append(Item(.point, ko ? "일자리: 현재 목표 시점까지 \(jobsCommitted) 계획, \(QuarterlyReport.jobs(r.jobsToDate, l)) 창출"
                : "Jobs: \(jobsCommitted) committed by the current milestones; \(QuarterlyReport.jobs(r.jobsToDate, l)) created so far"))
        } else {
            out.append(Item(.point, ko ? "일자리: 현재 목표 시점까지 \(jobsCommitted) 계획, 창출 실적 보고 없음"
                : "Jobs: \(jobsCommitted) committed by the current milestones; none reported yet"))
        }
        let budgetBehind = a.budget.filter { $0.progress.status.isSlipping }.count, jobsBehind = a.jobs.filter { $0.progress.status.isSlipping }.count
        if budgetBehind + jobsBehind > 0 {
            out.append(Item(.detail, ko ? "계획에 못 미치는 프로젝트: 사업비 \(count(budgetBehind)), 일자리 \(count(jobsBehind))"
                : "Projects short of their commitment: \(budgetBehind) on budget, \(jobsBehind) on jobs"))
        }

        out.append(Item(.heading, ko ? "제도개선" : "Reforms"))
        let reformTotal = r.reforms.values.reduce(0, +)
        let reformCounts = TaskStatus.allCases.sorted { $0.severity > $1.severity }.compactMap { s in
            (r.reforms[s] ?? 0) > 0 ? (ko ? "\(s.label(l)) \(count(r.reforms[s] ?? 0, "건"))" : "\(s.label(l)): \(r.reforms[s] ?? 0)") : nil
        }
        out.append(Item(.point, ko ? "제도개선 과제 \(count(reformTotal, "건")): " + reformCounts.joined(separator: ", ")
            : "\(reformTotal) reforms: " + reformCounts.joined(separator: "; ")))

        out.append(Item(.heading, ko ? "후속 조치" : "Follow-up"))
        let slippingProjects = Set(slipping.map { index.projectOfIndicator[$0] }).count
        var followUp: [Item] = []
        if slippingProjects > 0 {
            followUp.append(Item(.point, ko ? "부진 지표가 있는 \(count(slippingProjects)) 프로젝트는 소관 부처의 원인 분석과 만회 계획 점검 필요"
                : "The \(slippingProjects) projects with slipping indicators: their ministries to explain why and how they will catch up"))
        }
        if lateReforms + lateInvestments > 0 {
            followUp.append(Item(.point, ko ? "기한이 지난 과제 \(count(lateReforms + lateInvestments, "건"))은 소관 부처의 추진 상황 보고 필요"
                : "The \(lateReforms + lateInvestments) overdue tasks: their ministries to report where they stand"))
        }
        let noData = r.indicators[.notYetAssessable] ?? 0
        if noData > 0 {
            followUp.append(Item(.point, ko ? "실적이 없어 평가를 유보한 지표 \(count(noData))는 자료 확보 필요"
                : "The \(noData) indicators with no value to judge: figures to be obtained"))
        }
        if followUp.isEmpty { followUp.append(Item(.point, ko ? "별도 조치가 필요한 사항 없음" : "Nothing needs action")) }
        out += followUp
        items = out
    }
}
