/// What changed between two versions of a plan, item by item: the plan's own budget and jobs,
/// pillars, projects, budgets, jobs, indicators and their targets, tasks and the laws they amend.
/// Numbers say which way they moved (`raised`, `lowered`), so a revision's record reads as a
/// reader asks: were the goalposts moved, and which way?
public enum PlanDiff {
    public static func changes(from a: Plan, to b: Plan) -> [PlanChange] {
        var diff = Collector()
        let planName = b.title
        diff.compareText(.plan, planName, "plan", "title", a.title, b.title)
        if a.start != b.start || a.end != b.end {
            diff.append(.changed, .plan, planName, "plan", field: "period",
                        old: LocalizedText(ko: "\(a.start.iso)–\(a.end.iso)"), new: LocalizedText(ko: "\(b.start.iso)–\(b.end.iso)"))
        }
        diff.budgets(.plan, planName, "plan", a.budget, b.budget)
        diff.jobs(.plan, planName, "plan", a.jobs, b.jobs)

        let oldPillars = Dictionary(a.pillars.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newPillars = Set(b.pillars.map(\.id))
        for p in a.pillars where !newPillars.contains(p.id) {
            diff.append(.removed, .pillar(p.id), p.title, "pillar \(p.id)", old: p.title)
        }
        for p in b.pillars {
            guard let old = oldPillars[p.id] else {
                diff.append(.added, .pillar(p.id), p.title, "pillar \(p.id)", new: p.title)
                diff.budgets(.pillar(p.id), p.title, "pillar \(p.id)", [], p.budget)
                diff.jobs(.pillar(p.id), p.title, "pillar \(p.id)", [], p.jobs)
                continue
            }
            diff.compareText(.pillar(p.id), p.title, "pillar \(p.id)", "title", old.title, p.title)
            diff.budgets(.pillar(p.id), p.title, "pillar \(p.id)", old.budget, p.budget)
            diff.jobs(.pillar(p.id), p.title, "pillar \(p.id)", old.jobs, p.jobs)
        }

        let oldProjects = Dictionary(a.projects.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newProjects = Set(b.projects.map(\.id))
        for p in a.projects where !newProjects.contains(p.id) {
            diff.append(.removed, .project(p.id), p.title, "project \(p.id)", old: p.title)
        }
        for p in b.projects {
            guard let old = oldProjects[p.id] else {
                diff.append(.added, .project(p.id), p.title, "project \(p.id)", new: p.title)
                diff.budgets(.project(p.id), p.title, p.id, [], p.budget)
                diff.jobs(.project(p.id), p.title, p.id, [], p.jobs)
                continue
            }
            diff.compareText(.project(p.id), p.title, "project \(p.id)", "title", old.title, p.title)
            if old.leadOrganizations != p.leadOrganizations {
                diff.append(.changed, .project(p.id), p.title, "project \(p.id)", field: "lead",
                            old: LocalizedText(ko: old.leadOrganizations.joined(separator: ", ")), new: LocalizedText(ko: p.leadOrganizations.joined(separator: ", ")))
            }
            diff.budgets(.project(p.id), p.title, p.id, old.budget, p.budget)
            diff.jobs(.project(p.id), p.title, p.id, old.jobs, p.jobs)
        }

        // Indicators and tasks: only those that differ, when the two versions hold the same projects.
        let (na, nb) = Self.narrowed(a, b)
        let oldIndicators = Dictionary(na.indicators.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newIndicators = Set(nb.indicators.map(\.id))
        for i in na.indicators where !newIndicators.contains(i.id) {
            diff.append(.removed, .indicator(i.id), i.name, "indicator \(i.id)",
                        old: LocalizedText(ko: i.name.ko + " (보고된 값은 보존됨)", en: i.name[.en] + " (its reported values are kept)"))
        }
        for i in nb.indicators {
            guard let old = oldIndicators[i.id] else {
                diff.append(.added, .indicator(i.id), i.name, "indicator \(i.id)", new: i.name)
                continue
            }
            // Most of a revision's indicators are as they were: passed over before anything is written out.
            if old == i { continue }
            let s = "indicator \(i.id)"
            diff.compareText(.indicator(i.id), i.name, s, "name", old.name, i.name)
            diff.compare(.indicator(i.id), i.name, s, "unit", old.unit?.symbol, i.unit?.symbol)
            diff.compare(.indicator(i.id), i.name, s, "direction", old.direction.rawValue, i.direction.rawValue)
            diff.compare(.indicator(i.id), i.name, s, "method", old.method.rawValue, i.method.rawValue)
            diff.compare(.indicator(i.id), i.name, s, "accumulation", old.accumulation.rawValue, i.accumulation.rawValue)
            if old.baseline != i.baseline, Render.baseline(old) != Render.baseline(i) {
                diff.append(.changed, .indicator(i.id), i.name, s, field: "baseline", old: Render.baseline(old), new: Render.baseline(i))
            }
            diff.targets(i, old)
        }

        let oldTasks = Dictionary(na.tasks.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newTasks = Set(nb.tasks.map(\.id))
        for t in na.tasks where !newTasks.contains(t.id) {
            diff.append(.removed, .task(t.id), t.title, "\(t.kind.rawValue) \(t.id)", old: t.title)
        }
        for t in nb.tasks {
            let s = "\(t.kind.rawValue) \(t.id)"
            guard let old = oldTasks[t.id] else {
                diff.append(.added, .task(t.id), t.title, s, new: t.title)
                for law in t.laws { diff.append(.added, .task(t.id), t.title, "law 「\(law.name.ko)」", new: Render.law(law, task: t.id)) }
                continue
            }
            if old == t { continue }
            diff.compareText(.task(t.id), t.title, s, "title", old.title, t.title)
            diff.compare(.task(t.id), t.title, s, "due", old.dueAsWritten ?? old.due?.iso, t.dueAsWritten ?? t.due?.iso)
            diff.compare(.task(t.id), t.title, s, "kind", old.kind.rawValue, t.kind.rawValue)
            if old.organizations != t.organizations {
                diff.append(.changed, .task(t.id), t.title, s, field: "organizations",
                            old: LocalizedText(ko: old.organizations.joined(separator: ", ")), new: LocalizedText(ko: t.organizations.joined(separator: ", ")))
            }
            let oldLaws = Set(old.laws.map { "\($0.name.ko)|\($0.action.rawValue)" })
            let newLaws = Set(t.laws.map { "\($0.name.ko)|\($0.action.rawValue)" })
            for law in old.laws where !newLaws.contains("\(law.name.ko)|\(law.action.rawValue)") {
                diff.append(.removed, .task(t.id), t.title, "law 「\(law.name.ko)」", old: Render.law(law, task: t.id))
            }
            for law in t.laws where !oldLaws.contains("\(law.name.ko)|\(law.action.rawValue)") {
                diff.append(.added, .task(t.id), t.title, "law 「\(law.name.ko)」", new: Render.law(law, task: t.id))
            }
        }
        return diff.changes
    }

    /// The two versions with only the indicators and tasks that differ, when both hold the same
    /// pillars and projects in the same order (as every revision made in the editor does): a
    /// project's items are narrowed to the differing ones when it holds the same ids, and kept
    /// whole when it does not. Otherwise the versions as they are. A revision of 1,000
    /// indicators of a plan of 100,000 is then compared item by item on 1,000, not 100,000.
    static func narrowed(_ a: Plan, _ b: Plan) -> (Plan, Plan) {
        guard a.pillars.count == b.pillars.count else { return (a, b) }
        var na = a, nb = b
        for p in a.pillars.indices {
            let pa = a.pillars[p], pb = b.pillars[p]
            guard pa.id == pb.id, pa.projects.count == pb.projects.count,
                  zip(pa.projects, pb.projects).allSatisfy({ $0.id == $1.id }) else { return (a, b) }
            let changed = pa.projects.indices.filter { pa.projects[$0] != pb.projects[$0] }
            na.pillars[p].projects = changed.map { pa.projects[$0] }
            nb.pillars[p].projects = changed.map { pb.projects[$0] }
            for (k, j) in changed.enumerated() {
                let (ja, jb) = (pa.projects[j], pb.projects[j])
                if ja.indicators.map(\.id) == jb.indicators.map(\.id) {
                    let differ = ja.indicators.indices.filter { ja.indicators[$0] != jb.indicators[$0] }
                    na.pillars[p].projects[k].indicators = differ.map { ja.indicators[$0] }
                    nb.pillars[p].projects[k].indicators = differ.map { jb.indicators[$0] }
                }
                if ja.tasks.map(\.id) == jb.tasks.map(\.id) {
                    let differ = ja.tasks.indices.filter { ja.tasks[$0] != jb.tasks[$0] }
                    na.pillars[p].projects[k].tasks = differ.map { ja.tasks[$0] }
                    nb.pillars[p].projects[k].tasks = differ.map { jb.tasks[$0] }
                }
            }
        }
        return (na, nb)
    }

    /// Gathers changes; each comparison appends only when something differs.
    private struct Collector {
        var changes: [PlanChange] = []

        mutating func append(_ kind: PlanChange.Kind, _ item: PlanChange.Item, _ name: LocalizedText, _ subject: String,
                             field: String? = nil, old: LocalizedText? = nil, new: LocalizedText? = nil) {
            changes.append(PlanChange(kind: kind, item: item, name: name, subject: subject, field: field, old: old, new: new))
        }

        mutating func compare(_ item: PlanChange.Item, _ name: LocalizedText, _ subject: String, _ field: String, _ x: String?, _ y: String?) {
            if x != y { append(.changed, item, name, subject, field: field, old: x.map { LocalizedText(ko: $0) }, new: y.map { LocalizedText(ko: $0) }) }
        }

        mutating func compareText(_ item: PlanChange.Item, _ name: LocalizedText, _ subject: String, _ field: String, _ x: LocalizedText, _ y: LocalizedText) {
            if x != y { append(.reworded, item, name, subject, field: field, old: x, new: y) }
        }

        /// Commitments by their `by` period: added, dropped, raised or lowered.
        mutating func commitments(_ item: PlanChange.Item, _ name: LocalizedText, _ subject: String,
                                  _ a: [(by: Period, amount: Int64, text: LocalizedText)], _ b: [(by: Period, amount: Int64, text: LocalizedText)]) {
            let old = Dictionary(a.map { ($0.by, $0) }, uniquingKeysWith: { x, _ in x })
            let new = Set(b.map(\.by))
            for c in a where !new.contains(c.by) { append(.removed, item, name, "\(subject) by \(c.by.iso)", old: c.text) }
            for c in b {
                guard let o = old[c.by] else {
                    append(.added, item, name, "\(subject) by \(c.by.iso)", new: c.text)
                    continue
                }
                guard o.text != c.text else { continue }
                let kind: PlanChange.Kind = c.amount > o.amount ? .raised : c.amount < o.amount ? .lowered : .changed
                append(kind, item, name, "\(subject) by \(c.by.iso)", old: o.text, new: c.text)
            }
        }

        mutating func budgets(_ item: PlanChange.Item, _ name: LocalizedText, _ owner: String, _ a: [BudgetCommitment], _ b: [BudgetCommitment]) {
            guard a != b else { return }
            commitments(item, name, "budget \(owner)", a.map { ($0.by, $0.committed, Render.money($0)) }, b.map { ($0.by, $0.committed, Render.money($0)) })
        }

        mutating func jobs(_ item: PlanChange.Item, _ name: LocalizedText, _ owner: String, _ a: [JobsCommitment], _ b: [JobsCommitment]) {
            guard a != b else { return }
            commitments(item, name, "jobs \(owner)", a.map { ($0.by, $0.count, Render.count($0.count)) }, b.map { ($0.by, $0.count, Render.count($0.count)) })
        }

        /// Targets by due period; a number moved towards more ambition is raised, whichever way
        /// the indicator counts (a better rank is a smaller number).
        mutating func targets(_ i: Indicator, _ old: Indicator) {
            let subject = "target \(i.id)"
            let before = Dictionary(old.targets.map { ($0.due, $0) }, uniquingKeysWith: { x, _ in x })
            let after = Set(i.targets.map(\.due))
            for t in old.targets where !after.contains(t.due) {
                append(.removed, .indicator(i.id), i.name, "\(subject) by \(t.due.iso)", old: Render.target(t, old))
            }
            for t in i.targets {
                guard let o = before[t.due] else {
                    append(.added, .indicator(i.id), i.name, "\(subject) by \(t.due.iso)", new: Render.target(t, i))
                    continue
                }
                let x = Render.target(o, old), y = Render.target(t, i)
                guard x != y else { continue }
                var kind: PlanChange.Kind = .changed
                if let v0 = o.value, let v1 = t.value, o.comparator == t.comparator, i.direction != .maintain, v0 != v1 {
                    kind = (v1 > v0) == (i.direction == .increase) ? .raised : .lowered
                } else if o.isQualitative && t.isQualitative {
                    kind = .reworded
                }
                append(kind, .indicator(i.id), i.name, "\(subject) by \(t.due.iso)", old: x, new: y)
            }
        }
    }

    /// How changed values are written, in both languages.
    enum Render {
        static func money(_ b: BudgetCommitment) -> LocalizedText {
            func won(_ v: Int64, _ l: Language) -> String { QuantityFormatter.format(Double(v), unit: .won, language: l) }
            var ko: [String] = [], en: [String] = []
            if let t = b.totalCost { ko.append("총사업비 \(won(t, .ko))"); en.append("total cost \(won(t, .en))") }
            if let t = b.treasury { ko.append("국고 \(won(t, .ko))"); en.append("treasury \(won(t, .en))") }
            if let t = b.amount { ko.append("\(won(t, .ko))(재원 구분 없음)"); en.append("\(won(t, .en)) (kind not stated)") }
            return LocalizedText(ko: ko.joined(separator: ", "), en: en.joined(separator: ", "))
        }

        static func count(_ n: Int64) -> LocalizedText {
            LocalizedText(ko: QuantityFormatter.korean(Double(n), unit: .item), en: QuantityFormatter.english(Double(n), unit: .item))
        }

        static func baseline(_ i: Indicator) -> LocalizedText? {
            guard let b = i.baseline else { return nil }
            let ko = b.value.map { QuantityFormatter.korean($0, unit: i.unit) } ?? b.text?.ko ?? ""
            let en = b.value.map { QuantityFormatter.english($0, unit: i.unit) } ?? b.text?[.en] ?? ""
            return LocalizedText(ko: "\(ko) (\(b.period.iso))", en: "\(en) (\(b.period.iso))")
        }

        static func target(_ t: Target, _ i: Indicator) -> LocalizedText {
            guard let v = t.value else { return t.text ?? LocalizedText(ko: "") }
            let explicit = t.comparator != i.direction.defaultComparator
            return LocalizedText(ko: QuantityFormatter.korean(v, unit: i.unit) + (explicit ? " \(t.comparator.korean)" : ""),
                                 en: (explicit ? "\(t.comparator.english) " : "") + QuantityFormatter.english(v, unit: i.unit))
        }

        static func law(_ law: Law, task: String) -> LocalizedText {
            LocalizedText(ko: "\(law.action.rawValue), task \(task)", en: "\(law.action.english) 「\(law.name[.en])」, task \(task)")
        }
    }
}
