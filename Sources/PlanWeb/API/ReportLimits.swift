import PlanCore
import PlanStore

/// The length and count limits that openapi.yaml declares for a report. The generated server
/// checks types and required fields but not `maxLength`, `minLength` or `maxItems`, so they are
/// enforced here, with the same numbers, and named per entry like every other problem.
enum ReportLimits {
    static let text = TextLimits.text
    static let id = TextLimits.id
    static let period = TextLimits.period
    static let amount = TextLimits.amount
    static let url = TextLimits.url
    static let observations = 10_000
    static let others = 1000

    static func problems(in request: Components.Schemas.ReportRequest) -> [Components.Schemas.Problem.errorsPayloadPayload] {
        var problems: [Components.Schemas.Problem.errorsPayloadPayload] = []
        func check(_ entry: Int, _ field: String, _ value: String?, max: Int, min: Int = 0) {
            guard let value else { return }
            let length = value.unicodeScalars.count
            if length > max { problems.append(.init(entry: entry, field: field, message: "longer than \(max) characters")) }
            if length < min { problems.append(.init(entry: entry, field: field, message: "must not be empty")) }
            if !XMLText.canCarry(value) {
                problems.append(.init(entry: entry, field: field, message: "holds a character that cannot be published (such as U+FFFF or a control character)"))
            }
        }
        func check(_ entry: Int, _ kind: String, _ p: Components.Schemas.ProvenanceInput?) {
            guard let p else { return }
            check(entry, "\(kind).provenance.title", p.title, max: text)
            check(entry, "\(kind).provenance.url", p.url, max: url)
            check(entry, "\(kind).provenance.published", p.published, max: period)
            check(entry, "\(kind).provenance.quote", p.quote, max: text)
            check(entry, "\(kind).provenance.definitionNote", p.definitionNote, max: text)
        }
        func count(_ field: String, _ n: Int, max: Int) {
            if n > max { problems.append(.init(entry: 0, field: field, message: "more than \(max) entries in one request")) }
        }
        count("observations", request.observations?.count ?? 0, max: observations)
        count("budget", request.budget?.count ?? 0, max: others)
        count("jobs", request.jobs?.count ?? 0, max: others)
        count("tasks", request.tasks?.count ?? 0, max: others)
        for (i, o) in (request.observations ?? []).enumerated() {
            check(i, "observations.indicatorId", o.indicatorId, max: id, min: 1)
            check(i, "observations.period", o.period, max: period, min: 1)
            check(i, "observations.value", o.value, max: text, min: 1)
            check(i, "observations.source", o.source, max: text)
            check(i, "observations.note", o.note, max: text)
            check(i, "observations.basis", o.basis, max: TextLimits.basis)
            check(i, "observations", o.provenance)
        }
        for (i, b) in (request.budget ?? []).enumerated() {
            check(i, "budget.allocated", b.allocated, max: amount, min: 1)
            check(i, "budget.executed", b.executed, max: amount, min: 1)
            check(i, "budget.source", b.source, max: text)
            check(i, "budget", b.provenance)
        }
        for (i, j) in (request.jobs ?? []).enumerated() {
            check(i, "jobs.jobs", j.jobs, max: amount, min: 1)
            check(i, "jobs.source", j.source, max: text)
            check(i, "jobs", j.provenance)
        }
        for (i, t) in (request.tasks ?? []).enumerated() {
            check(i, "tasks.taskId", t.taskId, max: id, min: 1)
            check(i, "tasks.evidence", t.evidence, max: text, min: 1)
            check(i, "tasks.source", t.source, max: text)
            check(i, "tasks", t.provenance)
        }
        return problems
    }
}
