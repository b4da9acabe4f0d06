/// A draft revision as what it changes against the version it revises: the items edited, added
/// and dropped, each as the plan file writes it. A draft is stored in this form, so saving an
/// edit costs what the draft changed, not the size of the plan: a revision of 1,000 indicators
/// of a plan of 100,000 is some hundreds of kilobytes, where the whole file is 41 MB and takes
/// seconds to write and a minute to read. The whole file is written only when it is wanted: a
/// download, a submission's full check, an approval.
///
/// An indicator in a task's own table travels with its task, so a task is one item with its
/// indicators. A draft that moves pillars or projects, or reorders items, is not a delta of its
/// base (`init` gives nil) and is stored as a whole file, as before.
public struct PlanDelta: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable, CaseIterable {
        case edited, added, dropped
    }

    public struct Entry: Sendable, Hashable {
        public var change: Change
        public var item: PlanItem
        /// The project an added item was added to.
        public var parent: PlanItem?
        /// The item as the plan file writes it; none for a dropped item.
        public var node: YAMLTree?

        public init(_ change: Change, _ item: PlanItem, parent: PlanItem? = nil, node: YAMLTree? = nil) {
            self.change = change
            self.item = item
            self.parent = parent
            self.node = node
        }
    }

    /// The stored plan version the delta applies to.
    public var base: Int64
    /// In the plan's order.
    public var entries: [Entry]

    public init(base: Int64, entries: [Entry]) {
        self.base = base
        self.entries = entries
    }

    /// The items of `b` that differ from `a`, or nil when `b` is not `a` with items edited,
    /// appended to a project or dropped. Items left alone are passed over by comparing their
    /// storage first, which a draft made from its base shares, so this costs little more than
    /// the items changed.
    public init?(base: Int64, from a: Plan, to b: Plan) {
        guard b.revision != nil, Self.frame(a) == Self.frame(b), a.pillars.map(\.id) == b.pillars.map(\.id) else { return nil }
        var entries: [Entry] = []
        if a.title != b.title || a.summary != b.summary || a.budget != b.budget || a.jobs != b.jobs {
            let whole = PlanWriter.tree(Self.header(of: b))
            entries.append(Entry(.edited, .plan, node: .mapping(whole.entries.filter { PlanItem.plan.editedKeys?.contains($0.key) ?? false })))
        }
        if a.revision != b.revision, let revision = b.revision {
            entries.append(Entry(.edited, .revision, node: PlanWriter.revision(revision)))
        }
        for (pa, pb) in zip(a.pillars, b.pillars) where pa != pb {
            if pa.title != pb.title || pa.summary != pb.summary || pa.budget != pb.budget || pa.jobs != pb.jobs {
                var fields = pb
                fields.projects = []
                var node = PlanWriter.pillar(fields)
                node.set("projects", nil)
                entries.append(Entry(.edited, .pillar(pb.id), node: node))
            }
            guard pa.projects.map(\.id) == pb.projects.map(\.id) else { return nil }
            for (ja, jb) in zip(pa.projects, pb.projects) where ja != jb {
                var fa = ja, fb = jb
                (fa.indicators, fa.tasks, fb.indicators, fb.tasks) = ([], [], [], [])
                if fa != fb { entries.append(Entry(.edited, .project(jb.id), node: PlanWriter.project(fb))) }
                guard let indicators = Self.children(ja.indicators, jb.indicators, parent: .project(jb.id), item: { .indicator($0.id) },
                                                     node: PlanWriter.indicator),
                      let tasks = Self.children(ja.tasks, jb.tasks, parent: .project(jb.id), item: { .task($0.id) }, node: PlanWriter.task)
                else { return nil }
                entries += indicators + tasks
            }
        }
        // An item added with an id the base has elsewhere was moved, which a delta does not say.
        let added = entries.filter { $0.change == .added }
        if !added.isEmpty {
            let ids = Set(a.indicators.map { PlanItem.indicator($0.id) } + a.tasks.map { PlanItem.task($0.id) })
            if added.contains(where: { ids.contains($0.item) }) { return nil }
        }
        self.init(base: base, entries: entries)
    }

    /// What a plan holds besides its pillars and the keys an editor changes.
    static func frame(_ plan: Plan) -> Plan {
        var p = header(of: plan)
        p.title = LocalizedText(ko: "")
        p.summary = nil
        p.budget = []
        p.jobs = []
        return p
    }

    static func header(of plan: Plan) -> Plan {
        var p = plan
        p.pillars = []
        p.revision = nil
        return p
    }

    /// The entries that turn `old` into `new`: the kept items in their order (edited where they
    /// differ), then the added ones; nil when the kept ones were reordered.
    static func children<T: Identifiable & Equatable>(_ old: [T], _ new: [T], parent: PlanItem, item: (T) -> PlanItem,
                                                      node: (T) -> YAMLTree) -> [Entry]? where T.ID == String {
        if old == new { return [] }
        let newIds = Set(new.map(\.id)), oldIds = Set(old.map(\.id))
        var out: [Entry] = []
        let kept = old.filter { o in
            if newIds.contains(o.id) { return true }
            out.append(Entry(.dropped, item(o)))
            return false
        }
        guard new.count >= kept.count else { return nil }
        for (o, n) in zip(kept, new) {
            guard o.id == n.id else { return nil }
            if o != n { out.append(Entry(.edited, item(n), node: node(n))) }
        }
        for n in new.dropFirst(kept.count) {
            guard !oldIds.contains(n.id) else { return nil }
            out.append(Entry(.added, item(n), parent: parent, node: node(n)))
        }
        return out
    }

    public var isEmpty: Bool { entries.isEmpty }
}
