extension PlanDelta {
    /// Why a delta could not be applied: what the plan loader found in its items, or an item
    /// that is not where the delta says.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "; ") }
    }

    /// `base` with the delta's items: every edited and added item is written into one small plan
    /// file (the base's header, and stubs of just the pillars and projects that hold them), read
    /// once by `PlanLoader` as `plan check` reads a file, and put in its place. So a draft that
    /// touches 1,000 indicators is read in one pass over the items it changed.
    public func applied(to base: Plan) -> Result<Plan, Refusal> {
        let byId = Dictionary(entries.map { ($0.item, $0) }, uniquingKeysWith: { _, last in last })
        let added = Dictionary(grouping: entries.filter { $0.change == .added }) { $0.parent ?? .plan }
        // Where each project with changes sits in the base, and the entries found there.
        var touched: [(pillar: Int, project: Int)] = []
        var found: Set<PlanItem> = [.plan, .revision]
        var pillarNodes: [YAMLTree] = []
        for (p, pillar) in base.pillars.enumerated() {
            var projects: [YAMLTree] = []
            for (j, project) in pillar.projects.enumerated() {
                var own: [Entry] = []
                func take(_ key: PlanItem) {
                    guard let e = byId[key], e.change != .added else { return }
                    own.append(e)
                    found.insert(key)
                }
                take(.project(project.id))
                for i in project.indicators { take(.indicator(i.id)) }
                for t in project.tasks { take(.task(t.id)) }
                for e in added[.project(project.id)] ?? [] {
                    own.append(e)
                    found.insert(e.item)
                }
                guard !own.isEmpty else { continue }
                touched.append((p, j))
                var node = byId[.project(project.id)]?.node ?? PlanFragment.stub(project)
                node.set("indicators", Self.list(own.filter { if case .indicator = $0.item { return true } else { return false } }.compactMap(\.node)))
                node.set("tasks", Self.list(own.compactMap { entry in
                    guard case .task = entry.item else { return nil }
                    return entry.node.map(PlanFragment.withoutReferences)
                }))
                projects.append(node)
            }
            let edited = byId[.pillar(pillar.id)]?.node
            if edited != nil { found.insert(.pillar(pillar.id)) }
            guard edited != nil || !projects.isEmpty else { continue }
            if projects.isEmpty, let first = pillar.projects.first { projects = [PlanFragment.stub(first)] }
            var node = edited ?? PlanFragment.stub(pillar, projects: [])
            node.set("projects", .sequence(projects))
            pillarNodes.append(node)
        }
        let missing = entries.filter { !found.contains($0.item) }
        guard missing.isEmpty else {
            return .failure(Refusal(problems: missing.map { "the \($0.change.rawValue) \($0.item.descriptor) is not in the version the draft revises" }))
        }
        if pillarNodes.isEmpty, let first = base.pillars.first { pillarNodes = [PlanFragment.stub(first, projects: [])] }

        var tree = PlanFragment.header(base)
        if let plan = byId[.plan]?.node { PlanFragment.setPlanKeys(plan, in: &tree) }
        if let revision = byId[.revision]?.node { PlanFragment.setRevision(revision, ending: base.ended, in: &tree) }
        tree.set("pillars", .sequence(pillarNodes))
        let result = PlanLoader.load(yaml: YAMLEmitter.write(tree), file: "draft")
        guard let read = result.plan, result.errors.isEmpty else {
            return .failure(Refusal(problems: result.errors.map(\.message)))
        }
        return .success(splice(read, into: base, touched: touched, byId: byId))
    }

    /// `base` with what the loader read of each item in its place: dropped items taken out,
    /// added ones appended to their project in the delta's order.
    private func splice(_ read: Plan, into base: Plan, touched: [(pillar: Int, project: Int)], byId: [PlanItem: Entry]) -> Plan {
        var plan = base
        if byId[.plan] != nil {
            plan.title = read.title
            plan.summary = read.summary
            plan.budget = read.budget
            plan.jobs = read.jobs
        }
        if byId[.revision] != nil { plan.revision = read.revision }
        let pillars = Dictionary(read.pillars.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for p in plan.pillars.indices where byId[.pillar(plan.pillars[p].id)] != nil {
            guard let new = pillars[plan.pillars[p].id] else { continue }
            plan.pillars[p].title = new.title
            plan.pillars[p].summary = new.summary
            plan.pillars[p].budget = new.budget
            plan.pillars[p].jobs = new.jobs
        }
        let projects = Dictionary(read.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for at in touched {
            var project = plan.pillars[at.pillar].projects[at.project]
            guard let new = projects[project.id] else { continue }
            if byId[.project(project.id)] != nil {
                let (indicators, tasks) = (project.indicators, project.tasks)
                project = new
                (project.indicators, project.tasks) = (indicators, tasks)
            }
            let indicators = Dictionary(new.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let tasks = Dictionary(new.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            project.indicators = Self.merged(project.indicators, read: indicators, project: project.id, entries: entries, byId: byId,
                                             item: { .indicator($0) }, restore: { i, _ in i })
            project.tasks = Self.merged(project.tasks, read: tasks, project: project.id, entries: entries, byId: byId,
                                        item: { .task($0) }, restore: PlanFragment.withReferences)
            plan.pillars[at.pillar].projects[at.project] = project
        }
        return plan
    }

    /// A project's items with the edited ones replaced, the dropped ones gone and the added
    /// ones appended.
    private static func merged<T: Identifiable>(_ items: [T], read: [String: T], project: String, entries: [Entry], byId: [PlanItem: Entry],
                                                item: (String) -> PlanItem, restore: (T, YAMLTree) -> T) -> [T] where T.ID == String {
        var out: [T] = []
        out.reserveCapacity(items.count)
        for old in items {
            guard let entry = byId[item(old.id)] else {
                out.append(old)
                continue
            }
            switch entry.change {
            case .dropped: continue
            case .edited, .added: out.append(read[old.id].flatMap { new in entry.node.map { restore(new, $0) } } ?? old)
            }
        }
        for entry in entries where entry.change == .added && entry.parent == .project(project) {
            // Only the entries of this kind of item (`item` makes an indicator or a task of an id).
            guard let id = entry.item.id, item(id) == entry.item, let new = read[id], let node = entry.node else { continue }
            out.append(restore(new, node))
        }
        return out
    }

    private static func list(_ items: [YAMLTree]) -> YAMLTree? { items.isEmpty ? nil : .sequence(items) }

    /// The item's name in the stored delta: `indicator 1-2.smart-factories`, `revision`.
    static func key(_ item: PlanItem) -> String {
        item == .revision ? "revision" : item.descriptor
    }
}
