import PlanCore

/// Every chart the public pages draw, by the page it belongs to and its name, with what it takes
/// to publish it on its own: the drawing, its title, its text alternative, its source line and
/// the exact points it draws. The page, the SVG download, the CSV download and the embed all
/// come from here, so they can never disagree.
struct SiteChart {
    enum Scope {
        case plan
        case pillar(Int)
        case project(Int)
        case indicator(Int)
    }

    var title: String
    var description: String
    var drawing: String
    var size: (width: Double, height: Double)
    /// Where the figures come from, in the reader's language.
    var source: String
    /// The page the chart is on (path and query), and the name of its files there.
    var page: String
    var name: String
    var points: CSVTable
    /// The key the standalone file draws under the chart (the page has its own, as HTML).
    var legend: [(mark: String, label: String)] = []

    /// The chart as a standalone SVG file, with `address` (the site's) before the page's path.
    func press(_ c: PageContext, address: String, verdict: String? = nil) -> String {
        let day = c.ko ? "\(c.day(c.assessment.asOf.day)) 기준" : "As of \(c.day(c.assessment.asOf.day))"
        let subtitle = verdict.map { day + " · " + c.catalog["chart_verdict"] + ": " + $0 } ?? day
        return PressChart(title: title, description: description, subtitle: subtitle, source: source, address: address + page,
                          drawing: drawing, drawingWidth: size.width, drawingHeight: size.height, legend: legend).svg
    }

    /// The chart's files: `chart.svg`/`chart.csv` of an indicator, `charts/NAME.svg` elsewhere.
    func link(_ ext: String, _ c: PageContext) -> String {
        let base = page.split(separator: "?").first.map(String.init) ?? page
        let file = name == "chart" ? "\(base)/chart.\(ext)" : "\(base == "/" ? "" : base)/charts/\(name).\(ext)"
        return file + c.qs
    }
}

enum SiteCharts {
    /// The names of the charts a scope has.
    static func names(_ scope: SiteChart.Scope) -> [String] {
        switch scope {
        case .plan: return ["status"]
        case .pillar, .project: return ["status", "budget", "jobs"]
        case .indicator: return ["chart"]
        }
    }

    static func chart(_ name: String, _ scope: SiteChart.Scope, _ c: PageContext) -> SiteChart? {
        switch (scope, name) {
        case (.indicator(let i), "chart"): return indicator(i, c)
        case (_, "status"): return status(scope, c)
        case (.pillar, "budget"), (.project, "budget"): return commitments(scope, jobs: false, c)
        case (.pillar, "jobs"), (.project, "jobs"): return commitments(scope, jobs: true, c)
        default: return nil
        }
    }

    static func page(_ scope: SiteChart.Scope, _ c: PageContext) -> String {
        switch scope {
        case .plan: return "/"
        case .pillar(let p): return "/pillars/\(c.model.plan.pillars[p].id)"
        case .project(let p): return "/projects/\(c.index.projects[p].id)"
        case .indicator(let i): return "/indicators/\(c.index.indicators[i].id)"
        }
    }

