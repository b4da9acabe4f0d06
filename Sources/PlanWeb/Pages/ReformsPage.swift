import PlanCore

/// `/reforms`: every law the plan amends or enacts (「…」), its reform, due period and status,
/// filterable by status.
enum ReformsPage {
    static func context(status filter: TaskStatus?, _ c: PageContext) -> [String: Any] {
        let reforms = c.index.tasks.indices.filter { c.index.tasks[$0].kind == .reform }
        let rows: [[String: Any]] = reforms.compactMap { position in
            let a = c.assessment.tasks[position]
            if let filter, a.status != filter { return nil }
            let t = c.index.tasks[position]
            let project = c.index.projects[c.index.projectOfTask[position]]
            var row = ViewModels.taskRow(position, c)
            row["project"] = ["id": project.id, "title": project.title[c.language], "link": "/projects/\(project.id)\(c.qs)#\(t.id)"]
            row["has_laws"] = !t.laws.isEmpty
            return row
        }
        var counts: [TaskStatus: Int] = [:]
        for p in reforms { counts[c.assessment.tasks[p].status, default: 0] += 1 }
        let base = "/reforms" + (c.asOf.map { "?asOf=\($0.iso)&" } ?? "?")
        let filters: [[String: Any]] = [["label": c.catalog["filter_all"], "link": "/reforms\(c.qs)", "current": filter == nil, "count": reforms.count]]
            + TaskStatus.allCases.map { s in
                ["label": c.catalog.task(s), "link": "\(base)status=\(s.rawValue)", "current": filter == s, "count": counts[s] ?? 0]
            }
        let lawCount = Set(reforms.flatMap { c.index.tasks[$0].laws.map(\.name.ko) }).count
        let page: [String: Any] = [
            "rows": rows,
            "has_rows": !rows.isEmpty,
            "filters": filters,
            "counts": c.catalog.format("reforms_count", count: reforms.count, ["count": c.count(reforms.count)]) + " · "
                + c.catalog.format("laws_count", count: lawCount, ["count": c.count(lawCount)]),
        ]
        return c.layout(title: c.catalog["reforms_page_title"], page: "reforms").merging(page)
    }
}
