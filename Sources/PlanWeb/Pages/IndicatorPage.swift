import PlanCore

/// `/indicators/{id}`: the chart of baseline, milestones, planned path and actuals; the
/// assessment with its sentence; the table of values with revisions and sources; downloads.
enum IndicatorPage {
    static func context(_ id: String, _ c: PageContext) -> [String: Any]? {
        guard let position = c.index.indicatorIndex[id] else { return nil }
        let i = c.index.indicators[position]
        let a = c.assessment.indicators[position]
        let project = c.index.projects[c.index.projectOfIndicator[position]]
        var scratch: [Int] = []
        let series = c.view.series(position, in: c.model.observations, scratch: &scratch)
        let current = Set(series.map(\.factId))
        let (drawing, _) = SiteCharts.indicatorDrawing(position, c)
        let chart = drawing.targets.isEmpty ? "" : drawing.render(id: "chart", describedBy: "chart-trend")
        func basisText(_ basis: String?) -> String { basis.map { BilingualNote.text($0, c.language) } ?? c.catalog["basis_plan"] }
        let bases = Set(series.map(\.basis)).union(c.view.history(position, in: c.model.observations).map(\.basis))
        let hasBases = bases.contains { $0 != nil }
        // Every value known as of the date, the current ones plain, the superseded ones struck through.
        let known = c.view.history(position, in: c.model.observations).filter { $0.record.isKnown(c.assessment.asOf) }
        let values: [[String: Any]] = known.map { o in
            [
                "id": o.record.id,
                "citation": Citation(o.record, c).fields,
                "period": o.period.text(c.language),
                "value": o.value.map { c.value($0, i) } ?? o.text ?? "",
                "kind": c.catalog[o.status.rawValue],
                "provisional": o.status == .provisional,
                "source": o.record.source ?? "",
                "note": o.record.note.map { Citation.inLanguage($0, c.language) } ?? "",
                "basis": basisText(o.basis),
                "other_basis": o.basis != nil,
                "recorded": c.day(o.record.recordedAt.koreanDay),
                "approved": o.record.approvedAt.map { c.day($0.koreanDay) } ?? "",
                "superseded": !current.contains(o.record.id),
            ]
        }
        var chartTable: [[String: Any]] = []
        if let b = i.baseline {
            chartTable.append(["what": c.catalog["chart_baseline"], "period": b.period.text(c.language), "basis": basisText(nil),
                               "value": b.value.map { c.value($0, i) } ?? b.text?[c.language] ?? ""])
        }
        for t in i.targets {
            chartTable.append(["what": c.catalog["chart_target"], "period": t.due.text(c.language), "basis": basisText(nil),
                               "value": t.value.map { c.value($0, i) } ?? t.text?[c.language] ?? ""])
        }
        for p in series {
            chartTable.append(["what": c.catalog[p.status == .provisional ? "chart_provisional" : "chart_final"], "period": p.period.text(c.language),
                               "value": p.value.map { c.value($0, i) } ?? p.text ?? "", "basis": basisText(p.basis)])
        }
        let method: String
        switch a.method {
        case .linear?: method = c.catalog["method_linear"]
        case .cagr?: method = c.catalog["method_cagr"]
        case nil: method = a.status == .reported ? c.catalog["method_reported"] : "–"
        }
        let page: [String: Any] = [
            "id": i.id,
            "heading": i.name[c.language],
            "group": c.text(i.group) ?? "",
            "project": ["id": project.id, "title": project.title[c.language], "link": "/projects/\(project.id)\(c.qs)"],
            "unit": i.unit?.symbol ?? "",
            "status": c.status(a.status),
            "explanation": AssessmentExplanation.indicator(a, i)[c.language],
            "method": method,
            "has_path": a.path != nil,
            "ratio": a.path.map { QuantityFormatter.grouped($0.r, maxDecimals: 2) } ?? "–",
            "chart": chart,
            "chart_description": chart.isEmpty ? "" : drawing.description,
            "chart_table": chartTable,
            "has_bases": hasBases,
            "bases_note": hasBases ? c.catalog["basis_note"] : "",
            "targets": i.targets.map { t in
                [
                    "due": t.due.text(c.language),
                    "value": t.value.map { c.value($0, i) } ?? t.text?[c.language] ?? "",
                    "as_written": t.asWritten ?? "",
                    "note": c.text(t.note) ?? "",
                ]
            },
            "baseline": i.baseline.map { b in
                ["period": b.period.text(c.language), "value": b.value.map { c.value($0, i) } ?? b.text?[c.language] ?? "", "as_written": b.asWritten ?? ""]
            } as Any,
            "has_baseline": i.baseline != nil,
            "values": values,
            "has_values": !values.isEmpty,
            "note": c.text(i.note) ?? "",
            "csv_link": "/indicators/\(i.id).csv\(c.qs)",
            "json_link": "/api/v1/indicators/\(i.id)/observations",
        ]
        return c.layout(title: i.name[c.language], page: "indicator").merging(page).merging(CommitmentRecord.indicator(position, c))
            .merging(ChartFiles.page(.indicator(position), c))
    }

    /// The indicator's known values as CSV (UTF-8 with BOM), for Excel.
    static func csv(_ id: String, _ model: ReadModel, asOf: AsOf) -> String? {
        guard let i = model.factIndex.indicator(id) else { return nil }
        var table = CSVTable(fileName: "\(id).csv", header: ["indicator_id", "period", "value", "text", "value_status", "source"] + Provenance.columns
                             + ["note", "recorded_at", "approved_at", "supersedes", "basis"])
        for o in model.history(of: i.id) where o.record.isKnown(asOf) {
            table.rows.append([.text(i.id), .text(o.period.iso), .number(o.value), .text(o.text), .text(o.status.rawValue), .text(o.record.source)]
                              + (o.record.provenance?.columnValues ?? Array(repeating: nil, count: Provenance.columns.count)).map { .text($0) }
                              + [.text(o.record.note), .text(o.record.recordedAt.iso), .text(o.record.approvedAt?.iso), .integer(o.record.supersedes),
                                 .text(o.basis)])
        }
        return table.csv
    }
}
