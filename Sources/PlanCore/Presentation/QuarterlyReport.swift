/// The review the coordinating office takes into the 관계장관회의 each quarter: a title block with
/// the as-of date and the method, a one-page summary in 개조식, what is slipping by project, every
/// indicator with its verdict, budget and jobs, the reforms, and the sources as numbered notes.
/// The whole picture is told in counts, never an average that could hide a red item.
public enum QuarterlyReport {
    /// - Parameter sources: the records of the facts the assessment used, by id: each value the
    ///   report rests on is cited with its source, listed at the end.
    public static func document(_ a: PlanAssessment, index: PlanIndex, language l: Language, sources: [Int64: FactRecord] = [:]) -> ReportDocument {
        let ko = l == .ko
        var citations = ReportCitations(records: sources, language: l)
        let day = a.asOf.day
        let quarter = (day.month - 1) / 3 + 1
        var doc = ReportDocument(title: ko ? "\(index.plan.title.ko) 이행 점검 결과" : "\(index.plan.title[l]): progress review", language: l)
        doc.subtitle = [
            ko ? "\(day.year)년 \(quarter)분기 · \(day.korean) 기준" : "Q\(quarter) \(day.year) · as of \(day.english)",
            ko ? "평가 방법 \(PlanAssessment.methodVersion) · 승인된 실적만 반영(같은 기준일이면 같은 결과)"
                : "Method \(PlanAssessment.methodVersion) · approved figures only (the same date always gives the same review)",
        ]
        doc.day = day
        doc.running = ko ? "\(index.plan.title.ko) 이행 점검 · \(day.korean) 기준" : "\(index.plan.title[l]) review · as of \(day.english)"

        doc.blocks.append(.heading(1, ko ? "Ⅰ. 요약" : "I. Summary"))
        doc.blocks.append(.outline(ReportSummary(a, index: index, language: l).items))

        ReportSlipping.append(to: &doc, a, index: index, language: l, citations: &citations)
        ReportIndicators.append(to: &doc, a, index: index, language: l, citations: &citations)
        ReportMoney.append(to: &doc, a, index: index, language: l)
        ReportReforms.append(to: &doc, a, index: index, language: l)

        doc.blocks.append(.heading(1, ko ? "Ⅵ. 출처" : "VI. Sources"))
        if citations.notes.isEmpty {
            doc.blocks.append(.paragraph(ko ? "인용한 출처 없음." : "No source cited."))
        } else {
            doc.blocks.append(.paragraph(ko ? "본문의 [번호]는 아래 출처를 가리킴." : "Each [number] in the text refers to the source below."))
            doc.blocks.append(.footnotes(citations.notes))
        }
        return doc
    }

    /// The review from the approved facts it was judged on: every cited value finds its source
    /// among them. The command line and the workspace both make it this way, so the same date
    /// gives the same document.
    public static func document(_ a: PlanAssessment, index: PlanIndex, language l: Language, facts: FactSet) -> ReportDocument {
        var sources: [Int64: FactRecord] = [:]
        for o in facts.observations where o.record.source != nil && sources[o.record.id] == nil { sources[o.record.id] = o.record }
        return document(a, index: index, language: l, sources: sources)
    }

    static func money(_ won: Int64, _ l: Language) -> String { QuantityFormatter.format(Double(won), unit: .won, language: l) }
    static func jobs(_ n: Int64, _ l: Language) -> String { QuantityFormatter.format(Double(n), unit: .item, language: l, noun: "jobs") }
    static func percent(_ share: Double?) -> String { share.map { QuantityFormatter.grouped(($0 * 100).rounded(), maxDecimals: 0) + "%" } ?? "–" }
    /// "3개" / "3": a count of things as the report's language writes it.
    static func count(_ n: Int, _ l: Language, unit: String = "개") -> String { l == .ko ? "\(n)\(unit)" : "\(n)" }

    /// An indicator as the report names it: its name, and the part of a two-part cell.
    static func name(_ i: Indicator, _ l: Language) -> String {
        i.name[l] + (i.part.map { " (\($0[l]))" } ?? "")
    }
}
