import PlanCore

/// `/revisions` (목표 변경 이력): every revision of the plan in the order it took effect, each
/// change old → new with the source that announced it, what the sources left out, and how the
/// plan ended. Pages whose commitments changed link here, so a reader who sees a target can
/// always learn that it moved, when, and on whose word.
enum RevisionsPage {
    static func context(_ c: PageContext) -> [String: Any] {
        let history = c.model.history
        let day = c.assessment.asOf.day
        let records = history.revisions.filter { $0.effective <= day }
        let original = history.original
        let page: [String: Any] = [
            "lead": records.isEmpty
                ? c.catalog.format("revisions_none", ["date": c.day(original.effective)])
                : c.catalog.format("revisions_lead", ["date": c.day(original.effective), "count": c.count(records.count)]),
            "original": [
                "date": c.day(original.effective),
                "title": original.plan.title[c.language],
                "source": c.text(original.plan.source) ?? "",
                "url": original.plan.sourceURL ?? "",
            ],
            "revisions": records.map { record(history, $0, c) },
            "has_revisions": !records.isEmpty,
            "ending": history.ending(asOf: day).map { ending($0, history: history, c) } ?? false,
        ]
        return c.layout(title: c.catalog["revisions_title"], page: "revisions").merging(page)
    }

    static func record(_ history: PlanHistory, _ r: RevisionRecord, _ c: PageContext) -> [String: Any] {
        let anchor = "revision-\(r.number)"
        let sources = r.revision?.sources ?? []
        let sourceNumbers = Dictionary(sources.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let changes: [[String: Any]] = r.changes.map { change in
            let explanation = r.revision?.explanation(of: change)
            let refs = (explanation?.sources ?? []).compactMap { id in sourceNumbers[id].map { n in ["n": String(n), "link": "#\(anchor)-source-\(n)"] } }
            return [
                "kind": c.catalog["change_\(change.kind.rawValue)"],
                "kind_key": change.kind.rawValue,
                "what": what(change, history: history, c),
                "aspect": aspect(change, c),
                "old": change.old?[c.language] ?? "–",
                "new": change.new?[c.language] ?? "–",
                "note": explanation?.note.map { $0[c.language] } ?? "",
                "refs": refs,
                "has_refs": !refs.isEmpty,
            ]
        }
        return [
            "anchor": anchor,
            "date": c.day(r.effective),
            "title": r.revision?.title[c.language] ?? c.catalog["revision_untitled"],
            "summary": r.revision?.summary.map { $0[c.language] } ?? "",
            "changes": changes,
            "change_count": c.catalog.format("revision_change_count", ["count": c.count(changes.count)]),
            "sources": sources.enumerated().map { n, s in source(s, anchor: "\(anchor)-source-\(n + 1)", c) },
            "not_given": (r.revision?.notGiven ?? []).map { $0[c.language] },
            "has_not_given": !(r.revision?.notGiven ?? []).isEmpty,
            "note": r.revision?.note.map { $0[c.language] } ?? "",
        ]
    }

    static func ending(_ e: PlanEnding, history: PlanHistory, _ c: PageContext) -> [String: Any] {
        let index = history.latest.index
        let continued: [[String: Any]] = e.continued.map { item in
            let name = index.indicator(item.indicator)?.name[c.language] ?? item.indicator
            return ["name": name, "link": "/indicators/\(item.indicator)\(c.qs)", "target": item.successorTarget[c.language]]
        }
        return [
            "date": c.day(e.on),
            "headline": headline(e, c),
            "summary": e.summary[c.language],
            "sources": e.sources.enumerated().map { n, s in source(s, anchor: "ended-source-\(n + 1)", c) },
            "continued": continued,
            "has_continued": !continued.isEmpty,
            "note": e.note.map { $0[c.language] } ?? "",
        ]
    }

    /// The line every page carries once the plan has ended.
    static func banner(_ e: PlanEnding, _ c: PageContext) -> [String: Any] {
        let linked = e.sources.filter { $0.url != nil }
        return [
            "headline": headline(e, c),
            "summary": c.catalog["ended_banner_summary"],
            "sources": linked.enumerated().map { n, s in
                ["label": s.publisher[c.language] + (s.published.map { " (\(c.day($0)))" } ?? ""), "url": s.url ?? "", "last": n == linked.count - 1]
            },
        ]
    }

    static func headline(_ e: PlanEnding, _ c: PageContext) -> String {
        switch e.kind {
        case .replaced:
            let successor = e.successor?[c.language] ?? ""
            return c.catalog.format("ended_replaced", ["date": c.day(e.on), "successor": successor, "ro": KoreanParticle.instrumental(after: successor)])
        case .discontinued:
            return c.catalog.format("ended_discontinued", ["date": c.day(e.on)])
        }
    }

    static func source(_ s: PlanSource, anchor: String, _ c: PageContext) -> [String: Any] {
        [
            "anchor": anchor,
            "publisher": s.publisher[c.language],
            "title": s.title ?? "",
            "url": s.url ?? "",
            "published": s.published.map(c.day) ?? "",
            "quote": s.quote ?? "",
            "quote_lang": s.quote.map { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } ? "ko" : "en" } ?? "",
            "note": s.note.map { $0[c.language] } ?? "",
        ]
    }

