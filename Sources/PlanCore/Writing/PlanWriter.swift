/// Writes a `Plan` as a plan file (`planwatch-plan/1`, docs/plan-format.md) that `PlanLoader`
/// reads back as the same plan: the wording kept beside each value (`asWritten`), every note,
/// the revision and the ending. It is the file door of the plan editor: a draft downloaded,
/// changed and uploaded again is the same draft, and a draft approved is stored as this file.
///
/// Values are written in their normalised form (`142000`, `2021-H2`); the plan's own wording
/// stays in `asWritten`. Defaults the loader would infer (a count's accumulation, a rank's
/// direction, the natural bounds) are left out, as a person writes the file.
public enum PlanWriter {
    public static func yaml(_ plan: Plan) -> String {
        YAMLEmitter.write(tree(plan))
    }

    public static func tree(_ plan: Plan) -> YAMLTree {
        var m = Mapping()
        m["format"] = .scalar(PlanLoader.formatTag)
        m["id"] = .scalar(plan.id)
        m["title"] = text(plan.title)
        m["summary"] = plan.summary.map(text)
        m["period"] = .mapping([YAMLEntry("start", .scalar(plan.start.iso)), YAMLEntry("end", .scalar(plan.end.iso))])
        m["currency"] = .scalar(plan.currency)
        m["source"] = plan.source.map(text)
        m["sourceURL"] = plan.sourceURL.map(YAMLTree.scalar)
        m["note"] = plan.note.map(text)
        m["published"] = plan.published.map { .scalar($0.iso) }
        m["budget"] = list(plan.budget.map(budget))
        m["jobs"] = list(plan.jobs.map(jobs))
        m["revision"] = plan.revision.map(revision)
        m["ended"] = plan.ended.map(ending)
        m["organizations"] = list(plan.organizations.map(organization))
        m["pillars"] = .sequence(plan.pillars.map(pillar))
        return m.tree
    }

    // MARK: Parts

    public static func organization(_ o: Organization) -> YAMLTree {
        var m = Mapping()
        m["id"] = .scalar(o.id)
        m["name"] = text(o.name)
        m["abbreviation"] = o.abbreviation.map(text)
        return m.tree
    }

    public static func pillar(_ p: Pillar) -> YAMLTree {
        var m = Mapping()
        m["id"] = .scalar(p.id)
        m["title"] = text(p.title)
        m["summary"] = p.summary.map(text)
        m["budget"] = list(p.budget.map(budget))
        m["jobs"] = list(p.jobs.map(jobs))
        m["projects"] = .sequence(p.projects.map(project))
        return m.tree
    }

    public static func project(_ p: Project) -> YAMLTree {
        var m = Mapping()
        m["id"] = .scalar(p.id)
        m["title"] = text(p.title)
        m["summary"] = p.summary.map(text)
        m["situation"] = p.situation.map(text)
        m["vision"] = p.vision.map(text)
        m["lead"] = list(p.leadOrganizations.map(YAMLTree.scalar))
        m["budget"] = list(p.budget.map(budget))
        m["jobs"] = list(p.jobs.map(jobs))
        m["indicators"] = list(p.indicators.map(indicator))
        m["tasks"] = list(p.tasks.map(task))
        m["note"] = p.note.map(text)
        return m.tree
    }

    public static func budget(_ b: BudgetCommitment) -> YAMLTree {
        var m = Mapping()
        m["by"] = .scalar(b.by.iso)
        m["totalCost"] = b.totalCost.map { .scalar(String($0)) }
        m["treasury"] = b.treasury.map { .scalar(String($0)) }
        m["amount"] = b.amount.map { .scalar(String($0)) }
        m["asWritten"] = b.asWritten.map(YAMLTree.scalar)
        m["note"] = b.note.map(text)
        return m.tree
    }

    public static func jobs(_ j: JobsCommitment) -> YAMLTree {
        var m = Mapping()
        m["by"] = .scalar(j.by.iso)
        m["count"] = .scalar(String(j.count))
        m["asWritten"] = j.asWritten.map(YAMLTree.scalar)
        m["note"] = j.note.map(text)
        return m.tree
    }

