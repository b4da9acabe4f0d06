import PlanCore

/// `/embed/indicators/{id}`: an indicator's chart and verdict alone, for another site to frame:
/// no navigation, no forms, nothing else of the site but a link back to the indicator's page.
/// It is served with its own frame policy (`SecurityHeadersMiddleware`).
enum EmbedPage {
    static func context(_ id: String, _ c: PageContext, address: String) -> [String: Any]? {
        guard let position = c.index.indicatorIndex[id], let chart = SiteCharts.indicator(position, c) else { return nil }
        let i = c.index.indicators[position]
        let a = c.assessment.indicators[position]
        let (drawing, _) = SiteCharts.indicatorDrawing(position, c)
        return [
            "lang": c.language.rawValue,
            "t": c.catalog.strings,
            "title": chart.title,
            "plan_title": c.model.plan.title[c.language],
            "status": c.status(a.status),
            "explanation": AssessmentExplanation.indicator(a, i)[c.language],
            "chart": drawing.render(id: "embed-chart", describedBy: "embed-trend"),
            "description": drawing.description,
            "source": chart.source,
            "as_of": c.ko ? "\(c.day(c.assessment.asOf.day)) 기준" : "As of \(c.day(c.assessment.asOf.day))",
            "link": address + chart.page + c.qs,
        ]
    }
}
