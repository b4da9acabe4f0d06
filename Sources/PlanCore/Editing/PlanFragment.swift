/// Checks one edited item of a plan as `plan check` checks a file, in the same words, without
/// reading the whole plan again: the item is written into a small plan file of its own (the
/// plan's header and organizations, and just enough of its pillar, project and task to hold
/// it), read back with `PlanLoader`, and each problem is traced to the node of the item it was
/// found at. So the editor of a plan of 100,000 indicators checks an edit in milliseconds, and
/// a problem with a typed value reads exactly as `plan check` would print it for the file.
///
/// What one item cannot show alone (an id used elsewhere in the plan or by an earlier version,
/// a reference to another item) is checked by `PlanDraft` on the whole draft.
public struct PlanFragment {
    public let item: PlanItem
    /// The fragment file, and where the item's node sits in it.
    public let tree: YAMLTree
    public let itemPath: YAMLPath

    /// What reading the fragment found.
    public struct Outcome: Sendable {
        /// The fragment as loaded, when it has no errors.
        public var plan: Plan?
        /// Problems at a node of the item, by the node's path within the item (`targets.0.value`).
        public var errors: [YAMLPath: [String]]
        public var warnings: [YAMLPath: [String]]
        /// Problems found outside the item (its surroundings), which the item's form cannot fix.
        public var other: [String]

        public var isValid: Bool { plan != nil && errors.isEmpty && other.isEmpty }
    }

    /// The fragment holding `node` as the new state of `item` in `plan` (a new item's parent
    /// is named by `under`: a project or task id).
    public init?(_ item: PlanItem, node: YAMLTree, in plan: Plan, under parent: PlanItem? = nil) {
        self.item = item
        var header = Self.header(plan)
        let pillars: YAMLTree
        var itemPath = YAMLPath.root.appending("pillars").appending(0)
        switch item {
        case .plan:
            Self.setPlanKeys(node, in: &header)
            guard let first = plan.pillars.first else { return nil }
            pillars = .sequence([Self.stub(first, projects: [])])
            itemPath = .root
        case .revision:
            Self.setRevision(node, ending: plan.ended, in: &header)
            guard let first = plan.pillars.first else { return nil }
            pillars = .sequence([Self.stub(first, projects: [])])
            itemPath = YAMLPath("revision")
        case .pillar(let id):
            let existing = plan.pillar(id)
            var pillar = node
            pillar.set("projects", .sequence(existing?.projects.prefix(1).map { Self.stub($0) } ?? []))
            pillars = .sequence([pillar])
        case .project(let id):
            guard let pillar = plan.owners(of: .project(id))?.pillar ?? Self.pillar(under: parent, in: plan) else { return nil }
            var project = node
            project.set("indicators", nil)
            project.set("tasks", nil)
            pillars = .sequence([Self.stub(pillar, projects: [project])])
            itemPath = itemPath.appending("projects").appending(0)
        case .indicator(let id):
            let owners = parent == nil ? plan.owners(of: .indicator(id)) : Self.owners(under: parent, in: plan)
            guard let owners, let project = owners.project else { return nil }
            var p = Self.stub(project)
            if let task = owners.task {
                var t = Self.stub(task)
                t.set("indicators", .sequence([node]))
                p.set("tasks", .sequence([t]))
                itemPath = itemPath.appending("projects").appending(0).appending("tasks").appending(0).appending("indicators").appending(0)
            } else {
                p.set("indicators", .sequence([node]))
                itemPath = itemPath.appending("projects").appending(0).appending("indicators").appending(0)
            }
            pillars = .sequence([Self.stub(owners.pillar, projects: [p])])
        case .task(let id):
            let owners = parent == nil ? plan.owners(of: .task(id)) : Self.owners(under: parent, in: plan)
            guard let owners, let project = owners.project else { return nil }
            var p = Self.stub(project)
            p.set("tasks", .sequence([Self.withoutReferences(node)]))
            pillars = .sequence([Self.stub(owners.pillar, projects: [p])])
            itemPath = itemPath.appending("projects").appending(0).appending("tasks").appending(0)
        }
        header.set("pillars", pillars)
        tree = header
        self.itemPath = itemPath
    }

    /// Writes the fragment, reads it with the plan loader, and sorts every problem by the node
    /// of the item it was found at.
    public func check() -> Outcome {
        var emitter = YAMLEmitter()
        emitter.document(tree)
        let result = PlanLoader.load(yaml: emitter.text, file: "draft")
        var outcome = Outcome(plan: result.plan, errors: [:], warnings: [:], other: [])
        for d in result.diagnostics {
            let path = emitter.path(line: d.line, column: d.column) ?? .root
            guard let relative = self.relative(path) else {
                if d.severity == .error { outcome.other.append(d.message) }
                continue
            }
            if d.severity == .error {
                outcome.errors[relative, default: []].append(d.message)
            } else {
                outcome.warnings[relative, default: []].append(d.message)
            }
        }
        return outcome
    }

