import PlanCore

/// A target's unsettled evidence in one sentence a reader can check: the share of the target
/// (or of the planned change) the latest published value covers, and what the rest of the way
/// needs or would have needed ("2025년 목표 15조원에 이르려면 2024년 6.17조원에서 1년 만에 143%
/// 늘어나야 했습니다").
enum EvidenceText {
    static func sentence(_ e: TargetEvidence, _ indicator: Indicator, _ c: PageContext) -> String {
        guard let value = e.latest.value, let goal = e.target.value else { return "" }
        // A value counted another way shows where things stand, but no share of the target.
        if let basis = e.latest.basis {
            return c.catalog.format("evidence_other_basis", ["value": c.value(value, indicator), "period": e.latest.period.text(c.language),
                                                             "basis": BilingualNote.text(basis, c.language)])
        }
        var parts: [String] = []
        if let share = e.shareOfTarget {
            parts.append(c.catalog.format("evidence_share_target", ["share": c.percent(share)]))
        } else if let share = e.shareOfChange {
            parts.append(c.catalog.format("evidence_share_change", ["share": c.percent(share)]))
        }
        if e.latest.t >= e.target.due.end.ordinal {
            parts.append(c.catalog.format("evidence_after_due", ["period": e.latest.period.text(c.language)]))
        } else if !e.meetsTarget {
            let years = e.yearsLeft
            let span = c.catalog.format("evidence_years", ["years": QuantityFormatter.grouped(years, maxDecimals: years < 2 ? 1 : 0)])
            let change: String
            if indicator.measure == .rank {
                change = c.catalog.format("evidence_rank", ["places": QuantityFormatter.grouped(abs(e.remaining), maxDecimals: 0)])
            } else if let g = e.neededGrowth {
                let percent = QuantityFormatter.grouped((abs(g) * 100).rounded(), maxDecimals: 0) + "%"
                change = c.catalog.format(g >= 0 ? "evidence_growth" : "evidence_decline", ["growth": percent])
            } else {
                change = c.catalog.format(e.remaining >= 0 ? "evidence_more" : "evidence_less", ["change": c.value(abs(e.remaining), indicator)])
            }
            let verb = e.target.due.end < c.assessment.asOf.day ? "evidence_would_have_needed" : "evidence_needs"
            parts.append(c.catalog.format(verb, [
                "target": c.value(goal, indicator), "due": e.target.due.text(c.language), "value": c.value(value, indicator),
                "period": e.latest.period.text(c.language), "span": span, "change": change,
            ]))
        }
        return parts.joined(separator: " ")
    }
}
