import PlanCore

/// The plain page listing pillars and projects, served until the dashboard replaces it.
enum PlanIndexPage {
    static func render(_ plan: Plan) -> String {
        let e = HTMLEscaping.escape
        var html = """
        <!doctype html>
        <html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(plan.title.ko)) · Planwatch</title></head><body>
        <h1>\(e(plan.title.ko)) <small lang="en">\(e(plan.title.en ?? ""))</small></h1>

        """
        for pillar in plan.pillars {
            html += "<h2>\(e(pillar.id)). \(e(pillar.title.ko))</h2>\n<ul>\n"
            for p in pillar.projects {
                html += "<li>\(e(p.id)) \(e(p.title.ko)) <span lang=\"en\">(\(e(p.title.en ?? "")))</span></li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</body></html>\n"
    }
}
