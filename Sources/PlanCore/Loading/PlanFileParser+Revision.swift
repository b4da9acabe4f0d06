import Yams

/// The parts of a plan file that put a version on the record: when a revision took effect and
/// on whose word (`revision`), and when the plan stopped being pursued (`ended`).
extension PlanFileParser {
    func revision(_ node: Node) -> PlanRevision? {
        guard let f = reader.fields(node, "'revision'", allowed: ["effective", "title", "summary", "sources", "explanations", "notGiven", "note"]) else { return nil }
        let effective = f.day("effective", required: true)
        let title = f.text("title", required: true, needsEnglish: true)
        let sources = self.sources(f, required: true)
        let ids = Set(sources.map(\.id))
        let explanations: [ChangeExplanation] = f.list("explanations").compactMap { node in
            guard let e = reader.fields(node, "an explanation in 'revision'", allowed: ["about", "sources", "note"]) else { return nil }
            let about = e.string("about", required: true)
            let refs = e.strings("sources")
            for (id, n) in refs where !ids.contains(id) {
                let hint = YAMLReader.closest(id, in: ids.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                reader.error(n, "unknown source '\(id)'\(hint) in an explanation of 'revision' (define it under 'revision.sources')")
            }
            guard let about else { return nil }
            return ChangeExplanation(about: about, sources: refs.map(\.0), note: e.text("note"))
        }
        let notGiven = f.list("notGiven").compactMap { reader.text($0, "an item of 'notGiven' in 'revision'", needsEnglish: true) }
        if let effective, let published = publishedDay, effective <= published, let n = f["effective"] {
            reader.error(n, "the revision takes effect on \(effective.iso), not after the plan was published (\(published.iso)); a revision comes later than the version it revises")
        }
        if let effective { revisionDay = effective }
        guard let effective, let title else { return nil }
        return PlanRevision(effective: effective, title: title, summary: f.text("summary"), sources: sources,
                            explanations: explanations, notGiven: notGiven, note: f.text("note"))
    }

    func ending(_ node: Node) -> PlanEnding? {
        guard let f = reader.fields(node, "'ended'", allowed: ["on", "kind", "successor", "summary", "sources", "continued", "note"]) else { return nil }
        let on = f.day("on", required: true)
        if f["kind"] == nil { reader.error(node, "missing required field 'kind' in 'ended' (discontinued or replaced)") }
        let kind = f.choice("kind", PlanEnding.Kind.self)
        let successor = f.text("successor", needsEnglish: true)
        if kind == .replaced, successor == nil {
            reader.error(node, "a plan that was replaced names its successor: add 'successor: {ko: …, en: …}' to 'ended'")
        }
        let summary = f.text("summary", required: true, needsEnglish: true)
        let sources = self.sources(f, required: true)
        let ids = Set(sources.map(\.id))
        let continued: [ContinuedTarget] = f.list("continued").compactMap { node in
            guard let c = reader.fields(node, "an item of 'continued' in 'ended'", allowed: ["indicator", "successorTarget", "source"]) else { return nil }
            let indicator = c.string("indicator", required: true)
            if let indicator, let n = c["indicator"] { continuedRefs.append((indicator, n)) }
            let target = c.text("successorTarget", required: true, needsEnglish: true)
            let source = c.string("source")
            if let source, !ids.contains(source), let n = c["source"] {
                reader.error(n, "unknown source '\(source)' in 'continued' (define it under 'ended.sources')")
            }
            guard let indicator, let target else { return nil }
            return ContinuedTarget(indicator: indicator, successorTarget: target, source: source)
        }
        if let on, let start = planStart, on < start.start, let n = f["on"] {
            reader.error(n, "the plan cannot end (\(on.iso)) before its period starts (\(start.start.iso))")
        }
        if let on, let from = revisionDay ?? publishedDay, on < from, let n = f["on"] {
            reader.error(n, "the plan cannot end (\(on.iso)) before this version took effect (\(from.iso))")
        }
        guard let on, let kind, let summary else { return nil }
        return PlanEnding(on: on, kind: kind, successor: successor, summary: summary, sources: sources, continued: continued, note: f.text("note"))
    }

    /// The `sources` list of a revision or an ending: each with a unique id and a publisher.
    private func sources(_ f: Fields, required: Bool) -> [PlanSource] {
        if required, f["sources"] == nil {
            reader.error(f.node, "missing required field 'sources' in \(f.context): say where the change was published")
        }
        var seen: [String: Node] = [:]
        return f.list("sources").compactMap { node in
            guard let s = reader.fields(node, "a source in \(f.context)", allowed: ["id", "publisher", "title", "url", "published", "quote", "note"]) else { return nil }
            let id = s.string("id", required: true)
            if let id, let n = s["id"] {
                if let first = seen[id] {
                    let place = first.mark.map { " (first defined at line \($0.line), column \($0.column))" } ?? ""
                    reader.error(n, "duplicate source id '\(id)' in \(f.context)\(place)")
                } else {
                    seen[id] = n
                }
            }
            let publisher = s.text("publisher", required: true, needsEnglish: true)
            let url = s.string("url")
            if let url, let n = s["url"], let problem = SourceAddress.problem(url) {
                reader.error(n, "'url' in a source of \(f.context): \(problem)")
            }
            guard let id, let publisher else { return nil }
            return PlanSource(id: id, publisher: publisher, title: s.string("title"), url: url, published: s.day("published"),
                              quote: s.string("quote"), note: s.text("note"))
        }
    }
}
