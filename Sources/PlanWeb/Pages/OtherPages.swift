import PlanCore

/// `/method`, `/data`, `/search` and the error pages.
enum OtherPages {
    /// The method page shows the half of `docs/method.md` in the reader's language, after the
    /// method version the engine stamps on every assessment and the newest edition's note on what
    /// changed (the document's opening, which holds both languages).
    static func method(_ c: PageContext) -> [String: Any] {
        let text = EmbeddedFiles.text("docs/method.md") ?? ""
        var section: String
        if let english = text.range(of: "\n## English") {
            let korean = text.range(of: "\n## 한국어")
            if c.ko {
                section = String(text[(korean?.upperBound ?? text.startIndex)..<english.lowerBound])
            } else {
                section = String(text[english.upperBound...])
            }
            let opening = korean.map { text[..<$0.lowerBound] } ?? ""
            // The notes are blockquote paragraphs, Korean then English, newest edition first.
            let notes = opening.split(separator: "\n").filter { $0.hasPrefix("> **") }
            let note = notes.first { $0.hasPrefix("> **What changed") != c.ko }.map(String.init) ?? ""
            let version = c.ko ? "방법 버전: `\(PlanAssessment.methodVersion)`" : "Method version: `\(PlanAssessment.methodVersion)`"
            section = version + "\n\n" + note + "\n" + section
        } else {
            section = text
        }
        return c.layout(title: c.catalog["method_page_title"], page: "method").merging(["body_html": MarkdownRenderer.html(section)])
    }

    static func data(_ c: PageContext) -> [String: Any] {
        let plan = ["projects", "budget", "jobs", "indicators", "targets", "tasks", "laws", "revisions"].map { name in
            ["name": "\(name).csv", "link": "/data/\(name).csv", "xlsx": "/data/\(name).xlsx", "xlsx_name": "\(name).xlsx"]
        }
        let facts = ["observations", "budget_executions", "jobs_reports", "task_status_reports"].map { name in
            ["name": "\(name).csv", "link": "/data/\(name).csv", "xlsx": "/data/\(name).xlsx", "xlsx_name": "\(name).xlsx"]
        }
        // The share of indicators whose latest ended period (year) has an approved value.
        let day = c.assessment.asOf.day
        var coverage: [[String: Any]] = []
        var projectStart = 0
        for (pi, pillar) in c.plan.pillars.enumerated() {
            let projects = projectStart..<(projectStart + pillar.projects.count)
            projectStart += pillar.projects.count
            let indicators = c.index.indicators.indices.filter { projects.contains(c.index.projectOfIndicator[$0]) && !c.index.indicators[$0].isQualitative }
            var scratch: [Int] = []
            let lastYear = day.year - 1
            let current = indicators.filter { i in
                c.view.series(i, in: c.model.observations, scratch: &scratch).contains { $0.period.end.year >= lastYear }
            }.count
            let share = indicators.isEmpty ? nil : Double(current) / Double(indicators.count)
            let bar = ProgressChart(label: pillar.title[c.language], done: share ?? 0, expected: nil, status: .onTrack,
                                    text: c.percent(share)).render()
            coverage.append(["pillar": "\(pillar.id). \(c.plan.pillars[pi].title[c.language])", "share": c.percent(share),
                             "count": "\(current)/\(indicators.count)", "bar": bar])
        }
        var page: [String: Any] = [
            "plan_files": plan, "fact_files": facts,
            "plan_json": "/api/v1/plan", "assessments_json": "/api/v1/assessments", "assessments_csv": "/data/assessments.csv",
            "assessments_xlsx": "/data/assessments.xlsx",
            "datapackage": "/data/datapackage.json", "openapi": "/api/v1/openapi.yaml", "coverage": coverage,
        ]
        // One real address of each kind of chart file, to try.
        if let i = c.index.indicators.firstIndex(where: { $0.targets.contains { $0.value != nil } }), let project = c.index.projects.first {
            let id = c.index.indicators[i].id
            page["chart_example"] = ["svg": "/indicators/\(id)/chart.svg", "project_svg": "/projects/\(project.id)/charts/budget.svg",
                                     "embed": "/embed/indicators/\(id)"]
        }
        return c.layout(title: c.catalog["data_page_title"], page: "data").merging(page)
    }

    static func search(_ query: String, _ c: PageContext) -> [String: Any] {
        let groups = c.model.search.search(query)
        let results: [[String: Any]] = groups.map { kind, entries in
            [
                "kind": c.catalog["search_kind_\(kind.rawValue)"],
                "entries": entries.map { e in
                    ["title": e.kind == .law && c.ko ? "「\(e.title.ko)」" : e.title[c.language], "id": e.id.split(separator: "/").first.map(String.init) ?? e.id,
                     "context": e.context?[c.language] ?? "", "link": e.link]
                },
            ]
        }
        let page: [String: Any] = [
            "query": query,
            "has_query": !query.isEmpty,
            "results": results,
            "has_results": !results.isEmpty,
            "heading": query.isEmpty ? c.catalog["search_title"] : c.catalog.format("search_results", ["q": query]),
            "none": c.catalog.format("search_none", ["q": query]),
        ]
        return c.layout(title: c.catalog["search_title"], page: "search").merging(page)
    }

    static func error(status: Int, message: String? = nil, _ c: PageContext) -> [String: Any] {
        let title: String, fallback: String
        switch status {
        case 404: (title, fallback) = (c.catalog["error_404_title"], c.catalog["error_404_text"])
        case 403: (title, fallback) = (c.catalog["error_403_title"], c.catalog["error_403_text"])
        case 500...: (title, fallback) = (c.catalog["error_500_title"], c.catalog["error_500_text"])
        default: (title, fallback) = (c.catalog["error_400_title"], c.catalog["error_500_text"])
        }
        let text = message ?? fallback
        return c.layout(title: title, page: "error").merging(["code": status, "heading": title, "text": text])
    }
}
