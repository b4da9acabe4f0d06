import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// `/admin/drafts/{id}`: one draft revision: what it changes against the plan in force, old →
/// new as `/revisions` will show it; what that does to today's verdicts; the items to edit;
/// the file to download or replace; and, by its state, submitting it, or approving or
/// returning it (a second coordinator: four eyes, as for reports).
enum DraftPage {
    static func show(_ request: Request, _ ws: Workspace, draft text: String, problem: String? = nil, details: [String] = [],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let session = try await DraftSession.load(ws, id: text) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let c = ws.context(request)
        let record = session.record
        let model = ws.site.model
        let changes = session.changes
        let effects = RevisionEffects(changes: changes, current: model.todayView.index, assessment: model.todayView.assessment, draft: session.plan,
                                      observations: model.observations, factIndex: model.factIndex, taskReports: model.reports.taskStatuses,
                                      asOf: model.today)
        let principal = Principal.current
        let canReview = ws.site.policy.decide(principal, .revisePlan) == .allow
        let stale = try await session.isStale()
        let revision = session.plan.revision
        var values: [String: Any] = [
            "id": record.id, "name": DraftsPage.name(record, c), "link": session.link,
            "state": c.catalog["draft_state_\(record.state.rawValue)"], "state_key": record.state.rawValue,
            "lock": record.lock, "open": session.isOpen, "stale": stale,
            "base": c.catalog.format("df_base_version", ["version": String(record.baseVersion), "date": c.day(session.base.effective),
                                                 "title": session.base.plan.revision?.title[c.language] ?? session.base.plan.title[c.language]]),
            "effective": revision.map { c.day($0.effective) } ?? "", "title": revision?.title[c.language] ?? "",
            "meta": c.catalog.format("df_meta", ["created": AuditPage.kst(record.createdAt), "creator": ActorName.display(record.createdBy),
                                                   "updated": AuditPage.kst(record.updatedAt), "editor": ActorName.display(record.updatedBy)]),
            "authors": record.authors.map(ActorName.display).joined(separator: ", "),
            "changes": changes.map { changeRow($0, c, revision: revision, link: session.isOpen ? editLink($0, session) : nil) },
            "has_changes": !changes.isEmpty,
            "change_count": c.catalog.format("df_change_count", ["count": c.count(changes.count)]),
            "effects": effects.indicators.map { effectRow($0, c, link: "/indicators/\($0.id)") },
            "task_effects": effects.tasks.map { taskEffectRow($0, c) },
            "has_effects": !effects.indicators.isEmpty || !effects.tasks.isEmpty,
            "today": c.day(model.today.day),
            "outline": outline(session, c),
            "problem": problem ?? "", "details": details, "has_problem": problem != nil,
            "download": "\(session.link)/plan.yaml", "file_name": record.fileName,
            "sources": (revision?.sources ?? []).enumerated().map { n, s in RevisionsPage.source(s, anchor: "draft-source-\(n + 1)", c) },
            "has_sources": !(revision?.sources ?? []).isEmpty,
            "return_reason": record.returnReason ?? "",
        ]
        if record.state == .submitted {
            values["submitted"] = c.catalog.format("df_submitted_by", ["who": ActorName.display(record.submittedBy ?? ""),
                                                                      "when": record.submittedAt.map(AuditPage.kst) ?? ""])
            values["can_decide"] = canReview
            values["own"] = principal.map { record.isOwn($0.actor) } ?? false
        }
        if record.state == .approved, let version = record.approvedVersion {
            values["approved"] = c.catalog.format("df_approved_as", ["version": String(version), "who": ActorName.display(record.decidedBy ?? ""),
                                                                    "date": revision.map { c.day($0.effective) } ?? ""])
        }
        if session.isOpen {
            let blockers = try await DraftSubmission.problems(session, plan: session.plan, c: c)
            values["blockers"] = blockers
            values["has_blockers"] = !blockers.isEmpty
        }
        // Values reported in one unit are read in another when an indicator's unit changes: said, never silent.
        let reread: [String] = changes.filter { $0.field == "unit" }.compactMap { change in
            guard case .indicator(let id) = change.item else { return nil }
            let count = model.history(of: id).count
            guard count > 0 else { return nil }
            return c.catalog.format("df_unit_changed_values", ["name": change.name[c.language], "count": c.count(count),
                                                                "old": change.old?[c.language] ?? "–", "new": change.new?[c.language] ?? "–",
                                                                "ro": KoreanParticle.instrumental(after: change.new?.ko ?? "")])
        }
        values["notices"] = reread
        values["has_notices"] = !reread.isEmpty
        return ws.render("draft", request, title: "\(c.catalog["ws_drafts"]) · \(DraftsPage.name(record, c))", current: "/admin/drafts",
                         values: values, status: status)
    }