    /// The path within the item of a node of the fragment, or nil when it lies outside the item.
    func relative(_ path: YAMLPath) -> YAMLPath? {
        guard let relative = path.relative(to: itemPath) else { return nil }
        if let keys = item.editedKeys {
            guard case .key(let first)? = relative.steps.first, keys.contains(first) else {
                // A problem at the plan's mapping itself (a missing key) belongs to the item.
                return relative.steps.isEmpty ? relative : nil
            }
        }
        return relative
    }

    // MARK: Surroundings

    /// The plan's header: what every check of an item may depend on (its period, its
    /// publication day, its organizations).
    static func header(_ plan: Plan) -> YAMLTree {
        var head = plan
        head.pillars = []
        head.budget = []
        head.jobs = []
        head.revision = nil
        head.ended = nil
        var tree = PlanWriter.tree(head)
        tree.set("pillars", nil)
        return tree
    }

    /// The header with the plan's own keys an editor changes (`PlanItem.plan`) as `node` has them.
    static func setPlanKeys(_ node: YAMLTree, in header: inout YAMLTree) {
        for key in PlanItem.plan.editedKeys ?? [] { header.set(key, node[key], after: headerOrder(before: key)) }
    }

    /// The header with `node` as its revision block, and the plan's ending beside it (which the
    /// revision must come before) without the indicators it names.
    static func setRevision(_ node: YAMLTree, ending: PlanEnding?, in header: inout YAMLTree) {
        header.set("revision", node, after: ["budget", "jobs", "published", "note", "sourceURL", "source", "currency", "period"])
        if let ending {
            var e = PlanWriter.ending(ending)
            e.set("continued", nil)
            header.set("ended", e, after: ["revision"])
        }
    }

    /// A task's node without its references to other items (`tracks`, `parent`): those are
    /// checked on the whole draft (`PlanDraft.problems`), and put back by `withReferences`.
    static func withoutReferences(_ task: YAMLTree) -> YAMLTree {
        var task = task
        task.set("tracks", nil)
        task.set("parent", nil)
        return task
    }

    /// A task read from a fragment, with the references its node names put back.
    static func withReferences(_ task: PlanTask, from node: YAMLTree) -> PlanTask {
        var task = task
        task.tracks = node["tracks"]?.items.compactMap(\.scalar) ?? []
        task.parent = node["parent"]?.scalar
        return task
    }

    /// Where a plan-level key goes among the header's keys, so the fragment reads like a file.
    static func headerOrder(before key: String) -> [String] {
        let order = ["format", "id", "title", "summary", "period", "currency", "source", "sourceURL", "note", "published", "budget", "jobs"]
        guard let i = order.firstIndex(of: key) else { return order }
        return Array(order[..<i])
    }

    static func stub(_ pillar: Pillar, projects: [YAMLTree]) -> YAMLTree {
        .mapping([YAMLEntry("id", .scalar(pillar.id)), YAMLEntry("title", PlanWriter.text(pillar.title)), YAMLEntry("projects", .sequence(projects))])
    }

    static func stub(_ project: Project) -> YAMLTree {
        .mapping([YAMLEntry("id", .scalar(project.id)), YAMLEntry("title", PlanWriter.text(project.title))])
    }

    static func stub(_ task: PlanTask) -> YAMLTree {
        var t = YAMLTree.mapping([YAMLEntry("id", .scalar(task.id)), YAMLEntry("kind", .scalar(task.kind.rawValue)),
                                  YAMLEntry("title", PlanWriter.text(task.title))])
        if let due = PlanWriter.due(task) { t.set("due", .scalar(due)) }
        return t
    }

    static func pillar(under parent: PlanItem?, in plan: Plan) -> Pillar? {
        guard case .pillar(let id)? = parent else { return nil }
        return plan.pillar(id)
    }

    static func owners(under parent: PlanItem?, in plan: Plan) -> (pillar: Pillar, project: Project?, task: PlanTask?)? {
        switch parent {
        case .project(let id)?:
            guard let owners = plan.owners(of: .project(id)) else { return nil }
            return (owners.pillar, plan.project(id), nil)
        case .task(let id)?:
            return plan.owners(of: .task(id)).map { ($0.pillar, $0.project, plan.task(id)) }
        default:
            return nil
        }
    }
}
