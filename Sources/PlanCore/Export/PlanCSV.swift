/// The plan as flat CSV tables, one per kind of thing, for spreadsheets and analysts.
/// Columns are documented in `docs/plan-json.md` beside the JSON schema.
public enum PlanCSV {
    public static func tables(_ plan: Plan) -> [CSVTable] {
        var projects = CSVTable(fileName: "projects.csv", header: [
            "pillar_id", "pillar_title_ko", "pillar_title_en", "project_id", "title_ko", "title_en",
            "summary_ko", "summary_en", "lead_organizations", "indicator_rows",
        ])
        var budget = CSVTable(fileName: "budget.csv", header: ["project_id", "by", "total_cost_won", "treasury_won", "as_written", "amount_won", "level", "pillar_id"])
        var jobs = CSVTable(fileName: "jobs.csv", header: ["project_id", "by", "jobs", "as_written", "level", "pillar_id"])
        func addBudget(_ b: BudgetCommitment, project: String?, level: String, pillar: String?) {
            budget.rows.append([.text(project), .text(b.by.iso), .integer(b.totalCost), .integer(b.treasury), .text(b.asWritten),
                                .integer(b.amount), .text(level), .text(pillar)])
        }
        func addJobs(_ j: JobsCommitment, project: String?, level: String, pillar: String?) {
            jobs.rows.append([.text(project), .text(j.by.iso), .integer(j.count), .text(j.asWritten), .text(level), .text(pillar)])
        }
        for b in plan.budget { addBudget(b, project: nil, level: "plan", pillar: nil) }
        for j in plan.jobs { addJobs(j, project: nil, level: "plan", pillar: nil) }
        var indicators = CSVTable(fileName: "indicators.csv", header: [
            "indicator_id", "project_id", "task_id", "source", "group_ko", "name_ko", "name_en", "row", "part_ko", "part_en",
            "unit", "measure", "direction", "accumulation", "method", "bounds_min", "bounds_max",
            "baseline_period", "baseline_value", "baseline_text_ko", "baseline_as_written", "note_ko",
        ])
        var targets = CSVTable(fileName: "targets.csv", header: [
            "indicator_id", "due", "value", "text_ko", "text_en", "comparator", "column", "as_written", "note_ko",
        ])
        var tasks = CSVTable(fileName: "tasks.csv", header: [
            "task_id", "project_id", "kind", "section_ko", "title_ko", "title_en", "due", "start", "due_as_written",
            "organizations", "laws", "indicators", "tracks", "detail_ko", "note_ko",
        ])
        var laws = CSVTable(fileName: "laws.csv", header: ["task_id", "project_id", "name_ko", "name_en", "action", "due", "note_ko"])

        func addIndicator(_ i: Indicator, project: String, task: String?) {
            indicators.rows.append([
                .text(i.id), .text(project), .text(task), .text(i.source.rawValue), .text(i.group?.ko), .text(i.name.ko),
                .text(i.name.en), .text(i.row), .text(i.part?.ko), .text(i.part?.en), .text(i.unit?.symbol),
                .text(i.measure.rawValue), .text(i.direction.rawValue), .text(i.accumulation.rawValue), .text(i.method.rawValue),
                .number(i.bounds.min), .number(i.bounds.max), .text(i.baseline?.period.iso), .number(i.baseline?.value),
                .text(i.baseline?.text?.ko), .text(i.baseline?.asWritten), .text(i.note?.ko),
            ])
            for t in i.targets {
                targets.rows.append([
                    .text(i.id), .text(t.due.iso), .number(t.value), .text(t.text?.ko), .text(t.text?.en),
                    .text(t.comparator.rawValue), .integer(t.column.map(Int64.init)), .text(t.asWritten), .text(t.note?.ko),
                ])
            }
        }

        for pillar in plan.pillars {
            for b in pillar.budget { addBudget(b, project: nil, level: "pillar", pillar: pillar.id) }
            for j in pillar.jobs { addJobs(j, project: nil, level: "pillar", pillar: pillar.id) }
            for p in pillar.projects {
                projects.rows.append([
                    .text(pillar.id), .text(pillar.title.ko), .text(pillar.title.en), .text(p.id), .text(p.title.ko),
                    .text(p.title.en), .text(p.summary?.ko), .text(p.summary?.en),
                    .text(p.leadOrganizations.joined(separator: ";")), .integer(Int64(p.indicatorRowCount)),
                ])
                for b in p.budget { addBudget(b, project: p.id, level: "project", pillar: pillar.id) }
                for j in p.jobs { addJobs(j, project: p.id, level: "project", pillar: pillar.id) }
                for i in p.indicators { addIndicator(i, project: p.id, task: nil) }
                for t in p.tasks {
                    tasks.rows.append([
                        .text(t.id), .text(p.id), .text(t.kind.rawValue), .text(t.section?.ko), .text(t.title.ko),
                        .text(t.title.en), .text(t.due?.iso), .text(t.start?.iso), .text(t.dueAsWritten),
                        .text(t.organizations.joined(separator: ";")), .text(t.laws.map(\.name.ko).joined(separator: ";")),
                        .text(t.indicators.map(\.id).joined(separator: ";")), .text(t.tracks.joined(separator: ";")),
                        .text(t.detail?.ko), .text(t.note?.ko),
                    ])
                    for l in t.laws {
                        laws.rows.append([
                            .text(t.id), .text(p.id), .text(l.name.ko), .text(l.name.en), .text(l.action.rawValue),
                            .text((l.due ?? t.due)?.iso), .text(l.note?.ko),
                        ])
                    }
                    for i in t.indicators { addIndicator(i, project: p.id, task: t.id) }
                }
            }
        }
        return [projects, budget, jobs, indicators, targets, tasks, laws]
    }
}
