/// `planwatch assess`'s terminal report: roll-ups first (plan, pillars, projects), then what
/// is slipping and which tasks are late. ANSI colour only when asked (a terminal).
public enum AssessmentReport {
    public static func render(_ a: PlanAssessment, index: PlanIndex, language l: Language, colour: Bool) -> String {
        let ko = l == .ko
        var out: [String] = []
        let plan = index.plan
        out.append(ko ? "\(plan.title.ko) · \(a.asOf.day.korean) 기준 평가 (\(PlanAssessment.methodVersion))"
                      : "\(plan.title[l]) · assessed as of \(a.asOf.day.english) (\(PlanAssessment.methodVersion))")
        out.append("")
        out.append(ko ? "■ 전체" : "■ Whole plan")
        out += summary(a.plan, l, colour: colour).map { "  " + $0 }
        out.append("")
        out.append(ko ? "■ 기둥별" : "■ By pillar")
        for (i, pillar) in plan.pillars.enumerated() {
            out.append("  \(pillar.id). \(pillar.title[l])")
            out.append("     " + statusLine(a.pillars[i], l, colour: colour))
        }
        out.append("")
        out.append(ko ? "■ 프로젝트별" : "■ By project")
        for (i, p) in index.projects.enumerated() {
            out.append("  \(p.id) \(p.title[l])")
            out.append("     " + statusLine(a.projects[i], l, colour: colour))
            out.append("     " + AssessmentExplanation.budget(a.budget[i], l))
            out.append("     " + AssessmentExplanation.commitment(a.jobs[i].progress, kind: .jobs, l))
        }
        out.append("")
        let slipping = a.slippingIndicators
        out.append(ko ? "■ 부진하거나 주의가 필요한 지표 (\(slipping.count)개, 나쁜 순)" : "■ Slipping indicators (\(slipping.count), worst first)")
        if slipping.isEmpty { out.append(ko ? "  없음" : "  None") }
        for i in slipping {
            let ia = a.indicators[i]
            let ind = index.indicators[i]
            out.append("  " + badge(ia.status, l, colour: colour) + " \(ind.id) \(ind.name[l])")
            out.append("      " + AssessmentExplanation.indicator(ia, ind)[l])
        }
        let missedEarlier = a.indicators.indices.filter { a.indicators[$0].passedMilestones.contains { $0.status == .missed } && !a.indicators[$0].status.isSlipping }
        if !missedEarlier.isEmpty {
            out.append("")
            out.append(ko ? "■ 지난 목표를 놓친 지표 (현재 목표는 별도 판정)" : "■ Indicators that missed an earlier milestone (the current one is judged separately)")
            for i in missedEarlier {
                let ind = index.indicators[i]
                out.append("  " + badge(.missed, l, colour: colour) + " \(ind.id) \(ind.name[l])")
                for m in a.indicators[i].passedMilestones where m.status == .missed {
                    out.append("      " + AssessmentExplanation.passedMilestone(m, ind, l))
                }
            }
        }
        out.append("")
        let late = a.lateTasks
        out.append(ko ? "■ 기한을 넘긴 과제 (\(late.count)개)" : "■ Tasks past their due date (\(late.count))")
        if late.isEmpty { out.append(ko ? "  없음" : "  None") }
        for i in late {
            let t = index.tasks[i]
            let kind = t.kind == .reform ? (ko ? "제도개선" : "reform") : (ko ? "투자" : "investment")
            out.append("  " + taskBadge(a.tasks[i].status, l, colour: colour) + " \(t.id) [\(kind)] \(t.title[l])")
            out.append("      " + AssessmentExplanation.task(a.tasks[i], l))
        }
        if a.unmatchedObservations > 0 {
            out.append("")
            out.append(ko ? "※ 이 계획에 없는 지표의 값 \(a.unmatchedObservations)건은 평가하지 않았습니다." : "Note: \(a.unmatchedObservations) values for indicators not in this plan were not assessed.")
        }
        return out.joined(separator: "\n")
    }

    static func summary(_ r: RollUp, _ l: Language, colour: Bool) -> [String] {
        let ko = l == .ko
        var lines = [statusLine(r, l, colour: colour)]
        func tasks(_ c: [TaskStatus: Int]) -> String {
            TaskStatus.allCases.compactMap { s in c[s].map { "\(s.label(l)) \($0)" } }.joined(separator: ", ")
        }
        lines.append((ko ? "투자사업: " : "Investment tasks: ") + tasks(r.investments))
        lines.append((ko ? "제도개선: " : "Reforms: ") + tasks(r.reforms))
        let committed = QuantityFormatter.format(Double(r.budgetCommitted), unit: .won, language: l)
        let executed = QuantityFormatter.format(Double(r.budgetExecutedToDate), unit: .won, language: l)
        let rate = r.budgetExecutionRate.map { QuantityFormatter.grouped($0 * 100, maxDecimals: 1) + "%" } ?? "–"
        lines.append(ko ? "사업비: 현재 목표 시점까지 국고 \(committed) 약속, 지금까지 \(executed) 집행(배정액 대비 집행률 \(rate))"
                        : "Budget: \(committed) of treasury funds committed by the current milestone; \(executed) executed so far (\(rate) of allocations)")
        let jobs = QuantityFormatter.format(Double(r.jobsCommitted), unit: .item, language: l, noun: "jobs")
        let made = QuantityFormatter.format(Double(r.jobsToDate), unit: .item, language: l, noun: "jobs")
        lines.append(ko ? "일자리: 현재 목표 시점까지 \(jobs) 약속, 지금까지 \(made) 창출" : "Jobs: \(jobs) committed by the current milestone; \(made) created so far")
        return lines
    }

    /// "순항·달성 12/20 (60%) · 달성 4 · 순항 8 · 보통 3 · …", never a single average.
    static func statusLine(_ r: RollUp, _ l: Language, colour: Bool) -> String {
        let ko = l == .ko
        let share = r.shareOnTrack.map { QuantityFormatter.grouped(($0 * 100).rounded(), maxDecimals: 0) + "%" } ?? "–"
        var s = ko ? "순항·달성 \(r.onTrack)/\(r.assessable) (\(share))" : "on track or achieved \(r.onTrack)/\(r.assessable) (\(share))"
        for status in IndicatorStatus.displayOrder {
            guard let n = r.indicators[status], n > 0 else { continue }
            s += " · " + paint(status, "\(status.label(l)) \(n)", colour: colour)
        }
        if r.missedMilestones > 0 { s += ko ? " · 지난 목표 미달성 \(r.missedMilestones)" : " · earlier milestones missed \(r.missedMilestones)" }
        if r.lateTasks > 0 { s += ko ? " · 지연 과제 \(r.lateTasks)" : " · late tasks \(r.lateTasks)" }
        return s
    }

    static func badge(_ s: IndicatorStatus, _ l: Language, colour: Bool) -> String {
        paint(s, "[\(s.label(l))]", colour: colour)
    }

    static func taskBadge(_ s: TaskStatus, _ l: Language, colour: Bool) -> String {
        colour ? "\u{1B}[31m[\(s.label(l))]\u{1B}[0m" : "[\(s.label(l))]"
    }

    static func paint(_ s: IndicatorStatus, _ text: String, colour: Bool) -> String {
        guard colour else { return text }
        let code: String
        switch s {
        case .achieved, .onTrack: code = "32"
        case .moderateProgress: code = "33"
        case .insufficientProgress, .movingAway, .missed: code = "31"
        case .notYetAssessable, .tooEarly, .reported: code = "90"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
