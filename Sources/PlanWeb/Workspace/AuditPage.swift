import Hummingbird
import PlanCore
import PlanStore

/// `/admin/audit`: the audit chain, newest first, filterable by user, entity and date, with
/// whether the whole chain verifies.
enum AuditPage {
    static func show(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let store = ws.store else { return ws.unavailable(request) }
        let c = ws.context(request)
        let q = request.uri.queryParameters
        let user = (q.get("user") ?? "").trimmingSpaces, entity = (q.get("entity") ?? "").trimmingSpaces
        let from = q.get("from").flatMap { CalendarDay(iso: $0) }, to = q.get("to").flatMap { CalendarDay(iso: $0) }
        var events: [AuditEvent] = []
        var after: Int64 = 0
        while true {
            let page = try await store.auditEvents(after: after, limit: 5000)
            guard let last = page.last else { break }
            events += page.filter { e in
                (user.isEmpty || e.actor.localizedCaseInsensitiveContains(user))
                    && (entity.isEmpty || e.entity.localizedCaseInsensitiveContains(entity))
                    && (from.map { e.at.koreanDay >= $0 } ?? true) && (to.map { e.at.koreanDay <= $0 } ?? true)
            }
            after = last.seq
        }
        guard let verification = try await ws.site.verifyAudit() else { return ws.unavailable(request) }
        let verified = verification.head?.seq ?? Int64(verification.events)
        let shown = events.reversed().prefix(500)
        let rows: [[String: Any]] = shown.map { e in
            ["seq": e.seq, "at": kst(e.at), "actor": e.actor, "action": e.action, "action_label": c.catalog.strings["audit_\(e.action)"] ?? e.action,
             "entity": e.entity, "detail": detail(e)]
        }
        let values: [String: Any] = [
            "rows": rows, "count_line": c.catalog.format("audit_count", ["count": FormValues.grouped(Int64(events.count)), "shown": FormValues.grouped(Int64(shown.count))]), "user": user, "entity": entity,
            "from": from?.iso ?? "", "to": to?.iso ?? "",
            "intact": verification.isIntact,
            "verification": verification.isIntact ? c.catalog.format("audit_intact", ["events": String(verified)])
                : c.catalog["audit_broken"] + " " + (verification.firstProblem?.description ?? ""),
        ]
        return ws.render("audit", request, title: c.catalog["ws_audit"], current: "/admin/audit", values: values)
    }

    /// "2026-11-26 09:03:58 KST": the time as people in Korea read it.
    static func kst(_ t: Timestamp) -> String {
        let local = t.seconds + Timestamp.koreaOffset
        let day = CalendarDay(ordinal: Int(local.floorDiv(86_400)))
        let s = Int(local - local.floorDiv(86_400) * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso) \(two(s / 3600)):\(two(s % 3600 / 60)):\(two(s % 60)) KST"
    }

    /// The event's after-state in short, for the table (the JSON, without long digests).
    static func detail(_ e: AuditEvent) -> String {
        let text = e.after.compact
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
