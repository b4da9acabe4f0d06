/// The plan as the JSON document of `planwatch plan export --format json` and `GET /api/v1/plan`
/// (schema: `docs/plan-json.md`). Numbers are in base units (won, count, percent) with the
/// plan's wording beside them; periods are ISO-like (`2020-H2`).
public enum PlanJSON {
    public static func document(_ plan: Plan) -> JSONValue {
        let totals = PlanTotals(plan)
        return .compactObject([
            ("id", .string(plan.id)),
            ("title", text(plan.title)),
            ("summary", text(plan.summary)),
            ("period", .compactObject([("start", .string(plan.start.iso)), ("end", .string(plan.end.iso))])),
            ("currency", .string(plan.currency)),
            ("source", text(plan.source)),
            ("sourceURL", .string(plan.sourceURL)),
            ("note", text(plan.note)),
            ("published", .string(plan.published?.iso)),
            ("effective", .string(plan.effective.iso)),
            ("budget", .array(plan.budget.map(budget))),
            ("jobs", .array(plan.jobs.map(jobs))),
            ("revision", plan.revision.map(PlanRecordJSON.revision) ?? .null),
            ("ended", plan.ended.map(PlanRecordJSON.ending) ?? .null),
            ("totals", .compactObject([
                ("budget", .array(totals.budget.map(budget))),
                ("jobs", .array(totals.jobs.map(jobs))),
                ("indicatorRows", .int(Int64(totals.indicatorRows))),
                ("indicators", .int(Int64(totals.indicators))),
                ("tasks", .int(Int64(totals.tasks))),
                ("reforms", .int(Int64(totals.reforms))),
                ("laws", .int(Int64(totals.distinctLaws))),
            ])),
            ("organizations", .array(plan.organizations.map(organization))),
            ("pillars", .array(plan.pillars.map(pillar))),
        ])
    }

    public static func text(_ t: LocalizedText?) -> JSONValue {
        guard let t else { return .null }
        return .compactObject([("ko", .string(t.ko)), ("en", .string(t.en))])
    }

    public static func organization(_ o: Organization) -> JSONValue {
        .compactObject([("id", .string(o.id)), ("name", text(o.name)), ("abbreviation", text(o.abbreviation))])
    }

    public static func pillar(_ p: Pillar) -> JSONValue {
        .compactObject([
            ("id", .string(p.id)),
            ("title", text(p.title)),
            ("summary", text(p.summary)),
            ("budget", .array(p.budget.map(budget))),
            ("jobs", .array(p.jobs.map(jobs))),
            ("projects", .array(p.projects.map(project))),
        ])
    }

    public static func project(_ p: Project) -> JSONValue {
        .compactObject([
            ("id", .string(p.id)),
            ("title", text(p.title)),
            ("summary", text(p.summary)),
            ("situation", text(p.situation)),
            ("vision", text(p.vision)),
            ("leadOrganizations", .array(p.leadOrganizations.map { .string($0) })),
            ("budget", .array(p.budget.map(budget))),
            ("jobs", .array(p.jobs.map(jobs))),
            ("indicatorRows", .int(Int64(p.indicatorRowCount))),
            ("indicators", .array(p.indicators.map(indicator))),
            ("tasks", .array(p.tasks.map(task))),
            ("note", text(p.note)),
        ])
    }

    public static func budget(_ b: BudgetCommitment) -> JSONValue {
        .compactObject([
            ("by", .string(b.by.iso)),
            ("totalCost", b.totalCost.map { .int($0) } ?? .null),
            ("treasury", b.treasury.map { .int($0) } ?? .null),
            ("amount", b.amount.map { .int($0) } ?? .null),
            ("asWritten", .string(b.asWritten)),
            ("note", text(b.note)),
        ])
    }

    public static func jobs(_ j: JobsCommitment) -> JSONValue {
        .compactObject([("by", .string(j.by.iso)), ("count", .int(j.count)), ("asWritten", .string(j.asWritten)), ("note", text(j.note))])
    }

    public static func indicator(_ i: Indicator) -> JSONValue {
        .compactObject([
            ("id", .string(i.id)),
            ("name", text(i.name)),
            ("group", text(i.group)),
            ("row", .string(i.row)),
            ("part", text(i.part)),
            ("unit", .string(i.unit?.symbol)),
            ("measure", .string(i.measure.rawValue)),
            ("direction", .string(i.direction.rawValue)),
            ("accumulation", .string(i.accumulation.rawValue)),
            ("method", .string(i.method.rawValue)),
            ("bounds", .compactObject([("min", .number(i.bounds.min)), ("max", .number(i.bounds.max))])),
            ("baseline", i.baseline.map(baseline) ?? .null),
            ("targets", .array(i.targets.map(target))),
            ("source", .string(i.source.rawValue)),
            ("note", text(i.note)),
        ])
    }

    public static func baseline(_ b: Baseline) -> JSONValue {
        .compactObject([
            ("period", .string(b.period.iso)),
            ("value", .number(b.value)),
            ("text", text(b.text)),
            ("asWritten", .string(b.asWritten)),
            ("note", text(b.note)),
        ])
    }

    public static func target(_ t: Target) -> JSONValue {
        .compactObject([
            ("due", .string(t.due.iso)),
            ("value", .number(t.value)),
            ("text", text(t.text)),
            ("comparator", .string(t.comparator.rawValue)),
            ("asWritten", .string(t.asWritten)),
            ("column", t.column.map { .int(Int64($0)) } ?? .null),
            ("note", text(t.note)),
        ])
    }

    public static func task(_ t: PlanTask) -> JSONValue {
        .compactObject([
            ("id", .string(t.id)),
            ("kind", .string(t.kind.rawValue)),
            ("title", text(t.title)),
            ("detail", text(t.detail)),
            ("section", text(t.section)),
            ("parent", .string(t.parent)),
            ("due", .string(t.due?.iso)),
            ("start", .string(t.start?.iso)),
            ("dueAsWritten", .string(t.dueAsWritten)),
            ("laws", .array(t.laws.map(law))),
            ("organizations", .array(t.organizations.map { .string($0) })),
            ("indicators", .array(t.indicators.map(indicator))),
            ("tracks", .array(t.tracks.map { .string($0) })),
            ("note", text(t.note)),
        ])
    }

    public static func law(_ l: Law) -> JSONValue {
        .compactObject([
            ("name", text(l.name)),
            ("action", .string(l.action.rawValue)),
            ("due", .string(l.due?.iso)),
            ("note", text(l.note)),
        ])
    }
}
