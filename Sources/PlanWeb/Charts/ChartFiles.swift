import PlanCore

/// The download links under a chart: the SVG to reuse as it is, the CSV of the points it draws,
/// and for an indicator the address of the embeddable chart.
enum ChartFiles {
    static func fields(_ scope: SiteChart.Scope, name: String, _ c: PageContext) -> [String: Any] {
        guard let chart = SiteCharts.chart(name, scope, c) else { return [:] }
        var fields: [String: Any] = ["title": chart.title, "svg": chart.link("svg", c), "csv": chart.link("csv", c)]
        if case .indicator(let i) = scope { fields["embed"] = "/embed/indicators/\(c.index.indicators[i].id)" }
        return fields
    }

    /// The links of every chart the scope's page draws, and for an indicator the code that
    /// embeds its chart in another page.
    static func page(_ scope: SiteChart.Scope, _ c: PageContext) -> [String: Any] {
        let files = SiteCharts.names(scope).map { fields(scope, name: $0, c) }.filter { !$0.isEmpty }
        var values: [String: Any] = ["chart_files": files, "has_chart_files": !files.isEmpty]
        if case .indicator(let i) = scope, !files.isEmpty {
            let id = c.index.indicators[i].id
            values["embed_code"] = "<iframe src=\"\(c.address)/embed/indicators/\(id)\(c.ko ? "" : "?lang=en")\" title=\""
                + HTMLText.escape(c.index.indicators[i].name[c.language]) + "\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\"></iframe>"
        }
        return values
    }
}
