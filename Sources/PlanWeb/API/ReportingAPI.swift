import Foundation
import OpenAPIRuntime
import PlanCore
import PlanStore

/// The reporting operations of the API (`POST /projects/{id}/reports` …), for machine clients
/// with a bearer token. `AccessMiddleware` has already decided the token may do this; here the
/// entries are read as people type them and go through the same `Workflow` as the forms.
extension APIImplementation {
    typealias ProblemEntry = Components.Schemas.Problem.errorsPayloadPayload

    static func problem(_ status: Int, _ title: String, _ detail: String, errors: [ProblemEntry]) -> Components.Schemas.Problem {
        Components.Schemas.Problem(_type: "about:blank", title: title, status: status, detail: detail, errors: errors.isEmpty ? nil : errors)
    }

    static func receipt(_ facts: [(FactKind, Int64)], _ state: ApprovalState) -> Components.Schemas.ReportReceipt {
        Components.Schemas.ReportReceipt(state: .init(rawValue: state.rawValue)!,
                                         facts: facts.map { .init(kind: $0.0.rawValue, id: $0.1) })
    }

    func recordReports(_ input: Operations.recordReports.Input) async throws -> Operations.recordReports.Output {
        guard let workflow = site.workflow, let principal = Principal.current else {
            return .unauthorized(.init(body: .application_problem_plus_json(Self.problem(401, "Unauthorized", "sign in with a bearer token"))))
        }
        let index = site.model.index
        let projectId = input.path.id
        guard index.project(projectId) != nil else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "Not Found", "no project '\(projectId)'"))))
        }
        guard case .json(let request) = input.body else {
            return .badRequest(.init(body: .application_problem_plus_json(Self.problem(400, "Bad Request", "a JSON body is required"))))
        }
        var entries: [FactEntry] = []
        var errors: [ProblemEntry] = []
        func fail(_ position: Int, _ field: String, _ message: String) { errors.append(.init(entry: position, field: field, message: message)) }
        let today = site.model.today.day
        /// The publication details of entry `i`, checked as an import checks them; nil on a problem (recorded).
        func provenance(_ i: Int, _ kind: String, _ p: Components.Schemas.ProvenanceInput?, source: String?, periodEnd: CalendarDay?) -> Provenance?? {
            guard let p else { return .some(nil) }
            let parts = ["source_title": p.title, "source_url": p.url, "source_date": p.published, "source_quote": p.quote,
                         "definition_note": p.definitionNote].compactMapValues { $0?.trimmingSpaces }
            let (checked, problems) = ProvenanceRules.check(parts, source: source, periodEnd: periodEnd, today: today)
            for (column, issue) in problems { fail(i, "\(kind).\(ProvenanceInputField.name(column))", issue.message) }
            return problems.isEmpty ? .some(checked) : nil
        }
        errors += ReportLimits.problems(in: request)
        guard errors.isEmpty else {
            return .badRequest(.init(body: .application_problem_plus_json(Self.problem(400, "Bad Request", "\(errors.count) entries break the schema's limits; nothing was recorded", errors: errors))))
        }
        for (i, o) in (request.observations ?? []).enumerated() {
            guard let indicator = index.indicator(o.indicatorId) else { fail(i, "observations.indicatorId", "unknown indicator '\(o.indicatorId)'"); continue }
            guard let period = try? PeriodParser.period(o.period), period.start <= today else {
                fail(i, "observations.period", "'\(o.period)' is not a period that has started (2024, 2024-H2, 2024-Q3, 2024-06)"); continue
            }
            guard let details = provenance(i, "observations", o.provenance, source: o.source, periodEnd: period.end) else { continue }
            let basis = o.basis?.trimmingSpaces
            if let basis, let problem = BasisRule.problem(basis) { fail(i, "observations.basis", problem.message); continue }
            switch ObservationValue.read(o.value, for: indicator, period: period) {
            case .failure(let e): fail(i, "observations.value", e.message)
            case .success(let read):
                var value: Double?, text: String?
                switch read {
                case .number(let v): value = v
                case .text(let t): text = t
                }
                entries.append(FactEntry(.observation(indicatorId: indicator.id, period: period, value: value, text: text,
                                                      basis: basis?.isEmpty == false ? basis : nil),
                                         valueStatus: o.status == .provisional ? .provisional : .final, source: o.source, note: o.note,
                                         provenance: details))
            }
        }
        for (i, b) in (request.budget ?? []).enumerated() {
            guard let a = FormValues.amount(b.allocated, money: true), let e = FormValues.amount(b.executed, money: true) else {
                fail(i, "budget", "allocated and executed must be amounts (1.2조원, 5,000억원, or won)"); continue
            }
            guard (1900...today.year).contains(b.fiscalYear) else { fail(i, "budget.fiscalYear", "\(b.fiscalYear) is not a past or current year"); continue }
            guard let details = provenance(i, "budget", b.provenance, source: b.source, periodEnd: Period.year(b.fiscalYear)?.end) else { continue }
            entries.append(FactEntry(.budget(projectId: projectId, fiscalYear: b.fiscalYear, allocated: a, executed: e), source: b.source, provenance: details))
        }
        for (i, j) in (request.jobs ?? []).enumerated() {
            guard let n = FormValues.amount(j.jobs, money: false) else { fail(i, "jobs.jobs", "'\(j.jobs)' is not a number of jobs"); continue }
            guard (1900...today.year).contains(j.year) else { fail(i, "jobs.year", "\(j.year) is not a past or current year"); continue }
            guard let details = provenance(i, "jobs", j.provenance, source: j.source, periodEnd: Period.year(j.year)?.end) else { continue }
            entries.append(FactEntry(.jobs(projectId: projectId, year: j.year, jobs: n), source: j.source, provenance: details))
        }
        for (i, t) in (request.tasks ?? []).enumerated() {
            guard index.task(t.taskId) != nil else { fail(i, "tasks.taskId", "unknown task '\(t.taskId)'"); continue }
            guard let day = CalendarDay(iso: t.date), day <= today else { fail(i, "tasks.date", "'\(t.date)' is not a past or current date"); continue }
            guard !t.evidence.trimmingSpaces.isEmpty else { fail(i, "tasks.evidence", "evidence is required"); continue }
            guard let details = provenance(i, "tasks", t.provenance, source: t.source, periodEnd: day.adding(days: -1)) else { continue }
            entries.append(FactEntry(.taskStatus(taskId: t.taskId, day: day, progress: TaskStatusReport.Progress(rawValue: t.progress.rawValue)!,
                                                 evidence: t.evidence), source: t.source, provenance: details))
        }
        guard errors.isEmpty else {
            return .badRequest(.init(body: .application_problem_plus_json(Self.problem(400, "Bad Request", "\(errors.count) entries are not valid; nothing was recorded", errors: errors))))
        }
        guard !entries.isEmpty else {
            return .badRequest(.init(body: .application_problem_plus_json(Self.problem(400, "Bad Request", "the request holds no entries"))))
        }
        let submit = request.submit ?? false
        do {
            let ids = try await workflow.record(entries, project: projectId, submit: submit, actor: principal.actor,
                                                bypassLocks: site.policy.bypassesLocks(principal), at: .now)
            return .created(.init(body: .json(Self.receipt(zip(entries.map(\.draft.kind), ids).map { ($0, $1) }, submit ? .submitted : .draft))))
        } catch WorkflowError.rejected(let problems) {
            let errors = problems.map { p in
                ProblemEntry(entry: p.entry, field: p.key.kind.rawValue, message: p.firstEntry.map { first in
                    let what = p.key.period.isEmpty ? p.key.subject : "\(p.key.subject) \(p.key.period)"
                    return "\(Self.place(p.entry, in: entries)) repeats \(Self.place(first, in: entries)) (\(what)): values sent together are recorded at "
                        + "the same time, so which one counts would depend on their order; send one value"
                } ?? p.message)
            }
            return .conflict(.init(body: .application_problem_plus_json(Self.problem(409, "Conflict", "nothing was recorded", errors: errors))))
        }
    }

    /// Where entry `i` of the recorded list stood in the request body: `observations[2]`.
    static func place(_ i: Int, in entries: [FactEntry]) -> String {
        let kind = entries[i].draft.kind
        let list = ["observation": "observations", "budget": "budget", "jobs": "jobs", "taskStatus": "tasks"][kind.rawValue] ?? kind.rawValue
        return "\(list)[\(i - (entries.firstIndex { $0.draft.kind == kind } ?? 0))]"
    }

    func submitReports(_ input: Operations.submitReports.Input) async throws -> Operations.submitReports.Output {
        guard let workflow = site.workflow, let principal = Principal.current else {
            return .unauthorized(.init(body: .application_problem_plus_json(Self.problem(401, "Unauthorized", "sign in with a bearer token"))))
        }
        let projectId = input.path.id
        guard site.model.index.project(projectId) != nil else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "Not Found", "no project '\(projectId)'"))))
        }
        var year: Int?
        if case .json(let body)? = input.body { year = body.year }
        var submitted: [(FactKind, Int64)] = []
        let now = Timestamp.now
        do {
            for (kind, ids) in try await workflow.drafts(project: projectId, period: year.map(String.init)).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try await workflow.submit(kind, ids: ids, project: projectId, actor: principal.actor,
                                          bypassLocks: site.policy.bypassesLocks(principal), at: now)
                submitted += ids.map { (kind, $0) }
            }
        } catch WorkflowError.rejected(let problems) {
            let errors = problems.map { ProblemEntry(entry: $0.entry, field: $0.key.kind.rawValue, message: $0.message) }
            return .conflict(.init(body: .application_problem_plus_json(Self.problem(409, "Conflict", "nothing more was submitted", errors: errors))))
        }
        return .ok(.init(body: .json(Self.receipt(submitted, .submitted))))
    }

    func approveReport(_ input: Operations.approveReport.Input) async throws -> Operations.approveReport.Output {
        switch try await decide(kind: input.path.kind.rawValue, id: input.path.id, approve: true, reason: nil) {
        case .success(let receipt): return .ok(.init(body: .json(receipt)))
        case .failure(let failure):
            switch failure.status {
            case 401: return .unauthorized(.init(body: .application_problem_plus_json(failure.problem)))
            case 404: return .notFound(.init(body: .application_problem_plus_json(failure.problem)))
            default: return .conflict(.init(body: .application_problem_plus_json(failure.problem)))
            }
        }
    }

    func returnReport(_ input: Operations.returnReport.Input) async throws -> Operations.returnReport.Output {
        guard case .json(let body) = input.body, !body.reason.trimmingSpaces.isEmpty, body.reason.unicodeScalars.count <= ReportLimits.text else {
            return .badRequest(.init(body: .application_problem_plus_json(Self.problem(400, "Bad Request", "a reason is required"))))
        }
        switch try await decide(kind: input.path.kind.rawValue, id: input.path.id, approve: false, reason: body.reason) {
        case .success(let receipt): return .ok(.init(body: .json(receipt)))
        case .failure(let failure):
            switch failure.status {
            case 401: return .unauthorized(.init(body: .application_problem_plus_json(failure.problem)))
            case 404: return .notFound(.init(body: .application_problem_plus_json(failure.problem)))
            default: return .conflict(.init(body: .application_problem_plus_json(failure.problem)))
            }
        }
    }

    struct DecisionFailure: Error {
        var status: Int
        var problem: Components.Schemas.Problem
    }

    func decide(kind raw: String, id: Int64, approve: Bool, reason: String?) async throws -> Result<Components.Schemas.ReportReceipt, DecisionFailure> {
        guard let workflow = site.workflow, let principal = Principal.current, let kind = FactKind(rawValue: raw) else {
            return .failure(DecisionFailure(status: 401, problem: Self.problem(401, "Unauthorized", "sign in with a bearer token")))
        }
        do {
            try await workflow.decide(kind, ids: [id], approve: approve, reason: reason, actor: principal.actor, at: .now)
        } catch StoreError.notFound(let what) {
            return .failure(DecisionFailure(status: 404, problem: Self.problem(404, "Not Found", what)))
        } catch StoreError.conflict(let what) {
            return .failure(DecisionFailure(status: 409, problem: Self.problem(409, "Conflict", what)))
        } catch let error as WorkflowError {
            return .failure(DecisionFailure(status: 409, problem: Self.problem(409, "Conflict", error.description)))
        }
        if approve { try await site.publishLatest() }
        return .success(Self.receipt([(kind, id)], approve ? .approved : .returned))
    }
}