    /// One change as `/revisions` shows it: the kind, the item (linked to its edit page), old →
    /// new, and the reason the draft gives for it.
    static func changeRow(_ change: PlanChange, _ c: PageContext, revision: PlanRevision? = nil, link: String? = nil) -> [String: Any] {
        [
            "kind": c.catalog["change_\(change.kind.rawValue)"], "kind_key": change.kind.rawValue,
            "name": change.name[c.language], "id": change.item.id ?? "", "link": link ?? "",
            "aspect": RevisionsPage.aspect(change, c),
            "old": change.old?[c.language] ?? "–", "new": change.new?[c.language] ?? "–",
            "note": revision?.explanation(of: change)?.note.map { $0[c.language] } ?? "",
        ]
    }

    /// The edit page of what a change is about, while the draft still has it.
    static func editLink(_ change: PlanChange, _ session: DraftSession) -> String? {
        let item: PlanItem
        switch change.item {
        case .plan: item = .plan
        case .pillar(let id): item = .pillar(id)
        case .project(let id): item = .project(id)
        case .indicator(let id): item = .indicator(id)
        case .task(let id): item = .task(id)
        }
        guard change.kind != .removed || session.plan.contains(item) else { return nil }
        switch item {
        case .plan: return "\(session.link)/plan"
        case .pillar(let id): return "\(session.link)/pillars/\(id)"
        case .project(let id): return "\(session.link)/projects/\(id)"
        case .indicator(let id): return "\(session.link)/indicators/\(id)"
        case .task(let id): return "\(session.link)/tasks/\(id)"
        case .revision: return nil
        }
    }

    static func effectRow(_ e: RevisionEffects.IndicatorEffect, _ c: PageContext, link: String) -> [String: Any] {
        ["id": e.id, "name": e.name[c.language], "link": link].merging(
            verdicts(e.before.map { c.status($0).merging(["cls": "s-\($0.rawValue)"]) { $1 } },
                     e.after.map { c.status($0).merging(["cls": "s-\($0.rawValue)"]) { $1 } },
                     same: e.before == e.after, kept: e.approvedValues, c)) { $1 }
    }

    static func taskEffectRow(_ e: RevisionEffects.TaskEffect, _ c: PageContext) -> [String: Any] {
        ["id": e.id, "name": e.title[c.language], "kind": c.catalog["kind_\(e.kind.rawValue)"]].merging(
            verdicts(e.before.map { c.status($0).merging(["cls": "t-\($0.rawValue)"]) { $1 } },
                     e.after.map { c.status($0).merging(["cls": "t-\($0.rawValue)"]) { $1 } },
                     same: e.before == e.after, kept: e.approvedReports, c)) { $1 }
    }

    /// What the `draft_effect` partial reads of a verdict before and after (nil: not in that version).
    static func verdicts(_ before: [String: Any]?, _ after: [String: Any]?, same: Bool, kept: Int, _ c: PageContext) -> [String: Any] {
        [
            "before": before ?? false, "after": after ?? false,
            "added": before == nil, "dropped": after == nil, "same": same && before != nil,
            "changed": before != nil && after != nil && !same,
            "kept": after == nil && kept > 0 ? c.catalog.format("df_effect_kept", ["count": c.count(kept)]) : "",
        ]
    }

    /// The plan's headline, its pillars and their projects, each linked to its edit page.
    static func outline(_ session: DraftSession, _ c: PageContext) -> [String: Any] {
        let link = session.link
        return [
            "plan": ["name": session.plan.title[c.language], "link": "\(link)/plan"],
            "pillars": session.plan.pillars.map { p in
                [
                    "id": p.id, "name": p.title[c.language], "link": "\(link)/pillars/\(p.id)",
                    "projects": p.projects.map { q in
                        ["id": q.id, "name": q.title[c.language], "link": "\(link)/projects/\(q.id)",
                         "counts": [("df_count_indicators", q.allIndicators.count),
                                    ("df_count_tasks", q.tasks.filter { $0.kind == .investment }.count),
                                    ("df_count_reforms", q.tasks.filter { $0.kind == .reform }.count)]
                            .map { key, n in c.catalog.format(key, count: n, ["count": c.count(n)]) }.joined(separator: " · ")]
                    },
                ] as [String: Any]
            },
        ]
    }

    // MARK: Actions