    /// The changed item, named and linked to its page in the latest version that has it.
    static func what(_ change: PlanChange, history: PlanHistory, _ c: PageContext) -> [String: Any] {
        let name = change.name[c.language]
        var link = ""
        switch change.item {
        case .plan: link = "/\(c.qs)"
        case .pillar(let id): link = "/pillars/\(id)\(c.qs)"
        case .project(let id): link = "/projects/\(id)\(c.qs)"
        case .indicator(let id): link = "/indicators/\(id)\(c.qs)"
        case .task(let id):
            for v in history.versions.reversed() {
                if let t = v.index.taskIndex[id] { link = "/projects/\(v.index.projects[v.index.projectOfTask[t]].id)\(c.qs)#\(id)"; break }
            }
        }
        return ["name": name, "id": change.item.id ?? "", "link": link]
    }

    /// Which part of the item changed: its budget by a year, a target, a law, a field.
    static func aspect(_ change: PlanChange, _ c: PageContext) -> String {
        let words = change.subject.split(separator: " ")
        let by = change.subject.range(of: " by ").map { String(change.subject[$0.upperBound...]) }
        let year = by.flatMap { try? PeriodParser.period($0) }.map { $0.text(c.language) } ?? by ?? ""
        switch words.first {
        case "budget": return c.catalog.format("aspect_budget", ["by": year])
        case "jobs": return c.catalog.format("aspect_jobs", ["by": year])
        case "target": return c.catalog.format("aspect_target", ["by": year])
        case "law": return c.catalog.format("aspect_law", ["law": words.dropFirst().joined(separator: " ")])
        default: return change.field.map { c.catalog["aspect_\($0)"] } ?? ""
        }
    }

    /// `revision_notices` and `has_revision_notices` for a page's template.
    static func noticeFields(_ items: Set<PlanChange.Item>, _ c: PageContext) -> [String: Any] {
        let notices = notices(items, c)
        return ["revision_notices": notices, "has_revision_notices": !notices.isEmpty]
    }

    /// The revisions up to the page's day that changed one of `items`, as links: what an
    /// indicator, project or pillar page shows so a reader knows its commitments moved.
    static func notices(_ items: Set<PlanChange.Item>, _ c: PageContext) -> [[String: Any]] {
        c.model.history.revisions(touching: items, through: c.assessment.asOf.day).flatMap { r in
            r.changes.map { change in
                [
                    "text": c.catalog.format("revision_notice", [
                        "date": c.day(r.effective), "title": r.revision?.title[c.language] ?? c.catalog["revision_untitled"],
                        "kind": c.catalog["change_\(change.kind.rawValue)"], "aspect": aspect(change, c),
                        "old": change.old?[c.language] ?? "–", "new": change.new?[c.language] ?? "–",
                    ]),
                    "link": "/revisions\(c.qs)#revision-\(r.number)",
                ] as [String: Any]
            }
        }
    }
}
