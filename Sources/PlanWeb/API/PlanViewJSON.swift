import PlanCore

/// The assessment of a day as the API writes it: `AssessmentJSON`'s document, plus the version
/// of the plan in force that day, the plan's own commitments judged, the ending, and for every
/// indicator whose targets a revision changed, its verdict against the original promise.
enum PlanViewJSON {
    static func document(_ view: PlanView, indicators positions: [Int], page: (offset: Int, limit: Int, total: Int)?) -> JSONValue {
        guard case .object(var pairs) = AssessmentJSON.document(view.assessment, index: view.index, indicators: positions, page: page) else {
            preconditionFailure("an assessment document is an object")
        }
        if let i = pairs.firstIndex(where: { $0.0 == "indicators" }), case .array(let items) = pairs[i].1 {
            pairs[i].1 = .array(zip(positions, items).map { position, item in
                guard let original = view.againstOriginal[position], case .object(var fields) = item else { return item }
                fields.append(("againstOriginal", againstOriginal(original, position: position, view)))
                return .object(fields)
            })
        }
        let plan = view.plan
        pairs.append(("planVersion", .object([("number", .int(Int64(view.version.number))), ("effective", .string(view.version.effective.iso)),
                                              ("title", PlanJSON.text(plan.revision?.title ?? plan.title))])))
        if let b = view.planBudget { pairs.append(("planBudget", commitment(b, kind: .budget, original: view.originalPlanBudget))) }
        if let j = view.planJobs { pairs.append(("planJobs", commitment(j, kind: .jobs, original: view.originalPlanJobs))) }
        if let e = view.ending { pairs.append(("ended", PlanRecordJSON.ending(e))) }
        return .object(pairs)
    }

    /// One indicator's assessment, with its verdict against the original promise where a revision changed its targets.
    static func indicator(_ view: PlanView, position: Int) -> JSONValue {
        let item = AssessmentJSON.indicator(view.assessment.indicators[position], index: view.index, position: position)
        guard let original = view.againstOriginal[position], case .object(var fields) = item else { return item }
        fields.append(("againstOriginal", againstOriginal(original, position: position, view)))
        return .object(fields)
    }

    /// The verdict against the original promise: the original milestone, status, ratio and explanation.
    static func againstOriginal(_ a: IndicatorAssessment, position: Int, _ view: PlanView) -> JSONValue {
        let original = view.originalIndicator(position) ?? view.index.indicators[position]
        let explanation = AssessmentExplanation.indicator(a, original)
        return .compactObject([
            ("status", .string(a.status.rawValue)),
            ("milestone", a.milestone.map { t in
                .compactObject([("due", .string(t.due.iso)), ("value", .number(t.value)), ("text", PlanJSON.text(t.text)),
                                ("comparator", .string(t.comparator.rawValue))])
            } ?? .null),
            ("ratio", .number(a.path?.r)),
            ("explanation", .compactObject([("ko", .string(explanation.ko)), ("en", .string(explanation.en))])),
        ])
    }

    /// The plan's own commitment judged (as a project's is), with the original promise's verdict beside it.
    static func commitment(_ c: CommitmentAssessment, kind: AssessmentExplanation.CommitmentKind, original: CommitmentAssessment?) -> JSONValue {
        .compactObject(AssessmentJSON.commitment(c, kind: kind) + [
            ("original", original.map { .compactObject(AssessmentJSON.commitment($0, kind: kind)) } ?? .null),
        ])
    }
}