    static func approve(_ request: Request, _ ws: Workspace, draft text: String) async throws -> Response {
        guard let session = try await DraftSession.load(ws, id: text), let workflow = ws.site.revisionWorkflow else {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        let c = ws.context(request)
        guard Int64(SubmittedForm.current["lock"] ?? "") == session.record.lock, session.record.state == .submitted else {
            return try await show(request, ws, draft: text, problem: c.catalog["df_decide_moved"], status: .conflict)
        }
        let blockers = try await DraftSubmission.problems(session, plan: session.plan, c: c)
        guard blockers.isEmpty else { return try await show(request, ws, draft: text, problem: c.catalog["df_approve_blocked"], details: blockers, status: .conflict) }
        // The whole file is written and read as `plan load` reads one: this is the file the version keeps.
        let bytes = session.file
        let loaded = PlanLoader.load(data: Data(bytes), file: session.record.fileName)
        guard let plan = loaded.plan else {
            return try await show(request, ws, draft: text, problem: c.catalog["df_approve_blocked"],
                                  details: loaded.errors.map { PlanCheckText.line($0.message, c.language) }, status: .unprocessableContent)
        }
        do {
            _ = try await workflow.approve(session.record, plan: plan, file: bytes, actor: ws.actor, at: .now)
        } catch RevisionWorkflowError.ownDraft {
            return try await show(request, ws, draft: text, problem: c.catalog["df_own_draft"], status: .forbidden)
        } catch StoreError.conflict {
            return try await show(request, ws, draft: text, problem: c.catalog["df_decide_moved"], status: .conflict)
        }
        try await ws.site.publishLatest()
        return session.redirect(done: "draft_approved")
    }

    static func returnDraft(_ request: Request, _ ws: Workspace, draft text: String) async throws -> Response {
        guard let session = try await DraftSession.load(ws, id: text), let workflow = ws.site.revisionWorkflow else {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        let c = ws.context(request)
        let form = SubmittedForm.current
        let reason = form.text("reason")
        guard !reason.isEmpty else { return try await show(request, ws, draft: text, problem: c.catalog["df_return_reason_needed"], status: .unprocessableContent) }
        guard Int64(form["lock"] ?? "") == session.record.lock, session.record.state == .submitted,
              let effective = session.plan.revision?.effective else {
            return try await show(request, ws, draft: text, problem: c.catalog["df_decide_moved"], status: .conflict)
        }
        do {
            _ = try await workflow.returnDraft(session.record, effective: effective, reason: String(reason.prefix(2000)), actor: ws.actor, at: .now)
        } catch StoreError.conflict {
            return try await show(request, ws, draft: text, problem: c.catalog["df_decide_moved"], status: .conflict)
        }
        return session.redirect(done: "draft_returned")
    }

    static func discard(_ request: Request, _ ws: Workspace, draft text: String) async throws -> Response {
        guard let session = try await DraftSession.load(ws, id: text), let workflow = ws.site.revisionWorkflow else {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        let c = ws.context(request)
        guard Int64(SubmittedForm.current["lock"] ?? "") == session.record.lock, session.isOpen else {
            return try await show(request, ws, draft: text, problem: c.catalog["df_decide_moved"], status: .conflict)
        }
        do {
            _ = try await workflow.discard(session.record, actor: ws.actor, at: .now)
        } catch StoreError.conflict {
            return try await show(request, ws, draft: text, problem: c.catalog["df_decide_moved"], status: .conflict)
        }
        return ws.redirect("/admin/drafts", done: "draft_discarded")
    }

    /// The draft as its plan file: what `plan check` reads and the upload takes back.
    static func download(_ request: Request, _ ws: Workspace, draft text: String) async throws -> Response {
        guard let session = try await DraftSession.load(ws, id: text) else { return ws.pages.errorPage(status: .notFound, request: request) }
        return Response(status: .ok, headers: [
            .contentType: "application/yaml; charset=utf-8", .cacheControl: "no-store",
            .contentDisposition: "attachment; filename=\"\(session.record.fileName)\"",
        ], body: .init(byteBuffer: ByteBuffer(bytes: session.file)))
    }

    /// Replaces the draft's content with an uploaded plan file, checked as a new file is.
    static func upload(_ request: Request, _ ws: Workspace, draft text: String) async throws -> Response {
        guard var session = try await DraftSession.load(ws, id: text) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let c = ws.context(request)
        let form = SubmittedForm.current
        guard session.isOpen else { return try await show(request, ws, draft: text, problem: c.catalog["df_decide_moved"], status: .conflict) }
        switch DraftsPage.read(form.files["file"], ws: ws, history: session.history, c: c) {
        case .failure(let refusal):
            return try await show(request, ws, draft: text, problem: refusal.problem, details: refusal.details, status: .unprocessableContent)
        case .success(let plan):
            guard Int64(form["lock"] ?? "") == session.record.lock else {
                return try await show(request, ws, draft: text, problem: c.catalog.format("df_conflict", [
                    "who": ActorName.display(session.record.updatedBy), "when": AuditPage.kst(session.record.updatedAt)]), status: .conflict)
            }
            if plan == session.plan { return session.redirect(done: "draft_unchanged") }
            do {
                try await session.save(plan, lock: session.record.lock, summary: "upload \(form.files["file"]?.fileName ?? "")")
            } catch StoreError.conflict {
                return try await show(request, ws, draft: text, problem: c.catalog["df_conflict_race"], status: .conflict)
            }
            return session.redirect(done: "draft_uploaded", anchor: "changes")
        }
    }
}
