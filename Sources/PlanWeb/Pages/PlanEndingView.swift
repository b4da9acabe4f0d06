import PlanCore

/// The home page's opening once a plan has ended, early or at the end of its period: what was
/// settled before the end, what the plan left behind (taken up by a successor, or orphaned), and
/// for every target the figures that settle it or, where nothing settles it, the latest published
/// value with its share of the target and what the rest of the way would have needed.
enum PlanEndingView {
    static func fields(_ c: PageContext) -> [String: Any]? {
        let summary = PlanEndingSummary(c.assessment, index: c.index, ending: c.view.ending) { position in
            var scratch: [Int] = []
            return c.view.series(position, in: c.model.observations, scratch: &scratch)
        }
        guard summary.hasEnded else { return nil }
        let plan = c.plan
        let before = summary.counts(.dueBeforeEnd), after = summary.counts(.dueAfterEnd)
        let early = summary.ending != nil
        var lines: [String] = []
        if let ending = summary.ending {
            lines.append(RevisionsPage.headline(ending, c))
        } else {
            lines.append(c.catalog.format("ended_period_over", ["start": String(plan.start.start.year), "end": String(plan.end.end.year)]))
        }
        lines.append(c.catalog.format(early ? "ended_before_early" : "ended_before", [
            "total": c.count(before.total), "achieved": c.count(before[.achieved]), "missed": c.count(before[.missed]),
            "short": c.count(before[.evidenceShort]), "met": c.count(before[.evidenceMet]), "none": c.count(before[.noFigure]),
            "date": c.day(summary.endedOn),
        ]))
        if after.total > 0 {
            lines.append(c.catalog.format("ended_after", [
                "total": c.count(after.total), "continued": c.count(summary.continuedCount), "date": c.day(summary.endedOn),
                "achieved": c.count(after[.achieved] + after[.evidenceMet]), "short": c.count(after[.missed] + after[.evidenceShort]),
                "none": c.count(after[.noFigure]),
            ]))
        }
        let reported = before[.reported] + after[.reported]
        if reported > 0 { lines.append(c.catalog.format("ended_reported_note", ["count": c.count(reported)])) }
        let columns = PlanEndingSummary.Verdict.allCases
        var projectPosition = 0
        let byProject = (before: summary.counts(.dueBeforeEnd, index: c.index), after: summary.counts(.dueAfterEnd, index: c.index))
        func cells(_ b: PlanEndingSummary.Counts, _ a: PlanEndingSummary.Counts) -> [[String: Any]] {
            columns.map { v in ["count": c.count(b[v] + a[v]), "zero": b[v] + a[v] == 0] }
        }
        let pillars: [[String: Any]] = plan.pillars.enumerated().map { pi, pillar in
            let projects: [[String: Any]] = pillar.projects.map { project in
                defer { projectPosition += 1 }
                return ["id": project.id, "title": project.title[c.language], "link": "/projects/\(project.id)\(c.qs)",
                        "cells": cells(byProject.before.projects[projectPosition], byProject.after.projects[projectPosition])]
            }
            return ["id": pillar.id, "title": pillar.title[c.language], "link": "/pillars/\(pillar.id)\(c.qs)",
                    "cells": cells(byProject.before.pillars[pi], byProject.after.pillars[pi]), "projects": projects]
        }
        let rows = summary.items.filter { $0.verdict != .reported && ($0.verdict != .noFigure || $0.evidence != nil) }.map { row($0, summary, c) }
        return [
            "lines": lines,
            "verdicts": columns.map { v in ["label": label(v, c), "key": statusKey(v), "count": c.count(before[v] + after[v])] },
            "headers": columns.map { label($0, c) },
            "pillars": pillars,
            "settled": rows,
            "has_settled": !rows.isEmpty,
        ]
    }

    static func label(_ v: PlanEndingSummary.Verdict, _ c: PageContext) -> String { c.catalog["ended_\(v.rawValue)"] }

    /// The badge colour of a verdict: that of the status it is closest to.
    static func statusKey(_ v: PlanEndingSummary.Verdict) -> String {
        switch v {
        case .achieved: return IndicatorStatus.achieved.rawValue
        case .missed: return IndicatorStatus.missed.rawValue
        case .evidenceMet: return IndicatorStatus.onTrack.rawValue
        case .evidenceShort: return IndicatorStatus.insufficientProgress.rawValue
        case .noFigure: return IndicatorStatus.notYetAssessable.rawValue
        case .reported: return IndicatorStatus.reported.rawValue
        }
    }

    /// One target with what settles it, or the latest published evidence, linked to the value
    /// and its source on the indicator's page.
    static func row(_ item: PlanEndingSummary.Item, _ summary: PlanEndingSummary, _ c: PageContext) -> [String: Any] {
        let indicator = c.index.indicators[item.position]
        let target = item.target.value.map { c.value($0, indicator) } ?? item.target.text?[c.language] ?? ""
        let factId = item.factId ?? item.evidence?.latest.factId
        let fact = factId.flatMap { id in c.view.history(item.position, in: c.model.observations).first { $0.record.id == id } }
        var when = c.catalog[item.timing == .dueBeforeEnd ? "ended_when_before" : (item.continued ? "ended_when_continued" : "ended_when_orphaned")]
        if summary.ending == nil { when = "" }
        var row: [String: Any] = [
            "indicator": indicator.name[c.language], "id": indicator.id,
            "status": ["label": label(item.verdict, c), "key": statusKey(item.verdict)],
            "target": c.catalog.format("ended_target", ["due": item.target.due.text(c.language), "value": target]),
            "when": when,
            "link": "/indicators/\(indicator.id)\(c.qs)" + (factId.map { "#fact-\($0)" } ?? ""),
            "citation": fact.map { Citation($0.record, c).fields } ?? [:],
            "has_citation": fact != nil,
        ]
        if let e = item.evidence {
            row["value"] = e.latest.value.map { c.value($0, indicator) } ?? ""
            row["period"] = e.latest.period.text(c.language)
            row["evidence"] = EvidenceText.sentence(e, indicator, c)
        } else {
            row["value"] = item.value.map { c.value($0, indicator) } ?? ""
            row["period"] = item.valuePeriod?.text(c.language) ?? ""
        }
        return row
    }
}