    /// The indicator's chart: baseline, targets and the values drawn, with their sources.
    static func indicator(_ position: Int, _ c: PageContext) -> SiteChart? {
        let i = c.index.indicators[position]
        let (drawing, series) = indicatorDrawing(position, c)
        let baseline = drawing.baseline, targets = drawing.targets
        guard !targets.isEmpty else { return nil }
        var points = CSVTable(fileName: "\(i.id)-chart.csv", header: ["indicator_id", "series", "period", "period_end", "value", "unit", "value_status", "source",
                                                                     "basis"])
        let unit = i.unit?.symbol ?? ""
        if let (p, v) = baseline { points.rows.append([.text(i.id), .text("baseline"), .text(p.iso), .text(p.end.iso), .number(v), .text(unit), .text(nil), .text(c.model.plan.title[c.language]), .text(nil)]) }
        for (p, v) in targets { points.rows.append([.text(i.id), .text("target"), .text(p.iso), .text(p.end.iso), .number(v), .text(unit), .text(nil), .text(c.model.plan.title[c.language]), .text(nil)]) }
        let records = Dictionary(c.view.history(position, in: c.model.observations).map { ($0.record.id, $0.record) }) { a, _ in a }
        var publishers: [String] = []
        for p in series {
            let publisher = records[p.factId]?.source
            if let publisher, !publishers.contains(publisher) { publishers.append(publisher) }
            points.rows.append([.text(i.id), .text("actual"), .text(p.period.iso), .text(p.period.end.iso), .number(p.value), .text(unit),
                                .text(p.status.rawValue), .text(publisher), .text(p.basis)])
        }
        let plan = c.model.plan.title[c.language]
        let source = c.ko
            ? "출처: 「\(plan)」(기준치·목표)" + (publishers.isEmpty ? "" : ", " + publishers.joined(separator: ", ") + "(실적)") + " · Planwatch 집계"
            : "Source: \(plan) (baseline, targets)" + (publishers.isEmpty ? "" : "; " + publishers.joined(separator: ", ") + " (values)") + " · compiled by Planwatch"
        let legend: [(mark: String, label: String)] = [
            ("<rect x=\"2\" y=\"2\" width=\"10\" height=\"10\" fill=\"#3c4043\"/>", c.catalog["chart_baseline"]),
            ("<path d=\"M7 0L14 7L7 14L0 7Z\" fill=\"#0a5a9c\"/>", c.catalog["chart_target"]),
            ("<path d=\"M0 7H14\" stroke=\"#6b7280\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>", c.catalog["chart_path"]),
            ("<circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#b34700\"/>", c.catalog["chart_final"]),
            ("<circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#ffffff\" stroke=\"#b34700\" stroke-width=\"2\"/>", c.catalog["chart_provisional"]),
        ]
        // Values on another basis than the plan's, and the mark where the basis changes, when drawn.
        let legendOfBases: [(mark: String, label: String)] = series.contains { $0.basis != nil } ? [
            ("<path d=\"M7 1L13 12L1 12Z\" fill=\"\(IndicatorChart.otherColour)\"/>", c.catalog["chart_other_basis"]),
            ("<path d=\"M7 0V14\" stroke=\"\(IndicatorChart.otherColour)\" stroke-width=\"1.5\" stroke-dasharray=\"3 3\"/>", c.catalog["chart_basis_break"]),
        ] : []
        return SiteChart(title: i.name[c.language], description: drawing.description, drawing: drawing.render(id: "chart"),
                         size: (drawing.width, drawing.height), source: source, page: page(.indicator(position), c), name: "chart", points: points,
                         legend: legend + legendOfBases)
    }

    /// The drawing of an indicator as of the page's date, and the values it draws (those with a
    /// number): the page, the download and the embed all draw this one.
    static func indicatorDrawing(_ position: Int, _ c: PageContext) -> (IndicatorChart, [SeriesPoint]) {
        let i = c.index.indicators[position]
        var scratch: [Int] = []
        let series = c.view.series(position, in: c.model.observations, scratch: &scratch).filter { $0.value != nil }
        let actuals = series.map { IndicatorChart.Point(period: $0.period, value: $0.value ?? 0, provisional: $0.status == .provisional, basis: $0.basis) }
        let baseline = i.baseline.flatMap { b in b.value.map { (b.period, $0) } }
        let targets = i.targets.compactMap { t in t.value.map { (t.due, $0) } }
        return (IndicatorChart(title: i.name[c.language], unit: i.unit, lowerIsBetter: i.direction == .decrease, baseline: baseline,
                               targets: targets, actuals: actuals, language: c.language, catalog: c.catalog), series)
    }

    /// How many indicators have each verdict, in the scope.
    static func status(_ scope: SiteChart.Scope, _ c: PageContext) -> SiteChart {
        let (r, what): (RollUp, String)
        switch scope {
        case .plan: (r, what) = (c.assessment.plan, c.model.plan.title[c.language])
        case .pillar(let p): (r, what) = (c.assessment.pillars[p], "\(c.model.plan.pillars[p].id). \(c.model.plan.pillars[p].title[c.language])")
        case .project(let p): (r, what) = (c.assessment.projects[p], "\(c.index.projects[p].id) \(c.index.projects[p].title[c.language])")
        case .indicator: (r, what) = (RollUp(), "")
        }
        let counts = IndicatorStatus.displayOrder.map { ($0, r.indicators[$0] ?? 0) }
        let chart = StatusCountsChart(counts: counts, catalog: c.catalog)
        var points = CSVTable(fileName: "status.csv", header: ["scope", "status", "label", "indicators"])
        for (s, n) in counts { points.rows.append([.text(page(scope, c)), .text(s.rawValue), .text(c.catalog.status(s)), .integer(Int64(n))]) }
        let title = c.catalog.format("chart_status_title", ["what": what])
        return SiteChart(title: title, description: chart.description, drawing: chart.render(), size: (chart.width, chart.height),
                         source: methodSource(c), page: page(scope, c), name: "status", points: points)
    }

