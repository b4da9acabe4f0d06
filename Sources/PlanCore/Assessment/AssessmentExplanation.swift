/// The sentence beside every verdict, in Korean and English, stating the numbers a reader
/// needs to check it by hand ("2022년 목표 7위까지 기간의 50%가 지났고 목표 개선폭의 75%를 달성: 순항").
public enum AssessmentExplanation {
    public static func indicator(_ a: IndicatorAssessment, _ indicator: Indicator) -> LocalizedText {
        LocalizedText(ko: sentence(a, indicator, .ko), en: sentence(a, indicator, .en))
    }

    static func sentence(_ a: IndicatorAssessment, _ indicator: Indicator, _ l: Language) -> String {
        let ko = l == .ko
        func v(_ x: Double) -> String { IndicatorFormat.value(x, of: indicator, l) }
        func pct(_ x: Double) -> String { QuantityFormatter.grouped((x * 100).rounded(), maxDecimals: 0) + "%" }
        let target = a.milestone
        let due = target.map { ko ? $0.due.korean : $0.due.english } ?? ""
        let targetText = target.map { t in t.value.map(v) ?? "'" + (t.text?[l] ?? "") + "'" } ?? ""
        let goal = ko ? "\(due) 목표(\(targetText))" : "the \(due) target of \(targetText)"
        let latest = a.latest
        let point = latest.map { p in
            p.value.map { ko ? "\(p.period.korean) \(v($0))" : "\(v($0)) in \(p.period.english)" } ?? ""
        } ?? ""
        var s: String
        switch a.status {
        case .reported:
            let text = latest?.text ?? ""
            s = ko ? "정성 목표 \(targetText) — \(latest?.period.korean ?? "") 보고: \(text)"
                : "Qualitative target \(targetText) — reported for \(latest?.period.english ?? ""): \(text)"
        case .notYetAssessable:
            s = notAssessable(a, goal: goal, targetText: targetText, l)
        case .achieved:
            if a.isFinal {
                s = ko ? "\(due) 목표 \(targetText) 기한 내 달성(\(point))" : "\(goal.capitalizedFirst) was reached by its due date (\(point))"
            } else {
                s = ko ? "\(due) 목표 \(targetText) 조기 달성(최근 \(point))" : "\(goal.capitalizedFirst) is already reached (latest \(point))"
            }
        case .missed:
            if a.flags.contains(.inferredFromCumulative) {
                s = ko ? "\(due) 목표 \(targetText)에 못 미침: 기한 뒤 누적값(\(point))도 모자람"
                    : "\(goal.capitalizedFirst) was not reached: even the running total after the due date (\(point)) falls short"
            } else {
                s = ko ? "\(due) 목표 \(targetText)에 못 미침(\(point))" : "\(goal.capitalizedFirst) was not reached by its due date (\(point))"
            }
        case .onTrack, .moderateProgress, .insufficientProgress, .movingAway, .tooEarly:
            if a.flags.contains(.maintenanceTarget) || a.flags.contains(.baselineMeetsTarget) {
                s = heldLevel(a, targetText: targetText, point: point, v: v, l)
            } else if let path = a.path {
                s = pathSentence(a, path: path, due: due, targetText: targetText, v: v, pct: pct, l)
            } else {
                s = ""
            }
        }
        // A final verdict is already in the sentence ("달성", "못 미침"); the others are added.
        if a.status == .tooEarly {
            s += tooEarly(a, l)
        } else if ![.notYetAssessable, .reported, .achieved, .missed].contains(a.status) {
            s += ": " + a.status.label(l)
        }
        for flag in a.sortedFlags {
            s += flagSentence(flag, a, v: v, l)
        }
        for m in a.passedMilestones where m.status != .notYetAssessable {
            s += ". " + passedMilestone(m, indicator, l)
        }
        return s
    }

