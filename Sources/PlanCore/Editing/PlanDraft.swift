/// A revision of a plan in the making: the whole next version, edited one item at a time,
/// before it is submitted, approved and stored as a version like any plan file. Every function
/// here takes a draft and gives a new one; nothing is changed in place.
///
/// Ids are stable. An item keeps its id for good; a new item may not take an id that the draft
/// or any earlier version of the plan gave to something else, because facts are reported by id
/// alone, and a value reported for one thing must never be read as a value of another.
public enum PlanDraft {
    /// A new draft of the latest version: the same plan, with a revision block of its own to
    /// fill in (the day it takes effect, its title and, on submission, its sources).
    public static func open(_ history: PlanHistory, today: CalendarDay) -> Plan {
        var plan = history.latest.plan
        plan.revision = PlanRevision(effective: defaultEffective(history, today: today), title: defaultTitle(plan))
        return plan
    }

    /// Today, or the day after the latest version took effect if that is later; for a plan that
    /// has ended, the day after the latest version (a revision must come before the end).
    static func defaultEffective(_ history: PlanHistory, today: CalendarDay) -> CalendarDay {
        let after = history.latest.effective.adding(days: 1)
        var day = max(today, after)
        if let ended = history.latest.plan.ended, day > ended.on { day = after }
        return day
    }

    static func defaultTitle(_ plan: Plan) -> LocalizedText {
        LocalizedText(ko: "\(plan.title.ko) 변경안", en: "\(plan.title[.en]) (revised)")
    }

    /// Makes sure a plan read from an uploaded file can be a draft: one without a revision block
    /// gets one to fill in.
    public static func adopt(_ plan: Plan, history: PlanHistory, today: CalendarDay) -> Plan {
        guard plan.revision == nil else { return plan }
        var plan = plan
        plan.revision = PlanRevision(effective: defaultEffective(history, today: today), title: defaultTitle(plan))
        return plan
    }

    // MARK: Editing one item

    /// What an edit of one item came to: the draft with the edit made, when it is valid, and
    /// every problem by the node of the item it concerns.
    public struct ItemEdit: Sendable {
        public var plan: Plan?
        public var errors: [YAMLPath: [String]] = [:]
        public var warnings: [YAMLPath: [String]] = [:]
        /// Problems outside the item's own fields.
        public var other: [String] = []

        public var isValid: Bool { plan != nil }
    }

    /// `node` as the new state of `item`, or, when `under` names a project or task, a new
    /// indicator or task added to it; checked as a file is.
    public static func edit(_ item: PlanItem, node: YAMLTree, in draft: Plan, under parent: PlanItem? = nil,
                            history: PlanHistory) -> ItemEdit {
        guard let fragment = PlanFragment(item, node: node, in: draft, under: parent) else {
            return ItemEdit(other: ["the \(item.descriptor) is not part of the draft"])
        }
        let outcome = fragment.check()
        var edit = ItemEdit(errors: outcome.errors, warnings: outcome.warnings, other: outcome.other)
        let isNew = parent != nil
        if isNew, let problem = idProblem(item, in: draft, history: history) {
            edit.errors[YAMLPath("id"), default: []].append(problem)
        }
        guard outcome.isValid, edit.errors.isEmpty, let parsed = outcome.plan else { return edit }
        let changed = applying(item, from: parsed, node: node, to: draft, under: isNew ? parent : nil)
        for problem in references(changed) where problem.item == item {
            edit.errors[problem.field ?? .root, default: []].append(problem.message)
        }
        if edit.errors.isEmpty { edit.plan = changed }
        return edit
    }

    /// Why a new item may not take its id: the draft has it, or an earlier version had it.
    static func idProblem(_ item: PlanItem, in draft: Plan, history: PlanHistory) -> String? {
        let (kind, id): (String, String)
        switch item {
        case .indicator(let i): (kind, id) = ("indicator", i)
        case .task(let t): (kind, id) = ("task", t)
        default: return nil
        }
        if let holder = draft.owners(of: item)?.project {
            return "duplicate \(kind) id '\(id)' (first defined in project '\(holder.id)')"
        }
        if let version = history.versions.last(where: { kind == "task" ? $0.index.taskIndex[id] != nil : $0.index.indicatorIndex[id] != nil }) {
            return reuse(kind, id, version.effective)
        }
        return nil
    }

