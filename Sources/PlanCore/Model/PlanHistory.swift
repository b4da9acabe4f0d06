/// A plan's versions in the order they took effect: the original promise and every revision
/// since, each a whole plan. As of a day, the version in force then decides targets, budgets and
/// structure; the original is kept beside it so a reader can see both the moved goalposts and
/// the first promise.
public struct PlanHistory: Sendable {
    /// One version: the plan, its lookups and the day it took effect.
    public struct Version: Sendable {
        public let plan: Plan
        public let index: PlanIndex
        public let effective: CalendarDay
        /// 0 for the original, then 1, 2 … in the order the versions took effect.
        public let number: Int
    }

    /// In effective order; never empty.
    public let versions: [Version]

    /// Orders `plans` by the day each took effect (`Plan.effective`). Of several taking effect on
    /// the same day, the last given wins: a corrected copy of a version replaces it.
    public init(_ plans: [Plan]) {
        precondition(!plans.isEmpty, "a plan history has at least one version")
        var byDay: [CalendarDay: Plan] = [:]
        for plan in plans { byDay[plan.effective] = plan }
        versions = byDay.keys.sorted().enumerated().map { n, day in
            let plan = byDay[day]!
            return Version(plan: plan, index: PlanIndex(plan), effective: day, number: n)
        }
    }

    public init(_ plan: Plan) { self.init([plan]) }

    public var original: Version { versions[0] }
    public var latest: Version { versions[versions.count - 1] }
    public var isRevised: Bool { versions.count > 1 }

    /// The version in force on `day`: the last to take effect on or before it (the original
    /// before the plan was published, since nothing else was promised then).
    public func inForce(on day: CalendarDay) -> Version {
        versions.last { $0.effective <= day } ?? original
    }

    /// The plan's ending as recorded by its latest version, once `day` has reached it.
    public func ending(asOf day: CalendarDay) -> PlanEnding? {
        guard let ending = latest.plan.ended, ending.on <= day else { return nil }
        return ending
    }

    /// Every revision in the order it took effect, with its changes computed from the version before.
    public var revisions: [RevisionRecord] {
        versions.indices.dropFirst().compactMap { i in
            let before = versions[i - 1], after = versions[i]
            return RevisionRecord(number: after.number, effective: after.effective, revision: after.plan.revision,
                                  changes: PlanDiff.changes(from: before.plan, to: after.plan))
        }
    }

    /// The revisions up to `day` that changed something about one of `items`: what a page about
    /// them links to.
    public func revisions(touching items: Set<PlanChange.Item>, through day: CalendarDay) -> [RevisionRecord] {
        revisions.filter { $0.effective <= day }.compactMap { record in
            let changes = record.changes.filter { items.contains($0.item) }
            return changes.isEmpty ? nil : RevisionRecord(number: record.number, effective: record.effective, revision: record.revision, changes: changes)
        }
    }

    /// The targets of an indicator in each version that had it, oldest first, keeping only the
    /// versions that changed them: its target history.
    public func targetHistory(of indicatorId: String) -> [(version: Version, indicator: Indicator)] {
        var out: [(Version, Indicator)] = []
        for v in versions {
            guard let position = v.index.indicatorIndex[indicatorId] else { continue }
            let indicator = v.index.indicators[position]
            if let last = out.last?.1, last.targets == indicator.targets, last.baseline == indicator.baseline { continue }
            out.append((v, indicator))
        }
        return out
    }
}

/// One revision as the public record shows it: when, what it is called, its sources, and what
/// changed, old → new.
public struct RevisionRecord: Sendable {
    public let number: Int
    public let effective: CalendarDay
    /// Nil for a version loaded without a `revision` block (an older store's plan file).
    public let revision: PlanRevision?
    public let changes: [PlanChange]
}

extension PlanHistory {
    /// The lookups facts are grouped by: the latest version's indicators in its order, then any
    /// indicator only an earlier version had (a dropped indicator keeps its reported values).
    /// The latest version's positions are its own, so judging today needs no translation.
    public var factIndex: PlanIndex {
        let latestIds = Set(latest.index.indicators.map(\.id))
        var seen = latestIds
        var dropped: [Indicator] = []
        for v in versions.reversed() {
            for i in v.index.indicators where !seen.contains(i.id) {
                seen.insert(i.id)
                dropped.append(i)
            }
        }
        guard !dropped.isEmpty else { return latest.index }
        var plan = latest.plan
        plan.pillars.append(Pillar(id: "\u{1F}dropped", title: LocalizedText(ko: "삭제된 지표", en: "Dropped indicators"),
                                   projects: [Project(id: "\u{1F}dropped", title: LocalizedText(ko: "삭제된 지표", en: "Dropped indicators"), indicators: dropped)]))
        return PlanIndex(plan)
    }

    /// For each indicator position of `version`, its position in `factIndex`.
    public func slots(of version: Version, in factIndex: PlanIndex) -> [Int] {
        version.index.indicators.map { factIndex.indicatorIndex[$0.id]! }
    }
}
