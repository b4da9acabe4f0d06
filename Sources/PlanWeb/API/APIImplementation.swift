import Foundation
import OpenAPIRuntime
import PlanCore

/// The `/api/v1` operations of `openapi.yaml`. Each answer is the JSON the command line writes
/// (`PlanJSON`, `AssessmentJSON`), decoded into the generated types, so the document and the
/// code cannot drift apart; `ResponseCacheMiddleware` then serves the encoded bytes with ETags.
struct APIImplementation: APIProtocol {
    let site: Site
    var holder: ReadModelHolder { site.holder }

    /// Decodes our JSON into a generated type. A failure means the OpenAPI document and the JSON disagree.
    static func typed<T: Decodable>(_ value: JSONValue, as: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(value.compact.utf8))
    }

    static func problem(_ status: Int, _ title: String, _ detail: String) -> Components.Schemas.Problem {
        Components.Schemas.Problem(_type: "about:blank", title: title, status: status, detail: detail)
    }

    func getPlan(_ input: Operations.getPlan.Input) async throws -> Operations.getPlan.Output {
        let model = site.model
        var plan = model.plan
        if let text = input.query.asOf {
            switch Self.asOf(text, today: model.today.day) {
            case .day(let day): plan = model.history.inForce(on: day).plan
            case .badRequest(let problem): return .badRequest(.init(body: .application_problem_plus_json(problem)))
            case .notFound(let problem): return .notFound(.init(body: .application_problem_plus_json(problem)))
            }
        }
        return .ok(.init(body: .json(try Self.typed(PlanJSON.document(plan), as: Components.Schemas.PlanDocument.self))))
    }

    func getRevisions(_ input: Operations.getRevisions.Input) async throws -> Operations.getRevisions.Output {
        .ok(.init(body: .json(try Self.typed(PlanRecordJSON.record(site.model.history), as: Components.Schemas.PlanRecord.self))))
    }

    /// What an `asOf` query asks for: a day no later than today, or the problem to answer with.
    enum AsOfAnswer {
        case day(CalendarDay)
        case badRequest(Components.Schemas.Problem)
        case notFound(Components.Schemas.Problem)
    }

    static func asOf(_ text: String, today: CalendarDay) -> AsOfAnswer {
        guard let d = CalendarDay(iso: text) else { return .badRequest(problem(400, "Bad Request", "asOf '\(text)' is not a date (YYYY-MM-DD)")) }
        guard d <= today else { return .notFound(problem(404, "Not Found", "asOf \(text) is after today; no assessment exists for it yet")) }
        return .day(d)
    }

    func getProject(_ input: Operations.getProject.Input) async throws -> Operations.getProject.Output {
        let model = site.model
        guard let project = model.index.project(input.path.id) else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "Not Found", "no project '\(input.path.id)'"))))
        }
        return .ok(.init(body: .json(try Self.typed(PlanJSON.project(project), as: Components.Schemas.Project.self))))
    }

    func getIndicator(_ input: Operations.getIndicator.Input) async throws -> Operations.getIndicator.Output {
        let model = site.model
        guard let position = model.index.indicatorIndex[input.path.id] else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "Not Found", "no indicator '\(input.path.id)'"))))
        }
        let doc = JSONValue.compactObject([
            ("indicator", PlanJSON.indicator(model.index.indicators[position])),
            ("projectId", .string(model.index.projects[model.index.projectOfIndicator[position]].id)),
            ("taskId", .string(model.index.taskOfIndicator[position].map { model.index.tasks[$0].id })),
            ("assessment", PlanViewJSON.indicator(model.todayView, position: position)),
        ])
        return .ok(.init(body: .json(try Self.typed(doc, as: Components.Schemas.IndicatorDetail.self))))
    }

    func getObservations(_ input: Operations.getObservations.Input) async throws -> Operations.getObservations.Output {
        let model = site.model
        guard let position = model.index.indicatorIndex[input.path.id] else {
            return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "Not Found", "no indicator '\(input.path.id)'"))))
        }
        var scratch: [Int] = []
        let current = Set(model.todayView.series(position, in: model.observations, scratch: &scratch).map(\.factId))
        let observations: [JSONValue] = model.todayView.history(position, in: model.observations).filter { $0.record.isKnown(model.today) }.map { o in
            .compactObject([
                ("id", .int(o.record.id)), ("period", .string(o.period.iso)), ("value", .number(o.value)), ("text", .string(o.text)),
                ("status", .string(o.status.rawValue)), ("source", .string(o.record.source)),
                ("provenance", o.record.provenance.map(ProvenanceJSON.value) ?? .null), ("note", .string(o.record.note)),
                ("basis", .string(o.basis)), ("recordedAt", .string(o.record.recordedAt.iso)), ("approvedAt", .string(o.record.approvedAt?.iso)),
                ("supersedes", o.record.supersedes.map { .int($0) } ?? .null), ("current", .bool(current.contains(o.record.id))),
            ])
        }
        let doc = JSONValue.object([("indicatorId", .string(input.path.id)), ("observations", .array(observations))])
        return .ok(.init(body: .json(try Self.typed(doc, as: Components.Schemas.ObservationList.self))))
    }

    func getAssessments(_ input: Operations.getAssessments.Input) async throws -> Operations.getAssessments.Output {
        var day: CalendarDay?
        if let text = input.query.asOf {
            switch Self.asOf(text, today: site.model.today.day) {
            case .day(let d): day = d
            case .badRequest(let problem): return .badRequest(.init(body: .application_problem_plus_json(problem)))
            case .notFound(let problem): return .notFound(.init(body: .application_problem_plus_json(problem)))
            }
        }
        let (_, view) = await holder.view(asOf: day)
        let index = view.index, assessment = view.assessment
        var positions = Array(index.indicators.indices)
        if let project = input.query.project {
            guard let p = index.projectIndex[project] else {
                return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "Not Found", "no project '\(project)'"))))
            }
            positions = positions.filter { index.projectOfIndicator[$0] == p }
        }
        if let pillar = input.query.pillar {
            guard let pi = view.plan.pillars.firstIndex(where: { $0.id == pillar }) else {
                return .notFound(.init(body: .application_problem_plus_json(Self.problem(404, "Not Found", "no pillar '\(pillar)'"))))
            }
            positions = positions.filter { index.pillarOfProject[index.projectOfIndicator[$0]] == pi }
        }
        if let status = input.query.status, let s = IndicatorStatus(rawValue: status.rawValue) {
            positions = positions.filter { assessment.indicators[$0].status == s }
        }
        let offset = input.query.offset ?? 0, limit = input.query.limit ?? 1000
        guard (0...Int(Int32.max)).contains(offset), (1...5000).contains(limit) else {
            return .badRequest(.init(body: .application_problem_plus_json(Self.problem(400, "Bad Request", "limit must be 1-5000 and offset at least 0"))))
        }
        let total = positions.count
        let pagePositions = Array(positions.dropFirst(offset).prefix(limit))
        let paged = total > limit || offset > 0 || input.query.limit != nil
        let doc = PlanViewJSON.document(view, indicators: pagePositions, page: paged ? (offset, limit, total) : nil)
        return .ok(.init(body: .json(try Self.typed(doc, as: Components.Schemas.AssessmentDocument.self))))
    }

    func getReforms(_ input: Operations.getReforms.Input) async throws -> Operations.getReforms.Output {
        let model = site.model
        let reforms: [JSONValue] = model.index.tasks.indices.filter { model.index.tasks[$0].kind == .reform }.map { i in
            let t = model.index.tasks[i]
            let a = model.assessment.tasks[i]
            return .compactObject([
                ("taskId", .string(t.id)), ("projectId", .string(model.index.projects[model.index.projectOfTask[i]].id)),
                ("title", PlanJSON.text(t.title)), ("laws", .array(t.laws.map(PlanJSON.law))), ("due", .string(t.due?.iso)),
                ("status", .string(a.status.rawValue)),
                ("explanation", .object([("ko", .string(AssessmentExplanation.task(a, .ko))), ("en", .string(AssessmentExplanation.task(a, .en)))])),
            ])
        }
        return .ok(.init(body: .json(try Self.typed(.object([("reforms", .array(reforms))]), as: Components.Schemas.ReformList.self))))
    }
}