    /// `draft` with `item` replaced by what the fragment read, or added under `parent`.
    static func applying(_ item: PlanItem, from f: Plan, node: YAMLTree, to draft: Plan, under parent: PlanItem?) -> Plan {
        var plan = draft
        switch item {
        case .plan:
            plan.title = f.title
            plan.summary = f.summary
            plan.budget = f.budget
            plan.jobs = f.jobs
        case .revision:
            plan.revision = f.revision
        case .pillar(let id):
            guard let p = plan.pillars.firstIndex(where: { $0.id == id }), let new = f.pillars.first else { break }
            plan.pillars[p].title = new.title
            plan.pillars[p].summary = new.summary
            plan.pillars[p].budget = new.budget
            plan.pillars[p].jobs = new.jobs
        case .project(let id):
            guard let at = plan.position(of: .project(id)), let j = at.project, let new = f.projects.first else { break }
            var project = new
            project.indicators = plan.pillars[at.pillar].projects[j].indicators
            project.tasks = plan.pillars[at.pillar].projects[j].tasks
            plan.pillars[at.pillar].projects[j] = project
        case .indicator(let id):
            guard let indicator = f.indicators.first(where: { $0.id == id }) else { break }
            if parent == nil, let at = plan.position(of: item), let j = at.project, let i = at.indicator {
                if let t = at.task {
                    plan.pillars[at.pillar].projects[j].tasks[t].indicators[i] = indicator
                } else {
                    plan.pillars[at.pillar].projects[j].indicators[i] = indicator
                }
            } else if let parent, let at = plan.position(of: parent), let j = at.project {
                if let t = at.task {
                    plan.pillars[at.pillar].projects[j].tasks[t].indicators.append(indicator)
                } else {
                    plan.pillars[at.pillar].projects[j].indicators.append(indicator)
                }
            }
        case .task(let id):
            guard let read = f.tasks.first(where: { $0.id == id }) else { break }
            let task = PlanFragment.withReferences(read, from: node)
            if parent == nil, let at = plan.position(of: item), let j = at.project, let t = at.task {
                plan.pillars[at.pillar].projects[j].tasks[t] = task
            } else if let parent, let at = plan.position(of: parent), let j = at.project {
                plan.pillars[at.pillar].projects[j].tasks.append(task)
            }
        }
        return plan
    }

    // MARK: Dropping and explaining

    /// The draft without `item` (an indicator, or a task with its own indicators), and the reason
    /// kept as the revision's explanation of the change. Reported values of a dropped indicator
    /// are kept (`PlanHistory.factIndex`); other tasks stop tracking it.
    public static func drop(_ item: PlanItem, reason: LocalizedText, from draft: Plan) -> Result<Plan, DraftProblem> {
        guard !reason.ko.trimmingSpaces.isEmpty else {
            return .failure(DraftProblem(item: item, field: YAMLPath("reason"), message: "give the reason for dropping the \(item.descriptor)"))
        }
        guard let at = draft.position(of: item), let j = at.project else {
            return .failure(DraftProblem(item: item, message: "the \(item.descriptor) is not part of the draft"))
        }
        var plan = draft
        var gone: Set<String> = []
        switch item {
        case .indicator(let id):
            gone = [id]
            if let t = at.task {
                plan.pillars[at.pillar].projects[j].tasks[t].indicators.removeAll { $0.id == id }
            } else {
                plan.pillars[at.pillar].projects[j].indicators.removeAll { $0.id == id }
            }
        case .task(let id):
            if let child = draft.pillars[at.pillar].projects[j].tasks.first(where: { $0.parent == id }) {
                return .failure(DraftProblem(item: item, message: "task '\(child.id)' is filed under this one ('parent'); drop it or move it first"))
            }
            gone = Set(draft.pillars[at.pillar].projects[j].tasks.first { $0.id == id }?.indicators.map(\.id) ?? [])
            plan.pillars[at.pillar].projects[j].tasks.removeAll { $0.id == id }
        default:
            return .failure(DraftProblem(item: item, message: "only an indicator or a task can be dropped"))
        }
        if let continued = plan.ended?.continued.first(where: { gone.contains($0.indicator) }) {
            return .failure(DraftProblem(item: item, message: "the plan's ending records that its successor took up '\(continued.indicator)' ('ended.continued'), so it cannot be dropped"))
        }
        for p in plan.pillars.indices {
            for q in plan.pillars[p].projects.indices {
                for t in plan.pillars[p].projects[q].tasks.indices {
                    plan.pillars[p].projects[q].tasks[t].tracks.removeAll { gone.contains($0) }
                }
            }
        }
        return .success(explaining(item, reason, in: plan))
    }

