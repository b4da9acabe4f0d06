import PlanCore

/// What a page about one commitment says of the plan's record: the verdict against the original
/// promise where a revision moved the target, the target's own history, and whether the target
/// was still pursued once the plan had ended (taken up by the successor, or orphaned).
enum CommitmentRecord {
    static func indicator(_ position: Int, _ c: PageContext) -> [String: Any] {
        let i = c.index.indicators[position]
        var fields = RevisionsPage.noticeFields([.indicator(i.id)], c)
        if let original = c.view.againstOriginal[position], let before = c.view.originalIndicator(position) {
            fields["against_original"] = [
                "status": c.status(original.status),
                "label": c.catalog.format("against_original", ["date": c.day(c.view.original.effective)]),
                "explanation": AssessmentExplanation.indicator(original, before)[c.language],
            ]
        }
        let history = c.model.history.targetHistory(of: i.id).filter { $0.version.effective <= c.assessment.asOf.day || $0.version.number == 0 }
        if history.count > 1 {
            fields["has_target_history"] = true
            fields["target_history"] = history.map { entry in
                [
                    "date": c.day(entry.version.effective),
                    "title": entry.version.plan.revision?.title[c.language] ?? c.catalog["revisions_original"],
                    "targets": entry.indicator.targets.map { t in
                        t.due.text(c.language) + " " + (t.value.map { c.value($0, entry.indicator) } ?? t.text?[c.language] ?? "")
                    }.joined(separator: " · "),
                    "in_force": entry.version.number == c.view.version.number,
                    "link": "/revisions\(c.qs)" + (entry.version.number > 0 ? "#revision-\(entry.version.number)" : ""),
                ] as [String: Any]
            }
        }
        if let ending = c.view.ending, let due = c.assessment.indicators[position].milestone?.due, due.end > ending.on {
            if let continued = ending.continuation(of: i.id) {
                let successor = ending.successor?[c.language] ?? ""
                fields["after_end"] = c.catalog.format("target_continued", [
                    "date": c.day(ending.on), "successor": successor, "ga": KoreanParticle.subject(after: successor),
                    "target": continued.successorTarget[c.language],
                ])
            } else {
                fields["after_end"] = c.catalog.format("target_orphaned", ["date": c.day(ending.on), "due": due.text(c.language)])
            }
        }
        return fields
    }
}
