import Hummingbird
import PlanCore
import PlanStore

/// `/admin/queue`: what waits for the coordinating office, oldest first, each with the
/// previous value, the change in units and in %, and flags for values to look at twice.
/// Approving publishes at once; returning needs a reason the reporter will read.
enum QueuePage {
    /// Values shown on one page of the queue, oldest first.
    static let pageSize = 200

    /// "데이터시장 규모 · 2024" / "1-1 사업비 · 2024": what a fact is about, in the reader's language.
    static func subject(_ fact: StoredFact, _ index: PlanIndex, _ c: PageContext) -> String {
        switch fact.entry.draft {
        case .observation(let id, let period, _, _, _): return "\(index.indicator(id)?.name[c.language] ?? id) · \(period.text(c.language))"
        case .budget(let p, let y, _, _): return "\(p) \(c.catalog["kind_budget"]) · \(c.catalog.format("year_label", ["year": String(y)]))"
        case .jobs(let p, let y, _): return "\(p) \(c.catalog["kind_jobs"]) · \(c.catalog.format("year_label", ["year": String(y)]))"
        case .taskStatus(let t, _, _, _): return index.task(t)?.title[c.language] ?? t
        }
    }

    static func value(_ fact: StoredFact, _ index: PlanIndex, _ c: PageContext) -> String {
        switch fact.entry.draft {
        case .observation(let id, _, let v, let t, _): return v.map { c.value($0, index.indicator(id)!) } ?? t ?? ""
        case .budget(_, _, let a, let e): return "\(c.money(e)) / \(c.money(a))"
        case .jobs(_, _, let n): return c.jobs(n)
        case .taskStatus(_, let day, let progress, let evidence): return "\(c.ko ? progress.korean : progress.english) (\(c.day(day))) — \(evidence)"
        }
    }

    static func show(_ request: Request, _ ws: Workspace, problem: String? = nil) async throws -> Response {
        guard let workflow = ws.site.workflow else { return ws.unavailable(request) }
        let c = ws.context(request)
        let index = ws.site.model.index
        // Oldest first; only this page's subjects are read in full.
        let all = try await workflow.waiting().sorted { ($0.submittedAt ?? $0.recordedAt, $0.id) < ($1.submittedAt ?? $1.recordedAt, $1.id) }
        let pager = Pager(count: all.count, size: pageSize, query: request.uri.queryParameters.get("page"))
        let waiting = Array(all[pager.rows])
        let ledger = try await workflow.ledger(of: waiting)
        // Each subject's approved values, so a row finds its earlier period without scanning every key.
        var approvedBySubject: [String: [StoredFact]] = [:]
        for state in ledger.values {
            guard let approved = state.approved else { continue }
            approvedBySubject["\(approved.key.kind.rawValue)|\(approved.key.subject)", default: []].append(approved)
        }
        let rows: [[String: Any]] = waiting.map { fact in
            let key = fact.key
            // The value it replaces (a correction) or, for a new value, the last approved one of an earlier period.
            var previous: StoredFact? = ledger[key]?.approved
            var revision = previous != nil
            if previous == nil, key.kind != .taskStatus {
                previous = (approvedBySubject["\(key.kind.rawValue)|\(key.subject)"] ?? []).filter { $0.key.period < key.period }
                    .max { $0.key.period < $1.key.period }
                revision = false
            }
            var change = ""
            var flags: [String] = []
            let indicator: Indicator? = key.kind == .observation ? index.indicator(key.subject) : nil
            if let new = fact.entry.draft.number {
                let old = previous?.entry.draft.number
                if let old {
                    let delta = ValueChange(from: old, to: new)
                    let unit: PlanCore.Unit? = indicator?.unit ?? (key.kind == .budget ? .won : key.kind == .jobs ? .person : nil)
                    let size = unit.map { QuantityFormatter.format(abs(delta.difference), unit: $0, language: c.language) }
                        ?? FormValues.plain(abs(delta.difference))
                    let sign = delta.difference >= 0 ? "+" : "−"
                    change = sign + size + (delta.percent.map { " (\(sign)\(QuantityFormatter.grouped(abs($0), maxDecimals: 1))%)" } ?? "")
                }
                flags = ReviewFlag.check(new, previous: old, indicator: indicator, jumpFactor: ws.site.settings.jumpFactor).map { c.catalog["flag_\($0.rawValue)"] }
            }
            return [
                "pick": "\(key.kind.rawValue):\(fact.id)", "id": fact.id,
                "project": fact.entry.draft.projectId(index) ?? "",
                "what": subject(fact, index, c), "value": value(fact, index, c),
                "provisional": fact.entry.valueStatus == .provisional,
                "previous": previous.map { value($0, index, c) } ?? "–",
                "previous_label": previous == nil ? "" : revision ? c.catalog["replaces"] : c.catalog["previous_period"],
                "change": change, "flags": flags, "flagged": !flags.isEmpty,
                "by": ActorName.display(fact.recordedBy), "at": c.day((fact.submittedAt ?? fact.recordedAt).koreanDay),
                "source": fact.entry.source ?? "", "note": fact.entry.note ?? "",
                "has_provenance": fact.entry.provenance != nil,
                "citation": Citation(FactRecord(id: fact.id, recordedAt: fact.recordedAt, source: fact.entry.source, provenance: fact.entry.provenance), c).fields,
            ]
        }
        var values: [String: Any] = [
            "rows": rows, "has_rows": !rows.isEmpty, "count": c.count(all.count),
            "can_decide": ws.site.policy.decide(Principal.current, .review) == .allow,
            "problem": problem ?? "", "has_problem": problem != nil,
        ]
        values.merge(pager.values(c) { "/admin/queue?page=\($0)" }) { $1 }
        return ws.render("queue", request, title: c.catalog["ws_queue"], current: "/admin/queue", values: values,
                         status: problem == nil ? .ok : .unprocessableContent)
    }

    static func decide(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let workflow = ws.site.workflow, let principal = Principal.current else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let approve = form["decision"] == "approve"
        let reason = form.text("reason")
        var picked: [FactKind: [Int64]] = [:]
        for value in form.fields["pick"] ?? [] {
            let parts = value.split(separator: ":")
            guard parts.count == 2, let kind = FactKind(rawValue: String(parts[0])), let id = Int64(parts[1]) else { continue }
            picked[kind, default: []].append(id)
        }
        guard !picked.isEmpty else { return try await show(request, ws, problem: c.catalog["queue_pick_none"]) }
        if !approve && reason.isEmpty { return try await show(request, ws, problem: c.catalog["queue_reason_needed"]) }
        let now = Timestamp.now
        let batches = picked.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        // Four eyes over the whole pick before anything is approved, so a refusal leaves none done.
        if approve && !workflow.allowSelfApproval {
            for (kind, ids) in batches where try await !workflow.ownValues(kind, ids: ids, actor: principal.actor).isEmpty {
                return try await show(request, ws, problem: c.catalog["queue_own_value"])
            }
        }
        do {
            for (kind, ids) in batches {
                try await workflow.decide(kind, ids: ids.sorted(), approve: approve, reason: approve ? nil : reason, actor: principal.actor, at: now)
            }
        } catch StoreError.conflict {
            return try await show(request, ws, problem: c.catalog["queue_conflict"])
        } catch WorkflowError.rejected {
            return try await show(request, ws, problem: c.catalog["queue_own_value"])
        }
        if approve { try await ws.site.publishLatest() }
        return ws.redirect("/admin/queue", done: approve ? "approved" : "returned")
    }
}
