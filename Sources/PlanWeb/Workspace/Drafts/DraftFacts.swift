import PlanCore
import PlanStore

/// The facts reported about an item a draft drops: the approved ones are kept (a dropped
/// indicator's values stay on its page and in every download), the ones still waiting for
/// review must be approved or returned first, so nothing is left without the thing it measures.
enum DraftFacts {
    struct Count {
        var approved = 0
        /// Waiting for review.
        var pending = 0
    }

    static func count(_ item: PlanItem, in plan: Plan, ws: Workspace) async throws -> Count {
        guard let store = ws.store else { return Count() }
        let model = ws.site.model
        var count = Count()
        var indicators: [String] = []
        var tasks: [String] = []
        switch item {
        case .indicator(let id): indicators = [id]
        case .task(let id):
            tasks = [id]
            indicators = plan.task(id)?.indicators.map(\.id) ?? []
        default: return count
        }
        count.approved += indicators.reduce(0) { $0 + model.history(of: $1).count }
        count.approved += model.reports.taskStatuses.filter { tasks.contains($0.taskId) }.count
        for (kind, subjects) in [(FactKind.observation, indicators), (.taskStatus, tasks)] where !subjects.isEmpty {
            count.pending += try await store.facts(kind, subjects: Set(subjects)).filter { $0.state == .submitted }.count
        }
        return count
    }

    /// Items the draft drops (against `base`) that still have values waiting for review.
    static func pending(dropping changes: [PlanChange], base: Plan, ws: Workspace) async throws -> [(item: PlanItem, count: Int)] {
        var out: [(PlanItem, Int)] = []
        for change in changes where change.kind == .removed {
            let item: PlanItem
            switch change.item {
            case .indicator(let id): item = .indicator(id)
            case .task(let id): item = .task(id)
            default: continue
            }
            let n = try await count(item, in: base, ws: ws).pending
            if n > 0 { out.append((item, n)) }
        }
        return out
    }
}
