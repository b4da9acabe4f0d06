/// One part of a plan that the editor changes as a whole: the plan's own headline figures, a
/// pillar, a project, an indicator, a task, or the revision block that says when and on whose
/// word the change takes effect. Each edit page edits one item, and each item is checked by
/// writing it into a small plan file of its own (`PlanFragment`).
public enum PlanItem: Hashable, Sendable {
    case plan
    case pillar(String)
    case project(String)
    case indicator(String)
    case task(String)
    case revision

    /// How a revision's explanation names it (`ChangeExplanation.about`), as `PlanChange.Item`
    /// does: `indicator 1-2.smart-factories`, `task 1-2.reform-1`.
    public var descriptor: String {
        switch self {
        case .plan, .revision: return "plan"
        case .pillar(let id): return "pillar \(id)"
        case .project(let id): return "project \(id)"
        case .indicator(let id): return "indicator \(id)"
        case .task(let id): return "task \(id)"
        }
    }

    /// The id of a pillar, project, indicator or task; nil for the plan and its revision block.
    public var id: String? {
        switch self {
        case .plan, .revision: return nil
        case .pillar(let id), .project(let id), .indicator(let id), .task(let id): return id
        }
    }

    /// The keys of the item's own node an editor changes (the rest of the node is carried over).
    var editedKeys: [String]? {
        switch self {
        case .plan: return ["title", "summary", "budget", "jobs"]
        default: return nil
        }
    }
}

extension Plan {
    /// The position of a pillar, a project (pillar, project), a table indicator or a task's own
    /// indicator (pillar, project, task?, indicator), or a task (pillar, project, task).
    struct Position {
        var pillar: Int
        var project: Int?
        var task: Int?
        var indicator: Int?
    }

    func position(of item: PlanItem) -> Position? {
        for (p, pillar) in pillars.enumerated() {
            if case .pillar(let id) = item, pillar.id == id { return Position(pillar: p) }
            for (j, project) in pillar.projects.enumerated() {
                switch item {
                case .project(let id) where project.id == id:
                    return Position(pillar: p, project: j)
                case .indicator(let id):
                    if let i = project.indicators.firstIndex(where: { $0.id == id }) { return Position(pillar: p, project: j, indicator: i) }
                    for (t, task) in project.tasks.enumerated() {
                        if let i = task.indicators.firstIndex(where: { $0.id == id }) { return Position(pillar: p, project: j, task: t, indicator: i) }
                    }
                case .task(let id):
                    if let t = project.tasks.firstIndex(where: { $0.id == id }) { return Position(pillar: p, project: j, task: t) }
                default:
                    continue
                }
            }
        }
        return nil
    }

    /// The project an indicator or task belongs to, and the task an indicator belongs to.
    public func owners(of item: PlanItem) -> (pillar: Pillar, project: Project?, task: PlanTask?)? {
        guard let at = position(of: item) else { return nil }
        let pillar = pillars[at.pillar]
        let project = at.project.map { pillar.projects[$0] }
        let task = at.task.flatMap { t in project.map { $0.tasks[t] } }
        return (pillar, project, task)
    }

    public func indicator(_ id: String) -> Indicator? {
        guard let at = position(of: .indicator(id)), let j = at.project, let i = at.indicator else { return nil }
        let project = pillars[at.pillar].projects[j]
        return at.task.map { project.tasks[$0].indicators[i] } ?? project.indicators[i]
    }

    public func task(_ id: String) -> PlanTask? {
        guard let at = position(of: .task(id)), let j = at.project, let t = at.task else { return nil }
        return pillars[at.pillar].projects[j].tasks[t]
    }

    public func project(_ id: String) -> Project? {
        guard let at = position(of: .project(id)), let j = at.project else { return nil }
        return pillars[at.pillar].projects[j]
    }

    public func pillar(_ id: String) -> Pillar? { pillars.first { $0.id == id } }

    /// Whether the plan holds the item (the plan itself and its revision block always count).
    public func contains(_ item: PlanItem) -> Bool {
        switch item {
        case .plan, .revision: return true
        case .pillar(let id): return pillar(id) != nil
        default: return position(of: item) != nil
        }
    }
}