    /// Budget or jobs: each commitment against what was reached by then.
    static func commitments(_ scope: SiteChart.Scope, jobs: Bool, _ c: PageContext) -> SiteChart? {
        let bars: [CommitmentBars.Bar]
        let what: String
        switch scope {
        case .pillar(let pi):
            let pillar = c.model.plan.pillars[pi]
            let first = c.model.plan.pillars[..<pi].reduce(0) { $0 + $1.projects.count }
            let positions = first..<(first + pillar.projects.count)
            let r = c.assessment.pillars[pi]
            what = "\(pillar.id). \(pillar.title[c.language])"
            bars = jobs
                ? [CommitmentBars.Bar(label: c.catalog["jobs_title"], planned: Double(r.jobsCommitted), actual: c.reported(jobsOf: positions) ? Double(r.jobsToDate) : nil)]
                : [CommitmentBars.Bar(label: c.catalog["budget_title"], planned: Double(r.budgetCommitted),
                                      actual: c.reported(budgetOf: positions) ? Double(r.budgetExecutedToDate) : nil)]
        case .project(let position):
            let p = c.index.projects[position]
            what = "\(p.id) \(p.title[c.language])"
            if jobs {
                let years = c.assessment.jobs[position].years
                bars = p.jobs.map { j in
                    CommitmentBars.Bar(label: c.catalog.format("budget_by", ["year": String(j.by.year)]), planned: Double(j.count),
                                       actual: years.isEmpty ? nil : Double(years.filter { $0.year <= j.by.year }.reduce(0) { $0 + $1.jobs }))
                }
            } else {
                let years = c.assessment.budget[position].years
                bars = p.budget.map { b in
                    CommitmentBars.Bar(label: c.catalog.format("budget_by", ["year": String(b.by.year)]), planned: Double(b.committed),
                                       actual: years.isEmpty ? nil : Double(years.filter { $0.fiscalYear <= b.by.year }.reduce(0) { $0 + $1.executed }))
                }
            }
        default: return nil
        }
        let format: (Double) -> String = jobs ? { c.jobs(Int64($0)) } : { c.money(Int64($0)) }
        let chart = CommitmentBars(title: c.catalog[jobs ? "jobs_planned_vs_actual" : "budget_planned_vs_actual"], bars: bars, format: format, catalog: c.catalog)
        var points = CSVTable(fileName: "\(jobs ? "jobs" : "budget").csv", header: ["scope", "bar", "planned", "actual", "unit"])
        for b in bars {
            points.rows.append([.text(page(scope, c)), .text(b.label), .number(b.planned), .number(b.actual), .text(jobs ? "jobs" : "KRW")])
        }
        return SiteChart(title: "\(chart.title) · \(what)", description: chart.description, drawing: chart.render(),
                         size: (chart.width, chart.height), source: planSource(c), page: page(scope, c), name: jobs ? "jobs" : "budget", points: points)
    }

    static func methodSource(_ c: PageContext) -> String {
        c.ko ? "출처: 승인된 실적을 Planwatch가 공개된 평가 방법(\(PlanAssessment.methodVersion))으로 판정"
            : "Source: approved figures judged by Planwatch's published method (\(PlanAssessment.methodVersion))"
    }

    static func planSource(_ c: PageContext) -> String {
        let plan = c.model.plan.title[c.language]
        return c.ko ? "출처: 「\(plan)」(약속), 소관 부처가 보고하고 승인된 실적 · Planwatch 집계"
            : "Source: \(plan) (commitments); figures reported by the ministries and approved · compiled by Planwatch"
    }
}
