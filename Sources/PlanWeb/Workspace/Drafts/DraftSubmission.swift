import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// Submitting a draft revision for a second coordinator's review. Beyond what `plan check`
/// asks of a file, a submitted revision must say when it takes effect (after the version it
/// revises), what it is called and where it was published (publisher, title, address, date and
/// the sentence it was read from); it must change something; it must not reuse an id or leave a
/// value waiting for review without the thing it measures; and the whole file must pass
/// `plan check`. Each problem is said beside its field or, for the whole draft, in the summary.
enum DraftSubmission {
    static let requiredSourceFields = ["publisher.ko", "publisher.en", "title", "url", "published", "quote"]

    static func submit(_ request: Request, _ ws: Workspace, session initial: DraftSession, plan edited: Plan, form: SubmittedForm) async throws -> Response {
        var session = initial
        let c = ws.context(request)
        var plan = edited
        var state = DraftItemPage.State(typed: form)
        let revision = plan.revision
        // Every field the submission asks for.
        for key in requiredSourceFields where form.text("sources.0.\(key)").isEmpty {
            state.marks.errors["sources.0.\(key)", default: []].append(c.catalog["df_submit_needs_field"])
        }
        if let effective = revision?.effective, effective <= session.base.effective {
            state.marks.errors["effective", default: []].append(c.catalog.format("df_submit_effective_after", ["date": c.day(session.base.effective)]))
        }
        var general = try await problems(session, plan: plan, c: c)
        // Every explanation without a source rests on the revision's sources.
        if var r = plan.revision, !r.sources.isEmpty {
            for i in r.explanations.indices where r.explanations[i].sources.isEmpty { r.explanations[i].sources = r.sources.map(\.id) }
            plan.revision = r
        }
        let file = PlanWriter.yaml(plan)
        let loaded = PlanLoader.load(yaml: file, file: session.record.fileName)
        general += loaded.errors.map { PlanCheckText.line($0.message, c.language) }
        if loaded.plan != nil, loaded.plan != plan { general.append(c.catalog["df_submit_round_trip"]) }
        if !state.marks.errors.isEmpty || !general.isEmpty {
            let spec = DraftSpecs.form(for: .revision, isNew: false, in: plan, node: .mapping([]), c: c)
            for section in spec.sections {
                for field in section.fields {
                    if let messages = state.marks.errors[field.path] { state.errors.add(field.path, "\(field.label): \(messages.joined(separator: " "))") }
                }
            }
            if !general.isEmpty {
                state.errors.add("effective", c.catalog["df_submit_blocked"])
                state.errors.details = general
            }
            return try await DraftItemPage.show(request, ws, draft: String(session.record.id), target: DraftItemPage.Target(item: .revision),
                                                state: state, status: .unprocessableContent)
        }
        guard let workflow = ws.site.revisionWorkflow, let effective = plan.revision?.effective else { return ws.unavailable(request) }
        do {
            if plan != session.plan { try await session.save(plan, lock: session.record.lock, summary: "revision") }
            _ = try await workflow.submit(session.record, effective: effective, changes: PlanDiff.changes(from: session.base.plan, to: plan).count,
                                          actor: ws.actor, at: .now)
        } catch StoreError.conflict {
            var state = DraftItemPage.State(typed: form)
            state.conflict = c.catalog["df_conflict_race"]
            return try await DraftItemPage.show(request, ws, draft: String(session.record.id), target: DraftItemPage.Target(item: .revision),
                                                state: state, status: .conflict)
        }
        return session.redirect(done: "draft_submitted")
    }

    /// What keeps the whole draft from being submitted or approved, in the reader's language.
    static func problems(_ session: DraftSession, plan: Plan, c: PageContext) async throws -> [String] {
        var out: [String] = []
        if try await session.isStale() { out.append(c.catalog["df_stale"]) }
        let changes = PlanDiff.changes(from: session.base.plan, to: plan)
        if changes.isEmpty { out.append(c.catalog["df_submit_no_change"]) }
        out += PlanDraft.problems(plan, history: session.history).map { problem in
            let place = problem.item.map { "\($0.descriptor): " } ?? ""
            return place + PlanCheckText.line(problem.message, c.language)
        }
        for (item, count) in try await DraftFacts.pending(dropping: changes, base: session.base.plan, ws: session.ws) {
            out.append(c.catalog.format("df_submit_pending", ["item": item.descriptor, "count": c.count(count)]))
        }
        return out
    }
}