    public static func indicator(_ i: Indicator) -> YAMLTree {
        var m = Mapping()
        m["id"] = .scalar(i.id)
        m["name"] = text(i.name)
        m["group"] = i.group.map(text)
        m["row"] = i.row.map(YAMLTree.scalar)
        m["part"] = i.part.map(text)
        m["unit"] = i.unit.map { .scalar($0.symbol) }
        let measure = i.unit?.defaultMeasure ?? .qualitative
        if i.measure != measure { m["measure"] = .scalar(i.measure.rawValue) }
        if i.direction != (i.measure == .rank ? .decrease : .increase) { m["direction"] = .scalar(i.direction.rawValue) }
        if i.accumulation != (i.measure == .count ? .cumulative : .level) { m["accumulation"] = .scalar(i.accumulation.rawValue) }
        if i.method != .linear { m["method"] = .scalar(i.method.rawValue) }
        let natural = Bounds.natural(for: i.measure)
        if i.bounds != natural {
            var b = Mapping()
            if let min = i.bounds.min, min != natural.min { b["min"] = .scalar(number(min)) }
            if let max = i.bounds.max, max != natural.max { b["max"] = .scalar(number(max)) }
            m["bounds"] = b.tree
        }
        m["baseline"] = i.baseline.map(baseline)
        m["targets"] = .sequence(i.targets.map { target($0, i) })
        m["note"] = i.note.map(text)
        return m.tree
    }

    public static func baseline(_ b: Baseline) -> YAMLTree {
        var m = Mapping()
        m["period"] = .scalar(b.period.iso)
        m["value"] = b.value.map { .scalar(number($0)) }
        m["text"] = b.text.map(text)
        m["asWritten"] = b.asWritten.map(YAMLTree.scalar)
        m["note"] = b.note.map(text)
        return m.tree
    }

    public static func target(_ t: Target, _ i: Indicator) -> YAMLTree {
        var m = Mapping()
        m["due"] = .scalar(t.due.iso)
        m["value"] = t.value.map { .scalar(number($0)) }
        m["text"] = t.text.map(text)
        if t.comparator != i.direction.defaultComparator { m["comparator"] = .scalar(t.comparator.rawValue) }
        m["asWritten"] = t.asWritten.map(YAMLTree.scalar)
        m["column"] = t.column.map { .scalar(String($0)) }
        m["note"] = t.note.map(text)
        return m.tree
    }

    public static func task(_ t: PlanTask) -> YAMLTree {
        var m = Mapping()
        m["id"] = .scalar(t.id)
        m["kind"] = .scalar(t.kind.rawValue)
        m["section"] = t.section.map(text)
        m["title"] = text(t.title)
        m["detail"] = t.detail.map(text)
        m["parent"] = t.parent.map(YAMLTree.scalar)
        m["due"] = due(t).map(YAMLTree.scalar)
        m["organizations"] = list(t.organizations.map(YAMLTree.scalar))
        m["laws"] = list(t.laws.map(law))
        m["tracks"] = list(t.tracks.map(YAMLTree.scalar))
        m["indicators"] = list(t.indicators.map(indicator))
        m["note"] = t.note.map(text)
        return m.tree
    }

    /// A task's `due` as the plan wrote it, or the form the loader reads back as the same start and end.
    static func due(_ t: PlanTask) -> String? {
        if let written = t.dueAsWritten { return written }
        switch (t.start, t.due) {
        case (nil, let due?): return due.iso
        case (let start?, nil): return "\(start.iso)~"
        case (let start?, let due?): return "\(start.iso)~\(due.iso)"
        case (nil, nil): return nil
        }
    }

    public static func law(_ l: Law) -> YAMLTree {
        var m = Mapping()
        m["name"] = text(l.name)
        m["action"] = .scalar(l.action.rawValue)
        m["due"] = l.due.map { .scalar($0.iso) }
        m["note"] = l.note.map(text)
        return m.tree
    }

