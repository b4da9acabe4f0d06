import PlanCore

/// The home page's opening once a plan's period is over: how it ended, commitment by commitment
/// (achieved, missed, not judged for lack of a published figure, or reported in words), per
/// pillar and project, and each settled commitment with the value and source that settle it.
enum PlanEndingView {
    static func fields(_ c: PageContext) -> [String: Any]? {
        let outcome = PlanOutcome(c.assessment, index: c.index)
        guard outcome.hasEnded else { return nil }
        let plan = c.model.plan
        let counts = outcome.plan
        var projectPosition = 0
        let pillars: [[String: Any]] = plan.pillars.enumerated().map { pi, pillar in
            let projects: [[String: Any]] = pillar.projects.map { project in
                defer { projectPosition += 1 }
                return ["id": project.id, "title": project.title[c.language], "link": "/projects/\(project.id)\(c.qs)",
                        "cells": cells(outcome.projects[projectPosition], c)]
            }
            return ["id": pillar.id, "title": pillar.title[c.language], "link": "/pillars/\(pillar.id)\(c.qs)",
                    "cells": cells(outcome.pillars[pi], c), "projects": projects]
        }
        let settled = settled(outcome, c)
        return [
            "summary": c.catalog.format("ended_summary", [
                "start": String(plan.start.start.year), "end": String(plan.end.end.year), "total": c.count(counts.total),
                "achieved": c.count(counts.achieved), "missed": c.count(counts.missed), "none": c.count(counts.notAssessable),
                "reported": counts.reported > 0 ? c.catalog.format("ended_reported_note", ["count": c.count(counts.reported)]) : "",
            ]),
            "milestones": c.catalog.format("ended_milestones", [
                "achieved": c.count(outcome.milestones.achieved), "missed": c.count(outcome.milestones.missed),
                "none": c.count(outcome.milestones.notAssessable),
            ]),
            "verdicts": PlanOutcome.Verdict.allCases.map { v in ["label": label(v, c), "key": statusKey(v), "count": c.count(counts[v])] },
            "headers": PlanOutcome.Verdict.allCases.map { label($0, c) },
            "pillars": pillars,
            "settled": settled,
            "has_settled": !settled.isEmpty,
        ]
    }

    static func label(_ v: PlanOutcome.Verdict, _ c: PageContext) -> String { c.catalog["ended_\(v.rawValue)"] }

    /// The badge colour of a verdict: that of the status it comes from.
    static func statusKey(_ v: PlanOutcome.Verdict) -> String {
        switch v {
        case .achieved: return IndicatorStatus.achieved.rawValue
        case .missed: return IndicatorStatus.missed.rawValue
        case .notAssessable: return IndicatorStatus.notYetAssessable.rawValue
        case .reported: return IndicatorStatus.reported.rawValue
        }
    }

    static func cells(_ counts: PlanOutcome.Counts, _ c: PageContext) -> [[String: Any]] {
        PlanOutcome.Verdict.allCases.map { ["count": c.count(counts[$0]), "zero": counts[$0] == 0] }
    }

    /// Every final target and earlier milestone that published figures settle, in plan order,
    /// each with the value it rests on, linked to that value and its source on the indicator's page.
    static func settled(_ outcome: PlanOutcome, _ c: PageContext) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for (i, a) in c.assessment.indicators.enumerated() {
            let indicator = c.index.indicators[i]
            var verdicts: [(due: Period, status: IndicatorStatus, value: Double?, period: Period?, factId: Int64?)] =
                a.passedMilestones.map { ($0.due, $0.status, $0.value, $0.valuePeriod, $0.factId) }
            if let m = a.milestone { verdicts.append((m.due, a.status, a.latest?.value, a.latest?.period, a.latest?.factId)) }
            let history = verdicts.contains { $0.status == .achieved || $0.status == .missed } ? c.model.observations.history(of: i) : []
            for v in verdicts where v.status == .achieved || v.status == .missed {
                let target = indicator.targets.first { $0.due == v.due }
                let fact = history.first { $0.record.id == v.factId }
                rows.append([
                    "indicator": indicator.name[c.language], "id": indicator.id,
                    "status": c.status(v.status),
                    "target": c.catalog.format("ended_target", ["due": v.due.text(c.language), "value": target?.value.map { c.value($0, indicator) } ?? ""]),
                    "value": v.value.map { c.value($0, indicator) } ?? "",
                    "period": v.period?.text(c.language) ?? "",
                    "link": "/indicators/\(indicator.id)\(c.qs)" + (v.factId.map { "#fact-\($0)" } ?? ""),
                    "citation": fact.map { Citation($0.record, c).fields } ?? [:],
                    "has_citation": fact != nil,
                ])
            }
        }
        return rows
    }
}
