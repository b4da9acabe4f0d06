import PlanCore

/// Builders for the pieces pages share: an indicator row, a task row, a project summary.
enum ViewModels {
    static func indicatorRow(_ position: Int, _ c: PageContext) -> [String: Any] {
        let i = c.index.indicators[position]
        let a = c.assessment.indicators[position]
        let milestone = a.milestoneIndex.map { i.targets[$0] }
        var row: [String: Any] = [
            "id": i.id,
            "name": i.name[c.language],
            "link": "/indicators/\(i.id)\(c.qs)",
            "status": c.status(a.status),
            "explanation": AssessmentExplanation.indicator(a, i)[c.language],
            "baseline": i.baseline.map { b in (b.value.map { c.value($0, i) } ?? b.text?[c.language] ?? "–") + " (\(b.period.text(c.language)))" } ?? "–",
            "target": milestone.map { t in (t.value.map { c.value($0, i) } ?? t.text?[c.language] ?? "") + " (\(t.due.text(c.language)))" } ?? "–",
            "latest": a.latest.map { p in (p.value.map { c.value($0, i) } ?? p.text ?? "") + " (\(p.period.text(c.language)))" } ?? "–",
        ]
        // The value a verdict rests on leads to its row, and its source, on the indicator's page.
        row["latest_link"] = a.latest.map { "/indicators/\(i.id)\(c.qs)#fact-\($0.factId)" } ?? ""
        if let group = i.group { row["group"] = group[c.language] }
        if let part = i.part { row["part"] = part[c.language] }
        row["chart"] = sparkline(position, c)
        if let original = c.view.againstOriginal[position] { row["original_status"] = c.status(original.status) }
        return row
    }

    /// A small chart of an indicator for table rows.
    static func sparkline(_ position: Int, _ c: PageContext) -> String {
        let i = c.index.indicators[position]
        var scratch: [Int] = []
        let points = c.view.series(position, in: c.model.observations, scratch: &scratch)
            .compactMap { p in p.value.map { IndicatorChart.Point(period: p.period, value: $0, provisional: p.status == .provisional, basis: p.basis) } }
        let targets = i.targets.compactMap { t in t.value.map { (t.due, $0) } }
        guard !targets.isEmpty else { return "" }
        let baseline = i.baseline.flatMap { b in b.value.map { (b.period, $0) } }
        return IndicatorChart(title: i.name[c.language], unit: i.unit, lowerIsBetter: i.direction == .decrease, baseline: baseline,
                              targets: targets, actuals: points, language: c.language, catalog: c.catalog,
                              width: 120, height: 36, compact: true).render(id: "spark-\(i.id)")
    }

    static func taskRow(_ position: Int, _ c: PageContext) -> [String: Any] {
        let t = c.index.tasks[position]
        let a = c.assessment.tasks[position]
        var row: [String: Any] = [
            "id": t.id,
            "title": t.title[c.language],
            "kind": c.catalog["kind_\(t.kind.rawValue)"],
            "status": c.status(a.status),
            "due": t.due.map { $0.text(c.language) } ?? "–",
            "explanation": AssessmentExplanation.task(a, c.language),
            "laws": t.laws.map { law in
                ["name": c.ko ? "「\(law.name.ko)」" : law.name[c.language], "action": c.ko ? law.action.korean : "(\(law.action.english))"]
            },
        ]
        if let detail = t.detail { row["detail"] = detail[c.language] }
        if let section = t.section { row["section"] = section[c.language] }
        row["indicators"] = t.indicators.compactMap { ind in c.index.indicatorIndex[ind.id].map { indicatorRow($0, c) } }
        row["has_indicators"] = !t.indicators.isEmpty
        row["has_laws"] = !t.laws.isEmpty
        return row
    }

    static func statusCounts(_ r: RollUp, _ c: PageContext) -> [[String: Any]] {
        IndicatorStatus.displayOrder.map { s in
            ["label": c.catalog.status(s), "colour": SVG.colour(s), "key": s.rawValue, "count": r.indicators[s] ?? 0,
             "has_count": (r.indicators[s] ?? 0) > 0]
        }
    }

    /// `legend`: the words and counts follow the bar as text, where nothing beside it says them.
    static func statusBar(_ r: RollUp, _ c: PageContext, legend: Bool = false) -> String {
        StatusBar(counts: IndicatorStatus.displayOrder.map { ($0, r.indicators[$0] ?? 0) }, catalog: c.catalog, legend: legend).render()
    }

    static func projectSummary(_ position: Int, _ c: PageContext) -> [String: Any] {
        let p = c.index.projects[position]
        let r = c.assessment.projects[position]
        return [
            "id": p.id,
            "title": p.title[c.language],
            "link": "/projects/\(p.id)\(c.qs)",
            "on_track": c.ko ? "순항·달성 \(r.onTrack)/\(r.assessable)" : "\(r.onTrack) of \(r.assessable) on track or achieved",
            "worst": r.worst.map { c.status($0) } as Any,
            "has_worst": r.worst != nil,
            "late": r.lateTasks,
            "bar": statusBar(r, c, legend: true),
            "budget": AssessmentExplanation.budget(c.assessment.budget[position], c.language),
        ]
    }
}
