import PlanCore

/// `/sources`: every source the published figures name, newest first, each with the values it
/// backs and a link to each value on its indicator's page, so any number on the site can be
/// traced to the publication it was read from.
enum SourcesPage {
    /// Values listed under one source; the rest are counted (a ministry's release can back thousands).
    static let valuesShown = 200

    static func context(_ c: PageContext) -> [String: Any] {
        let catalog = SourceCatalog(observations: c.model.observations.cited(asOf: c.assessment.asOf), reports: c.model.reports,
                                    asOf: c.assessment.asOf)
        let entries: [[String: Any]] = catalog.entries.enumerated().map { n, e in
            let rows = e.backs.prefix(valuesShown).map { row($0, c) }
            return [
                "anchor": "source-\(n + 1)",
                "publisher": e.publication.publisher,
                "title": e.publication.title ?? "",
                "url": e.publication.url ?? "",
                "published": e.publication.published.map(c.day) ?? "",
                "values": Array(rows),
                "count": c.catalog.format("sources_values", ["count": c.count(e.backs.count)]),
                "more": e.backs.count > valuesShown ? c.catalog.format("sources_more", ["count": c.count(e.backs.count - valuesShown)]) : "",
            ]
        }
        let page: [String: Any] = [
            "entries": entries,
            "has_entries": !entries.isEmpty,
            "summary": c.catalog.format("sources_summary", ["sources": c.count(catalog.entries.count), "values": c.count(catalog.valueCount)]),
        ]
        return c.layout(title: c.catalog["sources_title"], page: "sources").merging(page)
    }

    /// One value: what it is about (linked), its period and value, and what the source says of
    /// it (the quote and definition note of its `Citation`).
    static func row(_ b: SourceCatalog.Backed, _ c: PageContext) -> [String: Any] {
        let citation = Citation(b.record, c).fields.filter { ["quote", "quote_lang", "definition_note"].contains($0.key) }
        let about: [String: Any]
        switch b {
        case .observation(let o):
            let indicator = c.index.indicator(o.indicatorId)
            about = ["what": indicator?.name[c.language] ?? o.indicatorId, "id": o.indicatorId,
                     "link": indicator == nil ? "" : "/indicators/\(o.indicatorId)\(c.qs)#fact-\(o.record.id)",
                     "period": o.period.text(c.language),
                     "value": o.value.map { v in indicator.map { c.value(v, $0) } ?? QuantityFormatter.grouped(v, maxDecimals: 4) } ?? o.text ?? ""]
        case .budget(let x):
            about = ["what": c.catalog.format("sources_budget", ["project": x.projectId]), "id": x.projectId,
                     "link": "/projects/\(x.projectId)\(c.qs)", "period": Period.year(x.fiscalYear)!.text(c.language),
                     "value": "\(c.money(x.executed)) / \(c.money(x.allocated))"]
        case .jobs(let x):
            about = ["what": c.catalog.format("sources_jobs", ["project": x.projectId]), "id": x.projectId,
                     "link": "/projects/\(x.projectId)\(c.qs)", "period": Period.year(x.year)!.text(c.language), "value": c.jobs(x.jobs)]
        case .task(let x):
            let project = c.index.taskIndex[x.taskId].map { c.index.projects[c.index.projectOfTask[$0]].id }
            about = ["what": c.index.task(x.taskId)?.title[c.language] ?? x.taskId, "id": x.taskId,
                     "link": project.map { "/projects/\($0)\(c.qs)#\(x.taskId)" } ?? "", "period": c.day(x.asOfDay),
                     "value": c.ko ? x.progress.korean : x.progress.english]
        }
        return about.merging(citation)
    }
}