    public static func revision(_ r: PlanRevision) -> YAMLTree {
        var m = Mapping()
        m["effective"] = .scalar(r.effective.iso)
        m["title"] = text(r.title)
        m["summary"] = r.summary.map(text)
        m["sources"] = .sequence(r.sources.map(source))
        m["explanations"] = list(r.explanations.map(explanation))
        m["notGiven"] = list(r.notGiven.map(text))
        m["note"] = r.note.map(text)
        return m.tree
    }

    public static func explanation(_ e: ChangeExplanation) -> YAMLTree {
        var m = Mapping()
        m["about"] = .scalar(e.about)
        m["sources"] = list(e.sources.map(YAMLTree.scalar))
        m["note"] = e.note.map(text)
        return m.tree
    }

    public static func source(_ s: PlanSource) -> YAMLTree {
        var m = Mapping()
        m["id"] = .scalar(s.id)
        m["publisher"] = text(s.publisher)
        m["title"] = s.title.map(YAMLTree.scalar)
        m["url"] = s.url.map(YAMLTree.scalar)
        m["published"] = s.published.map { .scalar($0.iso) }
        m["quote"] = s.quote.map(YAMLTree.scalar)
        m["note"] = s.note.map(text)
        return m.tree
    }

    public static func ending(_ e: PlanEnding) -> YAMLTree {
        var m = Mapping()
        m["on"] = .scalar(e.on.iso)
        m["kind"] = .scalar(e.kind.rawValue)
        m["successor"] = e.successor.map(text)
        m["summary"] = text(e.summary)
        m["sources"] = .sequence(e.sources.map(source))
        m["continued"] = list(e.continued.map { c in
            var item = Mapping()
            item["indicator"] = .scalar(c.indicator)
            item["successorTarget"] = text(c.successorTarget)
            item["source"] = c.source.map(YAMLTree.scalar)
            return item.tree
        })
        m["note"] = e.note.map(text)
        return m.tree
    }

    // MARK: Leaves

    /// Korean only as plain text; with English as `{ko, en}`.
    public static func text(_ t: LocalizedText) -> YAMLTree {
        guard let en = t.en else { return .scalar(t.ko) }
        return .mapping([YAMLEntry("ko", .scalar(t.ko)), YAMLEntry("en", .scalar(en))])
    }

    /// A number the loader reads back as exactly `v`: digits, a point and a minus sign only.
    public static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        let shortest = plainDecimal(v)
        if reads(shortest, as: v) { return shortest }
        // The loader divides the digits by a power of ten it builds by multiplying; find the
        // digits and scale that give `v` under that arithmetic.
        for fraction in 1...40 {
            let scaled = (v * KoreanNumberParser.pow10(fraction)).rounded()
            guard abs(scaled) < 9e18 else { break }
            let candidate = decimal(Int64(scaled), fraction: fraction)
            if reads(candidate, as: v) { return candidate }
        }
        return shortest
    }

    private static func reads(_ text: String, as v: Double) -> Bool {
        (try? KoreanNumberParser.parse(text))?.value == v
    }

    /// Swift's shortest form of `v`, with any exponent written out as digits.
    static func plainDecimal(_ v: Double) -> String {
        let s = "\(v)"
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        }
        let exponent = Int(s[s.index(after: e)...]) ?? 0
        var mantissa = String(s[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        let point = parts[0].count + exponent
        let out: String
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            out = digits + String(repeating: "0", count: point - digits.count)
        } else {
            out = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return (negative ? "-" : "") + out
    }

    static func decimal(_ m: Int64, fraction: Int) -> String {
        var digits = String(m.magnitude)
        if digits.count <= fraction { digits = String(repeating: "0", count: fraction - digits.count + 1) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -fraction)
        return (m < 0 ? "-" : "") + digits[..<cut] + "." + digits[cut...]
    }

    static func list(_ items: [YAMLTree]) -> YAMLTree? { items.isEmpty ? nil : .sequence(items) }

    /// A mapping built key by key in the order the format lists them; nil values are left out.
    struct Mapping {
        private(set) var entries: [YAMLEntry] = []

        subscript(key: String) -> YAMLTree? {
            get { entries.first { $0.key == key }?.value }
            set { if let newValue { entries.append(YAMLEntry(key, newValue)) } }
        }

        var tree: YAMLTree { .mapping(entries) }
    }
}
