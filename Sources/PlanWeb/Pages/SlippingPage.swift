import PlanCore

/// `/slipping`: everything behind schedule, a hundred to a page: the indicators that are behind
/// or missed, worst first, or (`?kind=tasks`) the investment tasks and reforms past their due
/// date. The home page shows the first few of each and links here; a national plan has tens
/// of thousands.
enum SlippingPage {
    static let pageSize = 100

    enum Kind: String { case indicators, tasks }

    /// This page for `kind` and `page`, keeping the as-of date.
    static func link(_ kind: Kind, page: Int, _ c: PageContext) -> String {
        var query = c.asOf.map { ["asOf=\($0.iso)"] } ?? []
        if kind == .tasks { query.append("kind=tasks") }
        if page > 1 { query.append("page=\(page)") }
        return "/slipping" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    static func context(kind: Kind, page requested: Int, _ c: PageContext) -> [String: Any]? {
        let positions = kind == .indicators ? c.assessment.slippingIndicators : c.assessment.lateTasks
        let pager = Pager(count: positions.count, size: pageSize, page: requested)
        guard pager.exists else { return nil }
        let rows: [[String: Any]] = positions[pager.rows].map { position in
            var row = kind == .indicators ? ViewModels.indicatorRow(position, c) : ViewModels.taskRow(position, c)
            let project = c.index.projects[kind == .indicators ? c.index.projectOfIndicator[position] : c.index.projectOfTask[position]]
            row["project"] = ["id": project.id, "title": project.title[c.language], "link": "/projects/\(project.id)\(c.qs)"]
            return row
        }
        func link(_ kind: Kind, page: Int) -> String { Self.link(kind, page: page, c) }
        let tabs: [[String: Any]] = [
            ["label": c.catalog["slipping_indicators_tab"], "count": c.count(c.assessment.slippingIndicators.count),
             "link": link(.indicators, page: 1), "current": kind == .indicators],
            ["label": c.catalog["slipping_tasks_tab"], "count": c.count(c.assessment.lateTasks.count),
             "link": link(.tasks, page: 1), "current": kind == .tasks],
        ]
        var values: [String: Any] = [
            "tabs": tabs,
            "rows": rows,
            "has_rows": !rows.isEmpty,
            "is_indicators": kind == .indicators,
        ]
        values.merge(pager.values(c) { link(kind, page: $0) }) { $1 }
        return c.layout(title: c.catalog["slipping_page_title"], page: "slipping").merging(values)
    }
}
