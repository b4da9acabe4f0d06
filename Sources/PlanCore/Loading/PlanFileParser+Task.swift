import Yams

extension PlanFileParser {
    func tasks(_ nodes: [Node], context: String) -> [PlanTask] {
        var result: [PlanTask] = []
        var parents: [(String, Node)] = []
        for node in nodes {
            guard let (task, parentNode) = task(node) else { continue }
            if let parent = task.parent, let parentNode { parents.append((parent, parentNode)) }
            result.append(task)
        }
        let ids = Set(result.map(\.id))
        for (parent, node) in parents where !ids.contains(parent) {
            reader.error(node, "parent task '\(parent)' is not a task of \(context)")
        }
        return result
    }

    func task(_ node: Node) -> (PlanTask, Node?)? {
        guard let f = reader.fields(node, "task", allowed: [
            "id", "kind", "title", "detail", "section", "parent", "laws", "due", "organizations", "indicators", "tracks", "note",
        ]) else { return nil }
        let id = f.string("id", required: true)
        if let id { register(id, kind: "task", node: f["id"]) }
        let context = id.map { "task '\($0)'" } ?? "task"
        if f["kind"] == nil { reader.error(node, "missing required field 'kind' in \(context) (investment or reform)") }
        let kind = f.choice("kind", PlanTask.Kind.self)
        let title = f.text("title", required: true, needsEnglish: true)
        let detail = f.text("detail")
        var due: Period?, start: Period?, dueAsWritten: String?
        if let (expr, raw, n) = f.expression("due") {
            switch expr {
            case .within(let p), .by(let p): due = p
            case .from(let p): start = p
            case .between(let a, let b): (start, due) = (a, b)
            case .moved(_, let to): due = to
            }
            if (try? PeriodParser.period(raw))?.iso != raw { dueAsWritten = raw }
            if let p = due ?? start { checkWithinPlan(p, node: n, what: "task due") }
        }
        let laws = f.list("laws").compactMap { law($0, context: context) }
        let organizations = referOrganizations(f, key: "organizations")
        let indicators = f.list("indicators").compactMap { indicator($0, source: .task) }
        let tracks = f.strings("tracks").map { id, node in
            indicatorRefs.append((id, node))
            return id
        }
        if kind == .investment, !laws.isEmpty, let n = f["laws"] {
            reader.warning(n, "\(context) is an investment but lists laws; should it be a reform?")
        }
        if kind == .reform {
            let words = [title?.ko, detail?.ko].compactMap { $0 }.joined(separator: " ")
            let namesAct = words.contains("「") || (words.contains("법") && (words.contains("개정") || words.contains("제정")))
            if laws.isEmpty, namesAct {
                reader.warning(node, "\(context) speaks of amending or enacting a law but lists none under 'laws'")
            }
            if due == nil, start == nil, f["due"] == nil {
                reader.warning(node, "\(context) has no 'due' period, so it can never be judged late; give the plan's end if the plan names no date, with a note")
            }
        }
        guard let id, let kind, let title else { return nil }
        let task = PlanTask(id: id, kind: kind, title: title, detail: detail, laws: laws, due: due, start: start,
                            dueAsWritten: dueAsWritten, indicators: indicators, tracks: tracks, organizations: organizations,
                            section: f.text("section"), parent: f.string("parent"), note: f.text("note"))
        return (task, f["parent"])
    }

    func law(_ node: Node, context: String) -> Law? {
        guard let f = reader.fields(node, "a law of \(context)", allowed: ["name", "action", "due", "note"]) else { return nil }
        let name = f.text("name", required: true, needsEnglish: true)
        if let n = f["name"], let ko = name?.ko, ko.hasPrefix("「") || ko.hasSuffix("」") {
            reader.error(n, "write the law's name without 「 」 ('\(ko.trimmingCharacters(in: "「」"))')")
        }
        if f["action"] == nil { reader.error(node, "missing required field 'action' in a law of \(context) (\(Law.Action.allCases.map(\.rawValue).joined(separator: ", ")))") }
        let action = f.choice("action", Law.Action.self)
        var due: Period?
        if let (expr, _, _) = f.expression("due") { due = expr.deadline }
        guard let name, let action else { return nil }
        return Law(name: name, action: action, due: due, note: f.text("note"))
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
