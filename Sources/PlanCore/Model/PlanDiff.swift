/// What changed between two versions of a plan, item by item: projects, budgets, jobs,
/// indicators and their targets, tasks and the laws they amend. Korea's New Deal was revised a
/// year after it was published; this is how a reader sees what moved.
public struct PlanChange: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case added, removed, changed }

    public var kind: Kind
    /// What it is about: `project 1-1`, `indicator 1-4.gci-rank`, `budget 1-1 by 2025`.
    public var subject: String
    public var field: String?
    public var old: String?
    public var new: String?

    public var description: String {
        switch kind {
        case .added: return "+ \(subject)" + (new.map { ": \($0)" } ?? "")
        case .removed: return "- \(subject)" + (old.map { ": \($0)" } ?? "")
        case .changed: return "~ \(subject)\(field.map { " \($0)" } ?? ""): \(old ?? "–") → \(new ?? "–")"
        }
    }
}

public enum PlanDiff {
    public static func changes(from a: Plan, to b: Plan) -> [PlanChange] {
        var out: [PlanChange] = []
        func compare(_ subject: String, _ field: String, _ x: String?, _ y: String?) {
            if x != y { out.append(PlanChange(kind: .changed, subject: subject, field: field, old: x, new: y)) }
        }
        compare("plan", "title", a.title.ko, b.title.ko)
        compare("plan", "period", "\(a.start.iso)–\(a.end.iso)", "\(b.start.iso)–\(b.end.iso)")

        let oldProjects = Dictionary(a.projects.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newProjects = Dictionary(b.projects.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for p in a.projects where newProjects[p.id] == nil {
            out.append(PlanChange(kind: .removed, subject: "project \(p.id)", old: p.title.ko))
        }
        for p in b.projects {
            guard let old = oldProjects[p.id] else {
                out.append(PlanChange(kind: .added, subject: "project \(p.id)", new: p.title.ko))
                continue
            }
            compare("project \(p.id)", "title", old.title.ko, p.title.ko)
            commitments(&out, "budget \(p.id)", old.budget.map { ($0.by, money($0)) }, p.budget.map { ($0.by, money($0)) })
            commitments(&out, "jobs \(p.id)", old.jobs.map { ($0.by, count($0.count)) }, p.jobs.map { ($0.by, count($0.count)) })
        }

        let oldIndicators = Dictionary(a.indicators.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newIndicators = Dictionary(b.indicators.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for i in a.indicators where newIndicators[i.id] == nil {
            out.append(PlanChange(kind: .removed, subject: "indicator \(i.id)", old: i.name.ko + " (its reported values are kept)"))
        }
        for i in b.indicators {
            guard let old = oldIndicators[i.id] else {
                out.append(PlanChange(kind: .added, subject: "indicator \(i.id)", new: i.name.ko))
                continue
            }
            let s = "indicator \(i.id)"
            compare(s, "name", old.name.ko, i.name.ko)
            compare(s, "unit", old.unit?.symbol, i.unit?.symbol)
            compare(s, "direction", old.direction.rawValue, i.direction.rawValue)
            compare(s, "method", old.method.rawValue, i.method.rawValue)
            compare(s, "baseline", baseline(old), baseline(i))
            commitments(&out, "target \(i.id)", old.targets.map { ($0.due, target($0, old)) }, i.targets.map { ($0.due, target($0, i)) })
        }

        let oldTasks = Dictionary(a.tasks.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let newTasks = Dictionary(b.tasks.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        for t in a.tasks where newTasks[t.id] == nil {
            out.append(PlanChange(kind: .removed, subject: "\(t.kind.rawValue) \(t.id)", old: t.title.ko))
        }
        for t in b.tasks {
            guard let old = oldTasks[t.id] else {
                out.append(PlanChange(kind: .added, subject: "\(t.kind.rawValue) \(t.id)", new: t.title.ko))
                for law in t.laws { out.append(PlanChange(kind: .added, subject: "law 「\(law.name.ko)」", new: "\(law.action.rawValue), task \(t.id)")) }
                continue
            }
            let s = "\(t.kind.rawValue) \(t.id)"
            compare(s, "title", old.title.ko, t.title.ko)
            compare(s, "due", old.due?.iso, t.due?.iso)
            compare(s, "kind", old.kind.rawValue, t.kind.rawValue)
            let oldLaws = Set(old.laws.map { "\($0.name.ko)|\($0.action.rawValue)" })
            let newLaws = Set(t.laws.map { "\($0.name.ko)|\($0.action.rawValue)" })
            for law in old.laws where !newLaws.contains("\(law.name.ko)|\(law.action.rawValue)") {
                out.append(PlanChange(kind: .removed, subject: "law 「\(law.name.ko)」", old: "\(law.action.rawValue), task \(t.id)"))
            }
            for law in t.laws where !oldLaws.contains("\(law.name.ko)|\(law.action.rawValue)") {
                out.append(PlanChange(kind: .added, subject: "law 「\(law.name.ko)」", new: "\(law.action.rawValue), task \(t.id)"))
            }
        }
        return out
    }

    private static func commitments(_ out: inout [PlanChange], _ subject: String, _ a: [(Period, String)], _ b: [(Period, String)]) {
        let old = Dictionary(a, uniquingKeysWith: { x, _ in x })
        let new = Dictionary(b, uniquingKeysWith: { x, _ in x })
        for (by, v) in a where new[by] == nil { out.append(PlanChange(kind: .removed, subject: "\(subject) by \(by.iso)", old: v)) }
        for (by, v) in b {
            if let o = old[by] {
                if o != v { out.append(PlanChange(kind: .changed, subject: "\(subject) by \(by.iso)", old: o, new: v)) }
            } else {
                out.append(PlanChange(kind: .added, subject: "\(subject) by \(by.iso)", new: v))
            }
        }
    }

    private static func money(_ b: BudgetCommitment) -> String {
        "총사업비 \(QuantityFormatter.korean(Double(b.totalCost), unit: .won))" + (b.treasury.map { ", 국고 \(QuantityFormatter.korean(Double($0), unit: .won))" } ?? "")
    }

    private static func count(_ n: Int64) -> String { QuantityFormatter.korean(Double(n), unit: .item) }

    private static func baseline(_ i: Indicator) -> String? {
        guard let b = i.baseline else { return nil }
        let v = b.value.map { QuantityFormatter.korean($0, unit: i.unit) } ?? b.text?.ko ?? ""
        return "\(v) (\(b.period.iso))"
    }

    private static func target(_ t: Target, _ i: Indicator) -> String {
        let v = t.value.map { QuantityFormatter.korean($0, unit: i.unit) } ?? t.text?.ko ?? ""
        return t.value != nil && t.comparator != i.direction.defaultComparator ? "\(v) \(t.comparator.korean)" : v
    }
}