    /// "지난 목표: 2021년 14.2만 개 — 미달성(12만 개, 2021년)".
    public static func passedMilestone(_ m: IndicatorAssessment.MilestoneVerdict, _ indicator: Indicator, _ l: Language) -> String {
        let ko = l == .ko
        let target = indicator.targets[m.targetIndex]
        let goal = target.value.map { IndicatorFormat.value($0, of: indicator, l) } ?? "'" + (target.text?[l] ?? "") + "'"
        var value = ""
        if let x = m.value, let p = m.valuePeriod {
            value = ko ? "(\(IndicatorFormat.value(x, of: indicator, l)), \(p.korean))" : " (\(IndicatorFormat.value(x, of: indicator, l)) in \(p.english))"
        }
        return ko ? "지난 목표: \(m.due.korean) \(goal) — \(m.status.korean)\(value)"
            : "Earlier milestone: the \(m.due.english) target of \(goal) — \(m.status.english)\(value)"
    }

    static func pathSentence(_ a: IndicatorAssessment, path: PathRatio, due: String, targetText: String,
                             v: (Double) -> String, pct: (Double) -> String, _ l: Language) -> String {
        let ko = l == .ko
        var from = ""
        if let y0 = a.baselineValue, let bp = a.baselinePeriod, let latest = a.latest, let yi = latest.value {
            from = ko ? "기준 \(v(y0))(\(bp.korean)) → 최근 \(v(yi))(\(latest.period.korean)). "
                : "From \(v(y0)) (\(bp.english)) to \(v(yi)) (\(latest.period.english)). "
        }
        let r = ratio(path.r)
        // Too early means under a quarter of the time and of the change: say 24.9%, never a
        // rounded 25%, so the figure is cut to one decimal, never rounded up.
        func share(_ x: Double) -> String {
            guard a.status == .tooEarly else { return pct(x) }
            return QuantityFormatter.grouped((x * 1000).rounded(.towardZero) / 10, maxDecimals: 1) + "%"
        }
        let exact = a.milestone?.comparator == .exactly
        // How far past an exact target a projection goes, as a share of the planned change.
        func overshoot(_ projected: Double) -> Double? {
            guard exact, let y0 = a.baselineValue, let yT = a.milestone?.value, yT != y0 else { return nil }
            let past = (projected - yT) / (yT - y0)
            return past > Comparator.tolerance(0) ? past : nil
        }
        var sentence: String
        if path.method == .cagr, let gi = path.actualRate, let gT = path.requiredRate {
            let g = { (x: Double) in QuantityFormatter.grouped(x * 100, maxDecimals: 1) + "%" }
            let pace = path.basis == .trend ? (ko ? "추세선의 연평균 증가율" : "the fitted trend has grown") : (ko ? "기준 이후 실제 연평균 증가율" : "growth since the baseline has been")
            sentence = ko
                ? from + "\(due) 목표 \(targetText)에 필요한 연평균 증가율은 \(g(gT)), \(pace)은 \(g(gi))"
                : from + "The \(due) target of \(targetText) needs \(g(gT)) growth a year; \(pace) \(g(gi)) a year"
        } else if path.p < 0 {
            sentence = ko
                ? from + "\(due) 목표 \(targetText)까지 기간의 \(share(path.s))가 지났으나 값이 기준보다 목표에서 멀어짐(목표 개선폭의 \(share(path.p)))"
                : from + "\(share(path.s)) of the time to the \(due) target of \(targetText) has passed, but the value has moved away from the target (\(share(path.p)) of the planned improvement)"
        } else if exact, path.p > 1 + Comparator.tolerance(1) {
            sentence = ko
                ? from + "\(due) 목표 \(targetText)까지 기간의 \(share(path.s))가 지났으나 값이 이미 목표를 지나침(목표 변화분의 \(share(path.p)))"
                : from + "\(share(path.s)) of the time to the \(due) target of \(targetText) has passed, but the value has already gone past the target (\(share(path.p)) of the planned change)"
        } else {
            sentence = ko
                ? from + "\(due) 목표 \(targetText)까지 기간의 \(share(path.s))가 지났고 목표 개선폭의 \(share(path.p))를 달성"
                : from + "\(share(path.s)) of the time to the \(due) target of \(targetText) has passed and \(share(path.p)) of the planned improvement is achieved"
        }
        guard a.status != .tooEarly else { return sentence }
        let projected = v(path.projected)
        let reach: String
        if let past = overshoot(path.projected) {
            reach = ko ? "목표를 계획한 변화분의 \(pct(past))만큼 지나칠 전망" : "going past the target by \(pct(past)) of the planned change"
        } else {
            reach = ko ? "목표 개선폭의 \(pct(path.r))에 이를 전망" : "\(pct(path.r)) of the planned improvement"
        }
        if path.basis == .trend, let points = path.trendPoints {
            sentence += ko
                ? ". 기준치를 포함한 값 \(points)개로 그은 추세선의 속도라면 기한에 \(projected)\(KoreanParticle.instrumental(after: projected)) \(reach)(추세 r = \(r), 최근 값만으로는 r = \(ratio(path.lastPointRatio)))"
                : ". At the pace of the trend fitted to \(points) values, the baseline included, it would reach \(projected) by the due date, \(reach) (trend r = \(r); from the latest value alone r = \(ratio(path.lastPointRatio)))"
        } else {
            sentence += ko
                ? ". 이 속도라면 기한에 \(projected)\(KoreanParticle.instrumental(after: projected)) \(reach)(r = \(r))"
                : ". At this pace it would reach \(projected) by the due date, \(reach) (r = \(r))"
        }
        return sentence
    }

