import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// The edit page of one item of a draft revision: the plan's headline figures, a pillar, a
/// project, an indicator, a task, or a new indicator or task. What is typed is written into
/// the item's YAML as typed and checked by the plan loader (`PlanDraft.edit`); each problem is
/// shown beside the field that wrote it, in `plan check`'s words, and nothing is saved until
/// there are none. The form carries the draft's version and the item's fingerprint: if someone
/// else changed the item since the page was opened, the save is refused with their name, and
/// what was typed stays on the page.
enum DraftItemPage {
    /// Where a page's item sits: an existing item, or a new one under a project or task.
    struct Target {
        var item: PlanItem
        /// For a new item: its project or task, and its kind (indicator or task).
        var parent: PlanItem?
        var newKind: NewKind?

        enum NewKind: String { case indicator, task }

        var isNew: Bool { newKind != nil }
    }

    /// What the page shows besides the form.
    struct State {
        var typed: SubmittedForm?
        var marks = DraftForm.Marks()
        var errors = FormErrors()
        var conflict: String?
        var dropError: String?
        var addRowTo: String?
    }

    // MARK: Rendering

    static func show(_ request: Request, _ ws: Workspace, draft text: String, target: Target, state initial: State? = nil,
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let session = try await DraftSession.load(ws, id: text) else { return ws.pages.errorPage(status: .notFound, request: request) }
        guard target.isNew || session.plan.contains(target.item) else {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        let c = ws.context(request)
        let node = currentNode(target, in: session.plan, request: request)
        let form = DraftSpecs.form(for: target.item, isNew: target.isNew, in: session.plan, node: node, c: c)
        var state = initial ?? State()
        if initial == nil, !target.isNew, let fragment = PlanFragment(target.item, node: node, in: session.plan) {
            // A saved item has no errors, but may have warnings worth seeing (a baseline that already meets its target).
            let outcome = fragment.check()
            let applied = DraftForm.Applied(tree: node, fieldOf: fieldOf(form), order: [])
            for (path, messages) in outcome.warnings {
                let name = DraftForm.field(for: path, message: messages[0], applied: applied) ?? form.sections.first?.fields.first?.path ?? ""
                state.marks.warnings[name, default: []] += messages.map { PlanCheckText.line($0, c.language) }
            }
        }
        var values: [String: Any] = common(session, target, c)
        values["sections"] = form.render(node, typed: state.typed, marks: state.marks, addRowTo: state.addRowTo, c: c)
        values["lock"] = session.record.lock
        values["fingerprint"] = target.isNew ? "" : fingerprint(node)
        values["editable"] = session.isOpen
        values["conflict"] = state.conflict ?? ""
        values["explanation"] = state.typed?["explanation.ko"] ?? PlanDraft.explanation(of: target.item, in: session.plan)?.ko ?? ""
        values["explanation_en"] = state.typed?["explanation.en"] ?? PlanDraft.explanation(of: target.item, in: session.plan)?.en ?? ""
        values["has_explanation"] = target.item != .revision
        values["is_revision"] = target.item == .revision
        values["drop_error"] = state.dropError ?? ""
        values["drop_reason"] = state.typed?["reason.ko"] ?? ""
        values.merge(try await extras(session, target, c)) { $1 }
        values.merge(state.errors.values) { $1 }
        let title = values["heading"] as? String ?? ""
        return ws.render("draft_item", request, title: title, current: "/admin/drafts", values: values, status: status)
    }

    /// The item's YAML as stored, or the start of a new one.
    static func currentNode(_ target: Target, in plan: Plan, request: Request) -> YAMLTree {
        if let newKind = target.newKind {
            guard newKind == .task else { return .mapping([]) }
            let kind = request.uri.queryParameters.get("kind") == "reform" ? PlanTask.Kind.reform : .investment
            return .mapping([YAMLEntry("kind", .scalar(kind.rawValue))])
        }
        return node(target.item, in: plan) ?? .mapping([])
    }

    /// The YAML of an existing item as the editor edits it (a pillar without its projects, a
    /// project without its indicators and tasks, which have pages of their own).
    static func node(_ item: PlanItem, in plan: Plan) -> YAMLTree? {
        switch item {
        case .plan:
            var m = YAMLTree.mapping([YAMLEntry("title", PlanWriter.text(plan.title))])
            m.set("summary", plan.summary.map(PlanWriter.text))
            m.set("budget", plan.budget.isEmpty ? nil : .sequence(plan.budget.map(PlanWriter.budget)))
            m.set("jobs", plan.jobs.isEmpty ? nil : .sequence(plan.jobs.map(PlanWriter.jobs)))
            return m
        case .revision:
            return plan.revision.map(PlanWriter.revision)
        case .pillar(let id):
            guard var pillar = plan.pillar(id) else { return nil }
            pillar.projects = []
            return PlanWriter.pillar(pillar)
        case .project(let id):
            guard var project = plan.project(id) else { return nil }
            project.indicators = []
            project.tasks = []
            return PlanWriter.project(project)
        case .indicator(let id):
            return plan.indicator(id).map(PlanWriter.indicator)
        case .task(let id):
            return plan.task(id).map(PlanWriter.task)
        }
    }

    /// A short digest of an item's YAML: the form carries it, so a save can tell whether the item
    /// changed since the page was opened (FNV-1a; it detects change, it guards nothing).
    static func fingerprint(_ node: YAMLTree) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in YAMLEmitter.write(node).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    static func fieldOf(_ form: DraftForm) -> [YAMLPath: String] {
        var out: [YAMLPath: String] = [:]
        for section in form.sections {
            for f in section.fields { out[YAMLPath(f.path)] = f.path }
        }
        return out
    }

    /// The heading, the links and the words every item page shares.
    static func common(_ session: DraftSession, _ target: Target, _ c: PageContext) -> [String: Any] {
        let plan = session.plan
        let t = c.catalog
        var heading = "", what = "", crumbs: [[String: Any]] = [["label": t["ws_drafts"], "link": "/admin/drafts"],
                                                                ["label": DraftsPage.name(session.record, c), "link": session.link]]
        var action = session.link
        switch (target.item, target.newKind) {
        case (_, .indicator?):
            let under = target.parent.flatMap { parentName($0, plan, c) } ?? ""
            heading = t.format("df_heading_new_indicator", ["under": under])
            action += "/\(parentPath(target.parent))/new-indicator"
        case (_, .task?):
            heading = t.format("df_heading_new_task", ["under": target.parent.flatMap { parentName($0, plan, c) } ?? ""])
            action += "/\(parentPath(target.parent))/new-task"
        case (.plan, _):
            heading = t["df_heading_plan"]
            what = plan.title[c.language]
            action += "/plan"
        case (.revision, _):
            heading = t["df_heading_revision"]
            action += "/revision"
        case (.pillar(let id), _):
            heading = t.format("df_heading_pillar", ["name": "\(id). \(plan.pillar(id)?.title[c.language] ?? "")"])
            action += "/pillars/\(id)"
        case (.project(let id), _):
            heading = t.format("df_heading_project", ["name": "\(id) \(plan.project(id)?.title[c.language] ?? "")"])
            action += "/projects/\(id)"
        case (.indicator(let id), _):
            heading = t.format("df_heading_indicator", ["name": plan.indicator(id)?.name[c.language] ?? id])
            what = id
            action += "/indicators/\(id)"
        case (.task(let id), _):
            let task = plan.task(id)
            heading = t.format(task?.kind == .reform ? "df_heading_reform" : "df_heading_task", ["name": task?.title[c.language] ?? id])
            what = id
            action += "/tasks/\(id)"
        }
        if let owners = target.isNew ? target.parent.flatMap({ plan.owners(of: $0) }) : plan.owners(of: target.item), let project = owners.project {
            crumbs.append(["label": "\(project.id) \(project.title[c.language])", "link": "\(session.link)/projects/\(project.id)"])
            if let task = owners.task, target.item != .task(task.id) {
                crumbs.append(["label": task.title[c.language], "link": "\(session.link)/tasks/\(task.id)"])
            }
        }
        return ["heading": heading, "what": what, "crumbs": crumbs, "action": action, "draft_link": session.link,
                "is_new": target.isNew, "new_kind": target.newKind?.rawValue ?? ""]
    }

    static func parentPath(_ parent: PlanItem?) -> String {
        switch parent {
        case .task(let id)?: return "tasks/\(id)"
        case .project(let id)?: return "projects/\(id)"
        default: return ""
        }
    }

    static func parentName(_ parent: PlanItem, _ plan: Plan, _ c: PageContext) -> String? {
        switch parent {
        case .project(let id): return plan.project(id).map { "\($0.id) \($0.title[c.language])" }
        case .task(let id): return plan.task(id).map { $0.title[c.language] }
        default: return nil
        }
    }

    /// What a page shows around its form: a project's and a task's own items with their links,
    /// what dropping an item keeps, and the changes made to the item so far.
    static func extras(_ session: DraftSession, _ target: Target, _ c: PageContext) async throws -> [String: Any] {
        guard !target.isNew else { return [:] }
        let plan = session.plan
        var out: [String: Any] = [:]
        let link = session.link
        func group(_ n: Int, _ title: String, _ items: [[String: Any]], add: String, label: String) -> [String: Any] {
            ["anchor": "children-\(n)", "title": title, "items": items, "has_items": !items.isEmpty, "add": add, "add_label": label]
        }
        func indicatorRows(_ list: [Indicator]) -> [[String: Any]] {
            list.map { ["id": $0.id, "name": $0.name[c.language], "link": "\(link)/indicators/\($0.id)"] }
        }
        switch target.item {
        case .project(let id):
            guard let project = plan.project(id) else { break }
            func tasks(_ kind: PlanTask.Kind) -> [[String: Any]] {
                project.tasks.filter { $0.kind == kind }.map { ["id": $0.id, "name": $0.title[c.language], "link": "\(link)/tasks/\($0.id)"] }
            }
            out["children"] = [
                group(1, c.catalog["df_children_indicators"], indicatorRows(project.indicators), add: "\(link)/projects/\(id)/new-indicator",
                      label: c.catalog["df_add_indicator"]),
                group(2, c.catalog["df_children_tasks"], tasks(.investment), add: "\(link)/projects/\(id)/new-task?kind=investment",
                      label: c.catalog["df_add_task"]),
                group(3, c.catalog["df_children_reforms"], tasks(.reform), add: "\(link)/projects/\(id)/new-task?kind=reform",
                      label: c.catalog["df_add_reform"]),
            ]
        case .task(let id):
            guard let task = plan.task(id) else { break }
            out["children"] = [group(1, c.catalog["df_children_commitments"], indicatorRows(task.indicators), add: "\(link)/tasks/\(id)/new-indicator",
                                     label: c.catalog["df_add_commitment"])]
            out["can_drop"] = session.isOpen
            out["drop_notice"] = try await dropNotice(session, target.item, c)
        case .indicator:
            out["can_drop"] = session.isOpen
            out["drop_notice"] = try await dropNotice(session, target.item, c)
        default:
            break
        }
        let changeItem: PlanChange.Item? = {
            switch target.item {
            case .pillar(let id): return .pillar(id)
            case .project(let id): return .project(id)
            case .indicator(let id): return .indicator(id)
            case .task(let id): return .task(id)
            case .plan: return .plan
            case .revision: return nil
            }
        }()
        if let changeItem {
            let changes = session.changes.filter { $0.item == changeItem }
            out["changes"] = changes.map { DraftPage.changeRow($0, c) }
            out["has_changes"] = !changes.isEmpty
        }
        return out
    }

    /// What dropping an indicator or task does to reported facts, said before it is done.
    static func dropNotice(_ session: DraftSession, _ item: PlanItem, _ c: PageContext) async throws -> String {
        let facts = try await DraftFacts.count(item, in: session.plan, ws: session.ws)
        let kept = facts.approved == 0 ? c.catalog["df_drop_notice_none"] : c.catalog.format("df_drop_notice", ["approved": c.count(facts.approved)])
        return facts.pending == 0 ? kept : kept + " " + c.catalog.format("df_drop_notice_pending", ["pending": c.count(facts.pending)])
    }

    // MARK: Saving

    static func save(_ request: Request, _ ws: Workspace, draft text: String, target given: Target) async throws -> Response {
        guard var session = try await DraftSession.load(ws, id: text) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let c = ws.context(request)
        let form = SubmittedForm.current
        var target = given
        guard session.isOpen else {
            var state = State(typed: form)
            state.conflict = c.catalog.format("df_not_open", ["state": c.catalog["draft_state_\(session.record.state.rawValue)"]])
            return try await show(request, ws, draft: text, target: target, state: state, status: .conflict)
        }
        if let key = form["add_row"] {
            return try await show(request, ws, draft: text, target: target, state: State(typed: form, addRowTo: key))
        }
        if let kind = target.newKind {
            let id = form.text("id")
            target.item = kind == .indicator ? .indicator(id) : .task(id)
        }
        let current = currentNode(given, in: session.plan, request: request)
        // A submission is of the draft as it was when the page was opened, never of changes made since unseen.
        if given.item == .revision, form["action"] == "submit", let lock = Int64(form["lock"] ?? ""), lock != session.record.lock {
            var state = State(typed: form)
            state.conflict = c.catalog.format("df_conflict_submit", ["who": ActorName.display(session.record.updatedBy),
                                                                     "when": AuditPage.kst(session.record.updatedAt)])
            return try await show(request, ws, draft: text, target: given, state: state, status: .conflict)
        }
        if let refusal = conflict(session, form: form, node: current, isNew: target.isNew, c: c) {
            var state = State(typed: form)
            state.conflict = refusal
            return try await show(request, ws, draft: text, target: given, state: state, status: .conflict)
        }
        let spec = DraftSpecs.form(for: target.item, isNew: target.isNew, in: session.plan, node: current, c: c)
        var applied = spec.apply(form, to: current)
        switch target.item {
        case .pillar(let id), .project(let id): applied.tree.set("id", .scalar(id))
        case .indicator(let id), .task(let id): applied.tree.set("id", .scalar(id))
        default: break
        }
        if target.item == .revision, applied.tree["sources"] == nil { applied.tree.set("sources", .sequence([])) }
        if target.item == .revision, let first = applied.tree["sources"]?.items.first, first["id"] == nil {
            applied.tree.assign(YAMLPath("sources.0.id"), .scalar("source-1"))
        }
        let edit = PlanDraft.edit(target.item, node: applied.tree, in: session.plan, under: target.parent, history: session.history)
        var state = State(typed: form)
        place(edit.errors, edit.warnings, edit.other, applied: applied, spec: spec, into: &state, c: c)
        guard var plan = edit.plan, state.errors.isEmpty else {
            return try await show(request, ws, draft: text, target: given, state: state, status: .unprocessableContent)
        }
        if target.item != .revision {
            let note = form.text("explanation.ko")
            let en = form.text("explanation.en")
            plan = PlanDraft.explaining(target.item, note.isEmpty ? nil : LocalizedText(ko: note, en: en.isEmpty ? nil : en), in: plan)
        }
        if given.item == .revision, form["action"] == "submit" {
            return try await DraftSubmission.submit(request, ws, session: session, plan: plan, form: form)
        }
        guard plan != session.plan else { return session.redirect(done: "draft_unchanged", anchor: "changes") }
        do {
            try await session.save(plan, lock: session.record.lock, summary: target.item.descriptor)
        } catch StoreError.conflict {
            var state = State(typed: form)
            state.conflict = c.catalog["df_conflict_race"]
            return try await show(request, ws, draft: text, target: given, state: state, status: .conflict)
        }
        return session.redirect(done: "draft_saved", anchor: target.item == .revision ? nil : "changes")
    }

    /// Why the form's copy of the item can no longer be saved (someone saved a change to it since
    /// the page was opened), or nil.
    static func conflict(_ session: DraftSession, form: SubmittedForm, node: YAMLTree, isNew: Bool, c: PageContext) -> String? {
        guard let lock = Int64(form["lock"] ?? ""), lock != session.record.lock else { return nil }
        if !isNew, form["fingerprint"] == fingerprint(node) { return nil }
        if isNew { return nil }
        return c.catalog.format("df_conflict", ["who": ActorName.display(session.record.updatedBy),
                                                "when": AuditPage.kst(session.record.updatedAt)])
    }

    /// Puts each problem beside its field, and lists every one in the summary.
    static func place(_ errors: [YAMLPath: [String]], _ warnings: [YAMLPath: [String]], _ other: [String], applied: DraftForm.Applied,
                      spec: DraftForm, into state: inout State, c: PageContext) {
        let labels = Dictionary(spec.sections.flatMap { s in s.fields.map { ($0.path, $0.label) } }, uniquingKeysWith: { a, _ in a })
        let fallback = applied.order.first ?? "explanation.ko"
        var general: [String] = other
        for (path, messages) in errors.sorted(by: { $0.key < $1.key }) {
            guard let name = DraftForm.field(for: path, message: messages[0], applied: applied) else {
                general += messages
                continue
            }
            state.marks.errors[name, default: []] += messages.map { PlanCheckText.line($0, c.language) }
        }
        for (path, messages) in warnings {
            let name = DraftForm.field(for: path, message: messages[0], applied: applied) ?? fallback
            state.marks.warnings[name, default: []] += messages.map { PlanCheckText.line($0, c.language) }
        }
        let rowLabel: (String) -> String = { name in
            let parts = name.split(separator: ".")
            guard parts.count >= 3, let n = Int(parts[1]) else { return labels[name] ?? name }
            let row = spec.sections.compactMap(\.rows).first { $0.key == parts[0] }
            let field = row?.fields.first { $0.path == parts.dropFirst(2).joined(separator: ".") }
            return "\(row?.caption ?? "") \(c.catalog.format("draft_row_label", ["n": String(n + 1)])): \(field?.label ?? "")"
        }
        let ordered = applied.order + state.marks.errors.keys.filter { !applied.order.contains($0) }.sorted()
        for name in ordered {
            guard let messages = state.marks.errors[name] else { continue }
            state.errors.add(name, "\(rowLabel(name)): \(messages.joined(separator: " "))")
        }
        if !general.isEmpty {
            state.errors.add(fallback, c.catalog["df_problems_elsewhere"])
            state.errors.details += general.map { PlanCheckText.line($0, c.language) }
        }
    }

    // MARK: Dropping

    static func drop(_ request: Request, _ ws: Workspace, draft text: String, item: PlanItem) async throws -> Response {
        guard var session = try await DraftSession.load(ws, id: text) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let c = ws.context(request)
        let form = SubmittedForm.current
        let target = Target(item: item)
        guard session.isOpen, let node = node(item, in: session.plan) else {
            var state = State(typed: form)
            state.conflict = c.catalog.format("df_not_open", ["state": c.catalog["draft_state_\(session.record.state.rawValue)"]])
            return try await show(request, ws, draft: text, target: target, state: state, status: .conflict)
        }
        if let refusal = conflict(session, form: form, node: node, isNew: false, c: c) {
            var state = State(typed: form)
            state.conflict = refusal
            return try await show(request, ws, draft: text, target: target, state: state, status: .conflict)
        }
        let reason = form.text("reason.ko"), en = form.text("reason.en")
        switch PlanDraft.drop(item, reason: LocalizedText(ko: reason, en: en.isEmpty ? nil : en), from: session.plan) {
        case .failure(let problem):
            var state = State(typed: form)
            state.dropError = PlanCheckText.line(problem.message, c.language)
            state.errors.add("reason.ko", state.dropError ?? "")
            return try await show(request, ws, draft: text, target: target, state: state, status: .unprocessableContent)
        case .success(let plan):
            do {
                try await session.save(plan, lock: session.record.lock, summary: "drop \(item.descriptor)")
            } catch StoreError.conflict {
                var state = State(typed: form)
                state.conflict = c.catalog["df_conflict_race"]
                return try await show(request, ws, draft: text, target: target, state: state, status: .conflict)
            }
            return session.redirect(done: "draft_dropped", anchor: "changes")
        }
    }
}