    /// The draft with `note` as the revision's explanation of what changed about `item`
    /// (removed when nil). An explanation's sources are kept.
    public static func explaining(_ item: PlanItem, _ note: LocalizedText?, in draft: Plan) -> Plan {
        guard var revision = draft.revision else { return draft }
        let about = item.descriptor
        if let i = revision.explanations.firstIndex(where: { $0.about == about }) {
            if let note { revision.explanations[i].note = note } else if revision.explanations[i].sources.isEmpty {
                revision.explanations.remove(at: i)
            } else {
                revision.explanations[i].note = nil
            }
        } else if let note {
            revision.explanations.append(ChangeExplanation(about: about, note: note))
        }
        var plan = draft
        plan.revision = revision
        return plan
    }

    /// What the draft says about why `item` changed.
    public static func explanation(of item: PlanItem, in draft: Plan) -> LocalizedText? {
        draft.revision?.explanations.first { $0.about == item.descriptor }?.note
    }

    // MARK: Checking the whole draft

    /// What only the whole draft shows: a reference to an item that is not there (`tracks`,
    /// `parent`, `ended.continued`), an id used twice, an id an earlier version used.
    public static func problems(_ draft: Plan, history: PlanHistory) -> [DraftProblem] {
        var out = references(draft)
        var seen: [String: [String: String]] = [:]
        for pillar in draft.pillars {
            for project in pillar.projects {
                let items: [(String, String)] = project.indicators.map { ("indicator", $0.id) } + project.tasks.map { ("task", $0.id) }
                    + project.tasks.flatMap { $0.indicators.map { ("indicator", $0.id) } }
                for (kind, id) in items {
                    if let first = seen[kind]?[id] {
                        out.append(DraftProblem(item: kind == "task" ? .task(id) : .indicator(id), field: YAMLPath("id"),
                                                message: "duplicate \(kind) id '\(id)' (first defined in project '\(first)')"))
                    } else {
                        seen[kind, default: [:]][id] = project.id
                    }
                }
            }
        }
        // Ids the latest version does not have, which an earlier version had: found by index.
        var earlier: [String: CalendarDay] = [:]
        for version in history.versions.dropLast() {
            for i in version.index.indicators { earlier["indicator \(i.id)"] = version.effective }
            for t in version.index.tasks { earlier["task \(t.id)"] = version.effective }
        }
        let latest = history.latest.index
        for (kind, ids) in seen {
            for id in ids.keys.sorted() {
                let inLatest = kind == "task" ? latest.taskIndex[id] != nil : latest.indicatorIndex[id] != nil
                guard !inLatest, let day = earlier["\(kind) \(id)"] else { continue }
                out.append(DraftProblem(item: kind == "task" ? .task(id) : .indicator(id), field: YAMLPath("id"), message: reuse(kind, id, day)))
            }
        }
        return out
    }

    static func reuse(_ kind: String, _ id: String, _ day: CalendarDay) -> String {
        "\(kind) id '\(id)' was used by the version of the plan in force from \(day.iso) and dropped since; "
            + "an id is never given to anything else, because facts are reported by id alone"
    }

    /// References from one item to another that the draft does not hold.
    static func references(_ draft: Plan) -> [DraftProblem] {
        var out: [DraftProblem] = []
        let indicators = Set(draft.indicators.map(\.id))
        for project in draft.projects {
            let tasks = Set(project.tasks.map(\.id))
            for task in project.tasks {
                for id in task.tracks where !indicators.contains(id) {
                    out.append(DraftProblem(item: .task(task.id), field: YAMLPath("tracks"), message: "unknown indicator '\(id)' in 'tracks'"))
                }
                if let parent = task.parent, !tasks.contains(parent) {
                    out.append(DraftProblem(item: .task(task.id), field: YAMLPath("parent"), message: "parent task '\(parent)' is not a task of project '\(project.id)'"))
                }
            }
        }
        for c in draft.ended?.continued ?? [] where !indicators.contains(c.indicator) {
            out.append(DraftProblem(item: .plan, message: "unknown indicator '\(c.indicator)' in 'ended.continued'"))
        }
        return out
    }
}

/// A problem with a draft that no single field shows, tied to the item (and field) it concerns.
public struct DraftProblem: Error, Hashable, Sendable {
    public var item: PlanItem?
    public var field: YAMLPath?
    public var message: String

    public init(item: PlanItem?, field: YAMLPath? = nil, message: String) {
        self.item = item
        self.field = field
        self.message = message
    }
}