    /// A level to hold: held or not now, and where its trend leads by the due date.
    static func heldLevel(_ a: IndicatorAssessment, targetText: String, point: String, v: (Double) -> String, _ l: Language) -> String {
        let ko = l == .ko
        guard a.status == .onTrack || a.flags.contains(.levelTrendFalls) else {
            return ko ? "목표 수준 \(targetText)에 못 미침(\(point))" : "Short of the target level of \(targetText) (\(point))"
        }
        guard let trend = a.levelTrend else {
            return ko ? "목표 수준 \(targetText) 유지(\(point))" : "The target level of \(targetText) is held (\(point))"
        }
        let projected = v(trend.projected)
        if a.flags.contains(.levelTrendFalls) {
            return ko
                ? "지금은 목표 수준(\(targetText))을 지키고 있으나(\(point)) 기준치를 포함한 값 \(trend.points)개로 그은 추세선으로는 기한에 \(projected)\(KoreanParticle.instrumental(after: projected)) 목표 수준에 못 미칠 전망"
                : "The target level of \(targetText) is held for now (\(point)), but the trend fitted to \(trend.points) values, the baseline included, would fall to \(projected) by the due date, short of it"
        }
        return ko
            ? "목표 수준 \(targetText) 유지(\(point)). 기준치를 포함한 값 \(trend.points)개로 그은 추세선도 기한에 \(projected)\(KoreanParticle.instrumental(after: projected)) 목표 수준을 지킬 전망"
            : "The target level of \(targetText) is held (\(point)), and the trend fitted to \(trend.points) values, the baseline included, still meets it by the due date (\(projected))"
    }

    static func ratio(_ r: Double) -> String { QuantityFormatter.grouped(r, maxDecimals: 2) }

    /// "기준 뒤 1년도, 목표까지 기간의 4분의 1도 지나지 않아 아직 진척 속도를 판단할 수 없음: 시기상조".
    static func tooEarly(_ a: IndicatorAssessment, _ l: Language) -> String {
        let granularity = a.milestone?.due.granularity ?? .year
        let span: String
        switch granularity {
        case .year: span = l == .ko ? "1년" : "a year"
        case .half: span = l == .ko ? "반기" : "a half-year"
        case .quarter: span = l == .ko ? "한 분기" : "a quarter"
        case .month: span = l == .ko ? "한 달" : "a month"
        case .day: span = l == .ko ? "하루" : "a day"
        }
        return l == .ko
            ? ". 기준 뒤 \(span)도, 목표까지 기간의 4분의 1도 지나지 않았고 값도 목표 변화분의 4분의 1만큼 움직이지 않아 아직 진척 속도를 판단할 수 없음: \(IndicatorStatus.tooEarly.korean)"
            : ". Less than \(span) and less than a quarter of the time to the due date has passed since the baseline, and the value has moved less than a quarter of the planned change, too little to judge the pace: \(IndicatorStatus.tooEarly.english)"
    }

