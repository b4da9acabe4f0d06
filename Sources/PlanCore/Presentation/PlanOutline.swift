/// `planwatch plan show`: the plan as a tree a person reads in a terminal, with totals
/// in words and figures ("58.1조원 (58,100,000,000,000원)").
public enum PlanOutline {
    public static func render(_ plan: Plan, language: Language) -> String {
        let ko = language == .ko
        var lines: [String] = []
        let t = PlanTotals(plan)
        lines.append("\(plan.title[language]) (\(plan.id)) · \(plan.start.text(language))–\(plan.end.text(language))")
        if let source = plan.source { lines.append((ko ? "출처: " : "Source: ") + source[language]) }
        lines.append("")
        lines.append(ko ? "합계 (사업별 수치의 합)" : "Totals (sums of the projects' figures)")
        for b in t.budget {
            let jobs = t.jobs.first { $0.by == b.by }
            var line = "  " + (ko ? "\(b.by.korean)까지: 총사업비 " : "By \(b.by.english): total cost ")
            line += moneyInWordsAndFigures(b.totalCost ?? 0, language)
            if let tr = b.treasury {
                line += (ko ? ", 국고 " : ", treasury ") + moneyInWordsAndFigures(tr, language)
            }
            if let jobs {
                line += (ko ? ", 일자리 " : ", jobs ") + jobsInWordsAndFigures(jobs.count, language)
            }
            lines.append(line)
        }
        lines.append("  " + (ko
            ? "성과지표 \(t.indicatorRows)행(지표 \(t.tableIndicators)개), 과제 지표 \(t.indicators - t.tableIndicators)개, 투자사업 \(t.investments)개, 제도개선 과제 \(t.reforms)개, 관련 법령 \(t.distinctLaws)개"
            : "\(t.indicatorRows) indicator rows (\(t.tableIndicators) indicators), \(t.indicators - t.tableIndicators) task indicators, \(t.investments) investment tasks, \(t.reforms) reforms, \(t.distinctLaws) distinct laws"))

        for pillar in plan.pillars {
            lines.append("")
            lines.append("\(pillar.id). \(pillar.title[language])")
            for p in pillar.projects {
                lines.append("  \(p.id) \(p.title[language])")
                let budget = p.budget.map { b -> String in
                    let tr = b.treasury.map { (ko ? "(국고 " : " (treasury ") + money($0, language) + ")" } ?? ""
                    return (ko ? "\(b.by.korean)까지 " : "by \(b.by.english) ") + money(b.totalCost ?? b.amount ?? b.treasury ?? 0, language) + (b.totalCost == nil ? "" : tr)
                }
                if !budget.isEmpty { lines.append("      " + (ko ? "사업비: " : "Budget: ") + budget.joined(separator: ", ")) }
                let jobs = p.jobs.map { j in
                    (ko ? "\(j.by.korean)까지 " : "by \(j.by.english) ") + QuantityFormatter.format(Double(j.count), unit: .item, language: language, noun: "jobs")
                }
                if !jobs.isEmpty { lines.append("      " + (ko ? "일자리: " : "Jobs: ") + jobs.joined(separator: ", ")) }
                if !p.indicators.isEmpty {
                    lines.append("      " + (ko ? "성과지표 (\(p.indicatorRowCount)행)" : "Indicators (\(p.indicatorRowCount) rows)"))
                    for i in p.indicators { lines.append("        · " + indicatorLine(i, language)) }
                }
                let investments = p.tasks.filter { $0.kind == .investment }
                let reforms = p.tasks.filter { $0.kind == .reform }
                if !investments.isEmpty {
                    lines.append("      " + (ko ? "주요 투자사업 (\(investments.count)개)" : "Investment tasks (\(investments.count))"))
                    for task in investments {
                        lines.append("        ▸ " + taskLine(task, language))
                        for i in task.indicators { lines.append("            · " + indicatorLine(i, language)) }
                    }
                }
                if !reforms.isEmpty {
                    lines.append("      " + (ko ? "제도개선 과제 (\(reforms.count)개)" : "Reforms (\(reforms.count))"))
                    for task in reforms {
                        lines.append("        ❖ " + taskLine(task, language))
                        for law in task.laws {
                            let name = ko ? "「\(law.name.ko)」 \(law.action.korean)" : "\(law.name[language]) (\(law.action.english))"
                            lines.append("            § " + name)
                        }
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func taskLine(_ task: PlanTask, _ language: Language) -> String {
        var s = task.title[language]
        if let due = task.due {
            s += language == .ko ? " (기한 \(due.korean))" : " (due \(due.english))"
        } else if let start = task.start {
            s += language == .ko ? " (\(start.korean)부터)" : " (from \(start.english))"
        }
        return s
    }

    static func indicatorLine(_ i: Indicator, _ language: Language) -> String {
        let ko = language == .ko
        let name = i.name[language]
        var steps: [String] = []
        if let b = i.baseline {
            let v = b.value.map { IndicatorFormat.value($0, of: i, language) } ?? b.text?[language] ?? "–"
            steps.append("\(v) (\(b.period.text(language)))")
        }
        for t in i.targets {
            let v = t.value.map { IndicatorFormat.value($0, of: i, language) } ?? t.text?[language] ?? "–"
            let cmp = t.value != nil && t.comparator == .atLeast && i.direction == .increase ? "" :
                t.value != nil && t.comparator == .atMost && i.direction == .decrease ? "" :
                t.value != nil ? (ko ? " \(t.comparator.korean)" : " (\(t.comparator.english))") : ""
            steps.append("\(v)\(cmp) (\(t.due.text(language)))")
        }
        return "\(name): " + steps.joined(separator: " → ")
    }

    static func money(_ won: Int64, _ language: Language) -> String {
        QuantityFormatter.format(Double(won), unit: .won, language: language)
    }

    /// "58.1조원 (58,100,000,000,000원)" / "KRW 58.1 trillion (KRW 58,100,000,000,000)".
    static func moneyInWordsAndFigures(_ won: Int64, _ language: Language) -> String {
        let figures = QuantityFormatter.grouped(Double(won), maxDecimals: 0)
        return money(won, language) + (language == .ko ? " (\(figures)원)" : " (KRW \(figures))")
    }

    /// "90.3만 개 (903,000개)" / "903,000 jobs (90.3 man)".
    static func jobsInWordsAndFigures(_ count: Int64, _ language: Language) -> String {
        let figures = QuantityFormatter.grouped(Double(count), maxDecimals: 0)
        if language == .ko {
            return QuantityFormatter.korean(Double(count), unit: .item) + " (\(figures)개)"
        }
        return "\(figures) (\(QuantityFormatter.grouped(Double(count) / 1000, maxDecimals: 1)) thousand)"
    }
}

/// Formats an indicator's values in its own unit and the reader's language.
public enum IndicatorFormat {
    public static func value(_ v: Double, of indicator: Indicator, _ language: Language) -> String {
        QuantityFormatter.format(v, unit: indicator.unit, language: language)
    }
}
