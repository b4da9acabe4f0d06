/// The review's fifth part: every reform, with the acts it amends, its due period and where it
/// stands; the late ones first, since those are what the meeting is asked about.
enum ReportReforms {
    static func append(to doc: inout ReportDocument, _ a: PlanAssessment, index: PlanIndex, language l: Language) {
        let ko = l == .ko
        doc.blocks.append(.heading(1, ko ? "Ⅴ. 제도개선 과제" : "V. Reforms"))
        let reforms = index.tasks.indices.filter { index.tasks[$0].kind == .reform }
            .sorted { (a.tasks[$0].status.severity, $0) < (a.tasks[$1].status.severity, $1) }
        guard !reforms.isEmpty else {
            doc.blocks.append(.paragraph(ko ? "이 계획에는 제도개선 과제가 없음." : "This plan has no reforms."))
            return
        }
        let counts = TaskStatus.allCases.sorted { $0.severity < $1.severity }.compactMap { s -> String? in
            let n = reforms.filter { a.tasks[$0].status == s }.count
            return n > 0 ? (ko ? "\(s.label(l)) \(n)건" : "\(s.label(l)): \(n)") : nil
        }
        doc.blocks.append(.paragraph(ko ? "제도개선 과제 \(reforms.count)건(\(counts.joined(separator: ", "))). 지연 과제부터 정리함."
            : "\(reforms.count) reforms (\(counts.joined(separator: "; "))), the late ones first."))
        doc.blocks.append(.table(ko ? ["과제", "관련 법령", "기한", "판정", "추진 상황"] : ["Reform", "Laws", "Due", "Status", "Where it stands"],
                                 reforms.map { i in
            let t = index.tasks[i]
            let laws = t.laws.map { ko ? "「\($0.name.ko)」 \($0.action.korean)" : "\($0.name[l]) (\($0.action.english))" }.joined(separator: ", ")
            return [t.title[l], laws.isEmpty ? "–" : laws, t.due?.text(l) ?? "–", a.tasks[i].status.label(l),
                    AssessmentExplanation.task(a.tasks[i], l)]
        }))
    }
}
