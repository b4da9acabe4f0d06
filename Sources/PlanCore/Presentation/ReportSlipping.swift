/// The review's second part: what is slipping, project by project, so each ministry finds its own
/// items together: indicators behind or failing, earlier milestones missed, and tasks past due.
enum ReportSlipping {
    static func append(to doc: inout ReportDocument, _ a: PlanAssessment, index: PlanIndex, language l: Language,
                       citations: inout ReportCitations) {
        let ko = l == .ko
        let slipping = a.slippingIndicators
        let missed = a.indicators.indices.filter { a.indicators[$0].passedMilestones.contains { $0.status == .missed } }
        let late = a.lateTasks
        doc.blocks.append(.heading(1, ko ? "Ⅱ. 부진 지표와 지연 과제(프로젝트별)" : "II. What is slipping, by project"))
        guard !(slipping.isEmpty && missed.isEmpty && late.isEmpty) else {
            doc.blocks.append(.paragraph(ko ? "부진한 지표와 기한이 지난 과제 없음." : "No indicator is behind and no task is past due."))
            return
        }
        let parts = [
            (slipping.count, ko ? "부진하거나 주의가 필요한 지표 \(slipping.count)개" : "\(slipping.count) indicators behind or needing attention"),
            (missed.count, ko ? "지난 목표를 놓친 지표 \(missed.count)개" : "\(missed.count) that missed an earlier milestone"),
            (late.count, ko ? "기한이 지난 과제 \(late.count)건" : "\(late.count) tasks past due"),
        ].filter { $0.0 > 0 }.map(\.1)
        let listed = parts.joined(separator: ", ")
        doc.blocks.append(.paragraph(ko ? listed + KoreanParticle.object(after: listed) + " 프로젝트별로 정리함."
            : "Project by project: " + listed + "."))
        let header = ko ? ["구분", "항목", "판정", "근거"] : ["Kind", "Item", "Verdict", "Why"]
        for (p, project) in index.projects.enumerated() {
            var rows: [[String]] = []
            for i in slipping where index.projectOfIndicator[i] == p {
                let ind = index.indicators[i]
                rows.append([ko ? "지표" : "Indicator", QuarterlyReport.name(ind, l), a.indicators[i].status.label(l),
                             AssessmentExplanation.indicator(a.indicators[i], ind)[l] + citations.cite(a.indicators[i].latest?.factId)])
            }
            for i in missed where index.projectOfIndicator[i] == p {
                let ind = index.indicators[i]
                for m in a.indicators[i].passedMilestones where m.status == .missed {
                    rows.append([ko ? "지난 목표" : "Earlier milestone", QuarterlyReport.name(ind, l), m.status.label(l),
                                 AssessmentExplanation.passedMilestone(m, ind, l) + citations.cite(m.factId)])
                }
            }
            for t in late where index.projectOfTask[t] == p {
                let task = index.tasks[t]
                let kind = task.kind == .reform ? (ko ? "제도개선" : "Reform") : (ko ? "투자사업" : "Investment")
                rows.append([kind, task.title[l], a.tasks[t].status.label(l), AssessmentExplanation.task(a.tasks[t], l)])
            }
            guard !rows.isEmpty else { continue }
            doc.blocks.append(.heading(2, "\(project.id) \(project.title[l])"))
            doc.blocks.append(.table(header, rows))
        }
    }
}
