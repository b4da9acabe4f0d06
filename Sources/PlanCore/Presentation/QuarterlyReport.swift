/// The report the coordinating office takes into its quarterly review: the whole picture in
/// counts (never an average), then what is slipping, the milestones already missed, and the
/// reforms and investments that are late.
public enum QuarterlyReport {
    /// - Parameter sources: the records of the facts the assessment used, by id: each value the
    ///   report rests on is cited with its source, listed at the end.
    public static func document(_ a: PlanAssessment, index: PlanIndex, language l: Language, sources: [Int64: FactRecord] = [:]) -> ReportDocument {
        let ko = l == .ko
        var citations = ReportCitations(records: sources, language: l)
        let plan = index.plan
        let day = a.asOf.day
        let quarter = (day.month - 1) / 3 + 1
        let title = ko ? "\(plan.title.ko) 이행 점검 보고서 (\(day.year)년 \(quarter)분기, \(day.korean) 기준)"
            : "\(plan.title[l]) progress report (Q\(quarter) \(day.year), as of \(day.english))"
        var doc = ReportDocument(title: title, language: l)
        doc.blocks.append(.paragraph(ko
            ? "승인된 실적만 반영했으며, 판정은 공개된 평가 방법(\(PlanAssessment.methodVersion))을 따른다. 같은 기준일로 다시 작성해도 결과는 같다."
            : "Only approved figures are used, and every verdict follows the published method (\(PlanAssessment.methodVersion)). The same as-of date always gives the same report."))

        doc.blocks.append(.heading(1, ko ? "1. 요약" : "1. Summary"))
        let r = a.plan
        let share = r.shareOnTrack.map { QuantityFormatter.grouped(($0 * 100).rounded(), maxDecimals: 0) + "%" } ?? "–"
        var summary = [
            ko ? "성과지표와 과제 지표 \(r.indicatorCount)개 가운데 평가할 수 있는 \(r.assessable)개 중 \(r.onTrack)개(\(share))가 순항 또는 달성"
               : "Of \(r.indicatorCount) indicators, \(r.assessable) can be assessed; \(r.onTrack) of those (\(share)) are on track or achieved",
            (ko ? "판정별: " : "By status: ") + IndicatorStatus.displayOrder.map { "\($0.label(l)) \(r.indicators[$0] ?? 0)" }.joined(separator: ", "),
        ]
        if r.missedMilestones > 0 {
            summary.append(ko ? "지난 목표 미달성 \(r.missedMilestones)건(현재 목표와 별도)" : "\(r.missedMilestones) earlier milestones missed (apart from the current ones)")
        }
        let lateReforms = RollUp.overdue(r.reforms), lateInvestments = RollUp.overdue(r.investments)
        summary.append(ko ? "지연 과제 \(lateReforms + lateInvestments)건(제도개선 \(lateReforms), 투자사업 \(lateInvestments))"
                          : "\(lateReforms + lateInvestments) late tasks (\(lateReforms) reforms, \(lateInvestments) investment tasks)")
        let rate = r.budgetExecutionRate.map { QuantityFormatter.grouped($0 * 100, maxDecimals: 1) + "%" } ?? "–"
        summary.append(ko ? "사업비: 현재 목표 시점까지 국고 \(money(r.budgetCommitted, l)) 약속, 지금까지 \(money(r.budgetExecutedToDate, l)) 집행(배정액 대비 \(rate))"
                          : "Budget: \(money(r.budgetCommitted, l)) committed by the current milestones; \(money(r.budgetExecutedToDate, l)) executed so far (\(rate) of allocations)")
        summary.append(ko ? "일자리: 현재 목표 시점까지 \(jobs(r.jobsCommitted, l)) 약속, 지금까지 \(jobs(r.jobsToDate, l)) 창출"
                          : "Jobs: \(jobs(r.jobsCommitted, l)) committed by the current milestones; \(jobs(r.jobsToDate, l)) created so far")
        doc.blocks.append(.list(summary))

        doc.blocks.append(.heading(1, ko ? "2. 프로젝트별 현황" : "2. By project"))
        let statuses: [IndicatorStatus] = [.achieved, .onTrack, .moderateProgress, .insufficientProgress, .movingAway, .missed, .tooEarly, .notYetAssessable]
        let header = [ko ? "프로젝트" : "Project"] + statuses.map { $0.label(l) } + [ko ? "지연 과제" : "Late tasks", ko ? "사업비" : "Budget", ko ? "일자리" : "Jobs"]
        var rows: [[String]] = []
        for (i, p) in index.projects.enumerated() {
            let pr = a.projects[i]
            rows.append(["\(p.id) \(p.title[l])"] + statuses.map { String(pr.indicators[$0] ?? 0) } + [
                String(pr.lateTasks), a.budget[i].progress.status.label(l), a.jobs[i].progress.status.label(l),
            ])
        }
        doc.blocks.append(.table(header, rows))

        let slipping = a.slippingIndicators
        doc.blocks.append(.heading(1, ko ? "3. 부진하거나 주의가 필요한 지표 (\(slipping.count)개)" : "3. Slipping indicators (\(slipping.count))"))
        if slipping.isEmpty {
            doc.blocks.append(.paragraph(ko ? "없음." : "None."))
        } else {
            doc.blocks.append(.table([ko ? "판정" : "Status", ko ? "지표" : "Indicator", ko ? "근거" : "Why"], slipping.map { i in
                let ind = index.indicators[i]
                return [a.indicators[i].status.label(l), "\(ind.id) \(ind.name[l])",
                        AssessmentExplanation.indicator(a.indicators[i], ind)[l] + citations.cite(a.indicators[i].latest?.factId)]
            }))
        }

        let missed = a.indicators.indices.filter { a.indicators[$0].passedMilestones.contains { $0.status == .missed } }
        doc.blocks.append(.heading(1, ko ? "4. 지난 목표를 놓친 지표 (\(missed.count)개)" : "4. Earlier milestones missed (\(missed.count))"))
        if missed.isEmpty {
            doc.blocks.append(.paragraph(ko ? "없음." : "None."))
        } else {
            doc.blocks.append(.list(missed.flatMap { i in
                a.indicators[i].passedMilestones.filter { $0.status == .missed }.map { m in
                    "\(index.indicators[i].id) \(index.indicators[i].name[l]): " + AssessmentExplanation.passedMilestone(m, index.indicators[i], l)
                        + citations.cite(m.factId)
                }
            }))
        }

        let lateReformRows = a.lateTasks.filter { a.tasks[$0].kind == .reform }
        doc.blocks.append(.heading(1, ko ? "5. 지연된 제도개선 과제 (\(lateReformRows.count)개)" : "5. Late reforms (\(lateReformRows.count))"))
        if lateReformRows.isEmpty {
            doc.blocks.append(.paragraph(ko ? "없음." : "None."))
        } else {
            doc.blocks.append(.table([ko ? "과제" : "Reform", ko ? "법령" : "Laws", ko ? "기한" : "Due", ko ? "상황" : "Situation"], lateReformRows.map { i in
                let t = index.tasks[i]
                let laws = t.laws.map { ko ? "「\($0.name.ko)」 \($0.action.korean)" : "\($0.name[l]) (\($0.action.english))" }.joined(separator: ", ")
                return ["\(t.id) \(t.title[l])", laws.isEmpty ? "–" : laws, t.due?.text(l) ?? "–", AssessmentExplanation.task(a.tasks[i], l)]
            }))
        }
        let lateInvestmentRows = a.lateTasks.filter { a.tasks[$0].kind == .investment }
        doc.blocks.append(.heading(1, ko ? "6. 지연된 투자사업 (\(lateInvestmentRows.count)개)" : "6. Late investment tasks (\(lateInvestmentRows.count))"))
        if lateInvestmentRows.isEmpty {
            doc.blocks.append(.paragraph(ko ? "없음." : "None."))
        } else {
            doc.blocks.append(.list(lateInvestmentRows.map { i in
                "\(index.tasks[i].id) \(index.tasks[i].title[l]): " + AssessmentExplanation.task(a.tasks[i], l)
            }))
        }
        if !citations.notes.isEmpty {
            doc.blocks.append(.heading(1, ko ? "7. 출처" : "7. Sources"))
            doc.blocks.append(.footnotes(citations.notes))
        }
        return doc
    }

    static func money(_ won: Int64, _ l: Language) -> String { QuantityFormatter.format(Double(won), unit: .won, language: l) }
    static func jobs(_ n: Int64, _ l: Language) -> String { QuantityFormatter.format(Double(n), unit: .item, language: l, noun: "jobs") }
}
