/// A plan's record as JSON: its revisions with the sources that announced them and the changes
/// computed from the versions, and its ending. `GET /api/v1/revisions`, the plan document and the
/// open data all write it this way (schema: `docs/plan-json.md`).
public enum PlanRecordJSON {
    public static func source(_ s: PlanSource) -> JSONValue {
        .compactObject([
            ("id", .string(s.id)), ("publisher", PlanJSON.text(s.publisher)), ("title", .string(s.title)), ("url", .string(s.url)),
            ("published", .string(s.published?.iso)), ("quote", .string(s.quote)), ("note", PlanJSON.text(s.note)),
        ])
    }

    public static func revision(_ r: PlanRevision) -> JSONValue {
        .compactObject([
            ("effective", .string(r.effective.iso)),
            ("title", PlanJSON.text(r.title)),
            ("summary", PlanJSON.text(r.summary)),
            ("sources", .array(r.sources.map(source))),
            ("explanations", .array(r.explanations.map { e in
                .compactObject([("about", .string(e.about)), ("sources", .array(e.sources.map { .string($0) })), ("note", PlanJSON.text(e.note))])
            })),
            ("notGiven", .array(r.notGiven.map { PlanJSON.text($0) })),
            ("note", PlanJSON.text(r.note)),
        ])
    }

    public static func ending(_ e: PlanEnding) -> JSONValue {
        .compactObject([
            ("on", .string(e.on.iso)),
            ("kind", .string(e.kind.rawValue)),
            ("successor", PlanJSON.text(e.successor)),
            ("summary", PlanJSON.text(e.summary)),
            ("sources", .array(e.sources.map(source))),
            ("continued", .array(e.continued.map { c in
                .compactObject([("indicator", .string(c.indicator)), ("successorTarget", PlanJSON.text(c.successorTarget)), ("source", .string(c.source))])
            })),
            ("note", PlanJSON.text(e.note)),
        ])
    }

    public static func change(_ c: PlanChange, explanation: ChangeExplanation?) -> JSONValue {
        .compactObject([
            ("kind", .string(c.kind.rawValue)),
            ("item", .string(c.item.descriptor)),
            ("name", PlanJSON.text(c.name)),
            ("subject", .string(c.subject)),
            ("field", .string(c.field)),
            ("old", PlanJSON.text(c.old)),
            ("new", PlanJSON.text(c.new)),
            ("sources", .array((explanation?.sources ?? []).map { .string($0) })),
            ("note", PlanJSON.text(explanation?.note)),
        ])
    }

    /// Every revision in the order it took effect, then the ending: the plan's public record.
    public static func record(_ history: PlanHistory) -> JSONValue {
        .compactObject([
            ("planId", .string(history.latest.plan.id)),
            ("original", .compactObject([
                ("effective", .string(history.original.effective.iso)),
                ("title", PlanJSON.text(history.original.plan.title)),
                ("source", PlanJSON.text(history.original.plan.source)),
            ])),
            ("revisions", .array(history.revisions.map { r in
                .compactObject([
                    ("number", .int(Int64(r.number))),
                    ("effective", .string(r.effective.iso)),
                    ("revision", r.revision.map(revision) ?? .null),
                    ("changes", .array(r.changes.map { change($0, explanation: r.revision?.explanation(of: $0)) })),
                ])
            })),
            ("ended", history.latest.plan.ended.map(ending) ?? .null),
        ])
    }
}
