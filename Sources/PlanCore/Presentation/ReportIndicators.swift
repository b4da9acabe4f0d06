/// The review's third part: the verdicts counted by project, then every indicator of each pillar
/// with its baseline, the target in force, the latest approved value (with its source) and its verdict.
enum ReportIndicators {
    static func append(to doc: inout ReportDocument, _ a: PlanAssessment, index: PlanIndex, language l: Language,
                       citations: inout ReportCitations) {
        let ko = l == .ko
        doc.blocks.append(.heading(1, ko ? "Ⅲ. 성과지표 점검 결과" : "III. Indicators and their verdicts"))
        doc.blocks.append(.heading(2, ko ? "프로젝트별 판정 현황" : "Verdicts by project"))
        let statuses = IndicatorStatus.displayOrder.filter { s in a.indicators.contains { $0.status == s } || s != .reported }
        let header = [ko ? "프로젝트" : "Project"] + statuses.map { $0.label(l) } + [ko ? "계" : "Total"]
        var rows: [[String]] = index.projects.indices.map { p in
            let r = a.projects[p]
            return ["\(index.projects[p].id) \(index.projects[p].title[l])"] + statuses.map { String(r.indicators[$0] ?? 0) } + [String(r.indicatorCount)]
        }
        rows.append([ko ? "합계" : "Total"] + statuses.map { String(a.plan.indicators[$0] ?? 0) } + [String(a.plan.indicatorCount)])
        doc.blocks.append(.table(header, rows))

        let columns = ko ? ["프로젝트", "지표", "기준치", "현재 목표", "최근 실적", "판정"]
            : ["Project", "Indicator", "Baseline", "Current target", "Latest value", "Verdict"]
        var first = 0
        for pillar in index.plan.pillars {
            let projects = first..<(first + pillar.projects.count)
            first += pillar.projects.count
            let rows: [[String]] = index.indicators.indices.filter { projects.contains(index.projectOfIndicator[$0]) }.map { i in
                let ind = index.indicators[i], v = a.indicators[i]
                func shown(_ value: Double?, _ text: String?, _ period: Period) -> String {
                    (value.map { QuantityFormatter.format($0, unit: ind.unit, language: l) } ?? text ?? "–") + " (\(period.text(l)))"
                }
                let baseline = ind.baseline.map { shown($0.value, $0.text?[l], $0.period) } ?? "–"
                let target = v.milestoneIndex.map { ind.targets[$0] }.map { shown($0.value, $0.text?[l], $0.due) } ?? "–"
                let latest = v.latest.map { shown($0.value, $0.text, $0.period) + citations.cite($0.factId) } ?? "–"
                return [index.projects[index.projectOfIndicator[i]].id, QuarterlyReport.name(ind, l), baseline, target, latest, v.status.label(l)]
            }
            guard !rows.isEmpty else { continue }
            doc.blocks.append(.heading(2, "\(pillar.id). \(pillar.title[l])"))
            doc.blocks.append(.table(columns, rows))
        }
    }
}