    static func notAssessable(_ a: IndicatorAssessment, goal: String, targetText: String, _ l: Language) -> String {
        let ko = l == .ko
        switch a.reason {
        case .noData, nil:
            return ko ? "보고된 값이 없어 평가를 유보함" : "No value has been reported yet, so it cannot be assessed"
        case .noValueAfterBaseline:
            let bp = a.baselinePeriod.map { ko ? $0.korean : $0.english } ?? ""
            return ko ? "기준 시점(\(bp)) 이후 보고된 값이 없어 평가를 유보함" : "No value has been reported for a period after the baseline (\(bp)) yet"
        case .noValueForDuePeriod:
            return ko ? "\(goal)의 기한이 지났으나 해당 기간의 값이 보고되지 않아 평가를 유보함"
                : "\(goal.capitalizedFirst) has fallen due, but no value for that period has been reported"
        case .noPathBeforeDue:
            return ko ? "\(goal)의 기한이 기준 기간 안에 있어 따라갈 경로가 없음. 기한이 지나면 판정함"
                : "\(goal.capitalizedFirst) falls due within the baseline period, so there is no path to follow; it is judged at the due date"
        case .noReport:
            return ko ? "정성 목표 \(targetText)에 대한 보고가 아직 없음" : "No report yet on the qualitative target \(targetText)"
        }
    }

    static func flagSentence(_ flag: IndicatorAssessment.Flag, _ a: IndicatorAssessment, v: (Double) -> String, _ l: Language) -> String {
        let ko = l == .ko
        switch flag {
        case .baselineFromFirstObservation:
            let first = a.baselineValue.map(v) ?? ""
            let p = a.baselinePeriod.map { ko ? $0.korean : $0.english } ?? ""
            return ko ? ". 계획에 수치 기준치가 없어 첫 보고값(\(p) \(first))을 기준으로 삼음"
                : ". The plan gives no numeric baseline, so the first reported value (\(first), \(p)) stands in"
        case .cagrFellBackToLinear:
            return ko ? ". 기준치나 목표가 0 이하여서 연평균 증가율(CAGR)을 정의할 수 없어 선형 경로로 평가함"
                : ". The baseline or the target is zero or negative, so growth is undefined and the linear path is used instead of CAGR"
        case .baselineStartUsed:
            return ko ? ". 목표 기한이 기준 기간 안에 있어 기준 기간의 첫날부터 기간을 셈"
                : ". The target falls due within the baseline period, so time is counted from that period's first day"
        case .projectionCapped:
            let bound = a.path.map { v($0.projected) } ?? ""
            return ko ? ". 현재 추세의 전망값은 자연 한계인 \(bound)에서 멈춤" : ". At the current pace the value would pass its natural bound, so the projection stops at \(bound)"
        case .maintenanceTarget:
            return ko ? ". 기준치와 목표가 같아 목표 수준의 유지 여부로 판단함" : ". The baseline equals the target, so the question is whether the level is held"
        case .baselineMeetsTarget:
            return ko ? ". 기준치가 이미 목표를 충족해 목표 수준의 유지 여부로 판단함"
                : ". The baseline already meets the target, so the question is whether the target level is held"
        case .provisionalValue:
            return ko ? ". 최근 값은 잠정치임" : ". The latest value is provisional"
        case .inferredFromCumulative, .levelTrendFalls:
            return ""
        case .cagrValueAtOrBelowZero:
            return ko ? ". 0 이하 값은 연평균 증가율로 보면 전부 잃은 것(−100%)이므로 로그 추세선을 긋지 않고 최근 값으로 전망함"
                : ". A value of zero or less is everything lost (growth of −100%) under compound growth, so no trend is fitted to logarithms and the latest value decides"
        case .trendAndLatestDisagree:
            return disagreement(a, v: v, l)
        case .incompletePeriod:
            let names = a.incompletePeriods.map { ko ? $0.korean : $0.english }
            guard let last = names.last else { return "" }
            let list = ko ? names.joined(separator: "·") : names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
            return ko ? ". \(list)\(KoreanParticle.topic(after: list)) 보고가 기간 전체를 채우지 않아 합계를 내지 않음"
                : ". The reports for \(list) do not cover the whole period, so no total is made for \(names.count == 1 ? "it" : "them")"
        case .otherBasisLeftOut:
            let bases = a.otherBases.map { BilingualNote.text($0, l) }.joined(separator: ", ")
            let n = a.otherBasisCount
            return ko ? ". 계획의 지표와 집계 기준이 다른 값 \(n)개(\(bases))는 기준치·목표와 견줄 수 없어 판정에 쓰지 않음"
                : ". \(n) value\(n == 1 ? "" : "s") counted on another basis than the plan's (\(bases)) cannot be compared with its baseline and targets and \(n == 1 ? "is" : "are") left out of the verdict"
        }
    }

    /// The trend and the latest value point different ways: said plainly, with the numbers.
    static func disagreement(_ a: IndicatorAssessment, v: (Double) -> String, _ l: Language) -> String {
        let ko = l == .ko
        guard let path = a.path, let trend = path.trendRatio, let latest = a.latest, let yi = latest.value, let y0 = a.baselineValue else { return "" }
        let trendGoesOn = IndicatorStatus.forRatio(trend) != .movingAway
        let point = ko ? "\(latest.period.korean) \(v(yi))" : "\(v(yi)) in \(latest.period.english)"
        let lead = ko ? ". 추세와 최근 값이 가리키는 방향이 다름: " : ". The trend and the latest value point different ways: "
        // Plainly, when the latest value itself stands behind the baseline (or ahead of it); an
        // "exactly" target can disagree by overshooting, and that is said by its projection.
        let plain = trendGoesOn ? path.p < 0 : path.p > 0
        if trendGoesOn {
            return lead + (ko
                ? (plain ? "추세선은 목표 쪽으로 가지만 최근 값(\(point))은 기준치(\(v(y0)))보다 목표에서 멀어짐. 판정은 추세선으로 함"
                         : "추세선은 목표 쪽으로 가지만 최근 값(\(point))만으로는 기한에 기준치보다 목표에서 더 멀어질 전망. 판정은 추세선으로 함")
                : (plain ? "the trend heads towards the target, but the latest value (\(point)) is further from it than the baseline (\(v(y0))); the verdict follows the trend"
                         : "the trend heads towards the target, but from the latest value (\(point)) alone it would end further from it than the baseline; the verdict follows the trend"))
        }
        return lead + (ko
            ? (plain ? "최근 값(\(point))은 기준치(\(v(y0)))보다 목표에 가깝지만 추세선은 목표에서 멀어짐. 판정은 추세선으로 함"
                     : "최근 값(\(point))만으로는 목표 쪽으로 갈 전망이지만 추세선은 목표에서 멀어짐. 판정은 추세선으로 함")
            : (plain ? "the latest value (\(point)) is closer to the target than the baseline (\(v(y0))), but the trend heads away from it; the verdict follows the trend"
                     : "from the latest value (\(point)) alone it would move towards the target, but the trend heads away from it; the verdict follows the trend"))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension AssessmentExplanation {
    /// "2022년까지 약속한 국고 3.1조원 중 2021년까지 1.2조원 집행(…): 보통".
    public static func budget(_ b: BudgetAssessment, _ l: Language) -> String {
        commitment(b.progress, kind: b.basis == .treasury ? .budget : .budgetTotalCost, l)
    }

    public static func commitment(_ c: CommitmentAssessment, kind: CommitmentKind, _ l: Language) -> String {
        let ko = l == .ko
        func amount(_ x: Int64) -> String {
            kind != .jobs ? QuantityFormatter.format(Double(x), unit: .won, language: l)
                : QuantityFormatter.format(Double(x), unit: .item, language: l, noun: "jobs")
        }
        guard let by = c.milestone, let committed = c.committed else {
            return ko ? "약속이 없음" : "No commitment"
        }
        let what = kind == .budget ? "국고" : kind == .budgetTotalCost ? "총사업비" : "일자리"
        let whatEn = kind == .budget ? " of treasury funds" : kind == .budgetTotalCost ? " of total cost" : ""
        let goal = ko ? "\(by.korean)까지 약속한 \(what) \(amount(committed))" : "\(amount(committed))\(whatEn) committed by \(by.english)"
        guard let through = c.throughYear else {
            return ko ? "\(goal): 보고된 실적이 없음" : "\(goal.capitalizedFirst): nothing reported yet"
        }
        let done = kind != .jobs ? (ko ? "집행" : "executed") : (ko ? "창출" : "created")
        let sameYear = through == by.end.year
        var s = ko ? "\(goal) 대비 \(sameYear ? "" : "\(through)년까지 ")\(amount(c.toDate)) \(done)"
            : "\(amount(c.toDate)) \(done)\(sameYear ? "" : " through \(through)") of \(goal)"
        if let path = c.path {
            let pct = { (x: Double) in QuantityFormatter.grouped((x * 100).rounded(), maxDecimals: 0) + "%" }
            s += ko ? "(기간의 \(pct(path.s)) 경과, 약속의 \(pct(path.p)), r = \(QuantityFormatter.grouped(path.r, maxDecimals: 2)))"
                : " (\(pct(path.s)) of the time, \(pct(path.p)) of the commitment, r = \(QuantityFormatter.grouped(path.r, maxDecimals: 2)))"
        }
        if c.status != .notYetAssessable { s += ": " + c.status.label(l) }
        return s
    }

    public enum CommitmentKind { case budget, budgetTotalCost, jobs }

    /// "기한(2020년 하반기)이 지났으나 추진 중: 지연".
    public static func task(_ t: TaskAssessment, _ l: Language) -> String {
        let ko = l == .ko
        let due = t.due.map { ko ? $0.korean : $0.english }
        let reported = t.latest.map { r in ko ? "\(r.asOfDay.korean) 보고: \(r.progress.korean)" : "reported \(r.asOfDay.english): \(r.progress.english)" }
        var s: String
        switch t.status {
        case .done:
            let day = t.latest.map { ko ? $0.asOfDay.korean : $0.asOfDay.english } ?? ""
            s = ko ? "\(day) 완료 보고" : "Reported done on \(day)"
            if t.completedLate, let due { s += ko ? "(기한 \(due)\(KoreanParticle.object(after: due)) 넘겨 완료)" : " (after the due date, \(due))" }
        case .late:
            s = ko ? "기한(\(due ?? ""))이 지났으나 아직 완료되지 않음(\(reported ?? ""))"
                : "Past its due date (\(due ?? "")) and not done (\(reported ?? ""))"
        case .unreported:
            s = ko ? "기한(\(due ?? ""))이 지났으나 진행 보고가 없음" : "Past its due date (\(due ?? "")) and nothing reported"
        case .onSchedule:
            s = ko ? "추진 중(\(reported ?? "")), 기한 \(due ?? "없음")" : "In progress (\(reported ?? "")); due \(due ?? "none")"
        case .notStarted:
            s = ko ? "착수 보고 없음, 기한 \(due ?? "없음")" : "No start reported; due \(due ?? "none")"
        }
        if let evidence = t.latest?.evidence, !evidence.isEmpty { s += ko ? ". 근거: \(evidence)" : ". Evidence: \(evidence)" }
        return s
    }
}

extension CalendarDay {
    public var korean: String { "\(year)년 \(month)월 \(day)일" }
    public var english: String { "\(day) \(Period.monthNames[month - 1]) \(year)" }
}
