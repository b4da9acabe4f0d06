import Yams

extension PlanFileParser {
    static let indicatorKeys = [
        "id", "name", "group", "row", "part", "unit", "measure", "direction", "accumulation", "method",
        "bounds", "baseline", "targets", "note",
    ]

    func indicator(_ node: Node, source: Indicator.Source) -> Indicator? {
        guard let f = reader.fields(node, "indicator", allowed: Self.indicatorKeys) else { return nil }
        let id = f.string("id", required: true)
        if let id { register(id, kind: "indicator", node: f["id"]) }
        let context = id.map { "indicator '\($0)'" } ?? "indicator"
        let name = f.text("name", required: true, needsEnglish: true)

        var unit: Unit?
        var unitIsUnknown = false
        if let s = f.string("unit"), let n = f["unit"] {
            unit = Unit.named(s)
            if unit == nil {
                unitIsUnknown = true
                let hint = YAMLReader.closest(s, in: Unit.symbols).map { "; did you mean '\($0)'?" } ?? ""
                reader.error(n, "unknown unit '\(s)' in \(context)\(hint) (known units: \(Unit.symbols.joined(separator: " ")))")
            }
        }
        let statedMeasure = f.choice("measure", Measure.self)
        // An unknown unit is reported once; the values are then read as plain numbers, without further unit checks.
        let measure = statedMeasure ?? unit?.defaultMeasure ?? (unitIsUnknown ? .index : .qualitative)
        if let statedMeasure, let unit, !Self.measure(statedMeasure, fits: unit), let n = f["measure"] {
            reader.error(n, "measure '\(statedMeasure.rawValue)' does not fit the unit '\(unit.symbol)' in \(context)")
        }
        if unit == nil, !unitIsUnknown, f["unit"] == nil, measure != .qualitative, measure != .boolean {
            reader.error(node, "missing required field 'unit' in \(context) (a \(measure.rawValue) needs a unit)")
        }
        let direction = f.choice("direction", Direction.self) ?? (measure == .rank ? .decrease : .increase)
        if measure == .rank, direction == .increase, let n = f["direction"] {
            reader.error(n, "\(context) is a rank, where lower is better, so its direction cannot be 'increase'")
        }
        let accumulation = f.choice("accumulation", Accumulation.self) ?? (measure == .count ? .cumulative : .level)
        let method = f.choice("method", AssessmentMethod.self) ?? .linear
        var bounds = Bounds.natural(for: measure)
        if let b = f["bounds"], let bf = reader.fields(b, "'bounds' in \(context)", allowed: ["min", "max"]) {
            if let (q, _) = bf.quantity("min") { bounds.min = q.value }
            if let (q, _) = bf.quantity("max") { bounds.max = q.value }
            if let lo = bounds.min, let hi = bounds.max, lo > hi {
                reader.error(b, "'bounds' in \(context): min \(lo) is above max \(hi)")
            }
        }
        let shape = IndicatorShape(context: context, unit: unit, measure: measure, direction: direction, bounds: bounds,
                                   checksUnits: !unitIsUnknown)
        let baseline = f["baseline"].flatMap { self.baseline($0, shape) }
        var targets: [Target] = []
        for t in f.list("targets") {
            guard let target = self.target(t, shape) else { continue }
            if let baseline, target.due.end < baseline.period.start {
                reader.error(t, "target due \(target.due.iso) is before the baseline (\(baseline.period.iso)) of \(context)")
            }
            if let last = targets.last {
                if target.due == last.due {
                    reader.error(t, "\(context) has two targets due \(target.due.iso); give one target per due period")
                } else if target.due < last.due {
                    reader.error(t, "targets of \(context) must be listed in due order (\(target.due.iso) comes after \(last.due.iso))")
                }
            }
            // Only for an indicator read without error: a bad unit or a contradicting comparator is the problem to fix first.
            if let b = baseline, let y0 = b.value, let yT = target.value, y0 != yT, target.comparator.isMet(y0, target: yT),
               shape.checksUnits, shape.direction.allows(target.comparator) {
                reader.warning(t, "the baseline \(y0.formatted) (\(b.period.iso)) already meets the target \(yT.formatted) due \(target.due.iso) "
                    + "of \(context), so it is judged as a level to hold, not a path (docs/method.md §5); check the baseline, the target and its comparator")
            }
            targets.append(target)
        }
        if targets.isEmpty {
            reader.error(f["targets"] ?? node, "\(context) has no targets; give at least one under 'targets'")
        }
        if measure == .qualitative, let numeric = targets.first(where: { $0.value != nil }) {
            reader.error(node, "\(context) is qualitative but has a numeric target due \(numeric.due.iso); give 'text' instead, or a unit")
        }
        let row = f.string("row")
        let part = f.text("part", needsEnglish: true)
        if (row == nil) != (part == nil) {
            reader.error(f["row"] ?? f["part"] ?? node, "\(context): 'row' and 'part' go together (two indicators split from one table cell)")
        }
        guard let id, let name else { return nil }
        return Indicator(id: id, name: name, unit: unit, measure: measure, direction: direction,
                         accumulation: accumulation, bounds: bounds, method: method, baseline: baseline,
                         targets: targets, group: f.text("group", needsEnglish: true), row: row, part: part,
                         note: f.text("note"), source: source)
    }

    /// What a value must agree with: the indicator's unit, measure, direction and bounds.
    struct IndicatorShape {
        var context: String
        var unit: Unit?
        var measure: Measure
        var direction: Direction
        var bounds: Bounds
        var checksUnits = true
    }

    static func measure(_ m: Measure, fits unit: Unit) -> Bool {
        switch m {
        case .rank: return unit.kind == .rank
        case .percent: return unit.kind == .percent || unit.kind == .percentPoint
        case .count: return unit.kind == .count
        case .amount: return [.money, .length, .mass, .duration, .count].contains(unit.kind)
        case .index: return unit.kind != .rank
        case .boolean, .qualitative: return true
        }
    }

    func baseline(_ node: Node, _ shape: IndicatorShape) -> Baseline? {
        let context = "the baseline of \(shape.context)"
        guard let f = reader.fields(node, context, allowed: ["period", "value", "text", "asWritten", "note"]) else { return nil }
        let value = self.value(f, shape, context: context)
        var period = f.period("period")
        if period == nil, let p = value?.period { period = p }
        if let p = period, let q = value?.period, p != q, let n = f["period"] {
            reader.error(n, "\(context) says period \(p.iso) but its value says ('\(q.shorthand.dropFirst())')")
        }
        if period == nil, f["period"] == nil {
            reader.error(node, "missing required field 'period' in \(context)")
        }
        let text = f.text("text")
        if value != nil, text != nil, let n = f["text"] {
            reader.error(n, "\(context) has both 'value' and 'text'; give one (keep the wording in 'asWritten')")
        }
        if !f.has("value"), text == nil {
            reader.error(node, "\(context) needs a 'value' or a 'text' (leave the baseline out where the plan shows '-')")
        }
        if let v = value?.value, let c = value?.comparator, c != .exactly, let n = f["value"] {
            reader.error(n, "\(context) is a measured value and cannot be '\(c.korean)' (\(v))")
        }
        guard let period else { return nil }
        return Baseline(period: period, value: value?.value, text: text, asWritten: f.string("asWritten"), note: f.text("note"))
    }

    func target(_ node: Node, _ shape: IndicatorShape) -> Target? {
        let context = "a target of \(shape.context)"
        guard let f = reader.fields(node, context, allowed: ["due", "value", "text", "comparator", "asWritten", "column", "note"]) else { return nil }
        var due: Period?
        if let (expr, raw, n) = f.expression("due", required: true) {
            due = expr.deadline
            if due == nil { reader.error(n, "'due' in \(context) is open-ended ('\(raw)'); a target needs a deadline") }
            if let d = due { checkWithinPlan(d, node: n, what: "target due") }
        }
        let quantity = self.value(f, shape, context: context)
        let text = f.text("text")
        if quantity != nil, text != nil, let n = f["text"] {
            reader.error(n, "\(context) has both 'value' and 'text'; a target is either a number or words")
        }
        if !f.has("value"), text == nil {
            reader.error(node, "\(context) needs a 'value' or a 'text'")
        }
        let stated = f.choice("comparator", Comparator.self)
        if let stated, let fromValue = quantity?.comparator, stated != fromValue, let n = f["comparator"] {
            reader.error(n, "comparator '\(stated.rawValue)' contradicts the value's '\(fromValue.korean)'")
        }
        let comparator = stated ?? quantity?.comparator ?? shape.direction.defaultComparator
        if quantity != nil, !shape.direction.allows(comparator) {
            reader.error(f["comparator"] ?? f["value"] ?? node,
                         "comparator '\(comparator.rawValue)' contradicts the direction '\(shape.direction.rawValue)' of \(shape.context)")
        }
        let column = f.integer("column")
        guard let due else { return nil }
        return Target(due: due, value: quantity?.value, text: text, comparator: comparator,
                      asWritten: f.string("asWritten"), column: column, note: f.text("note"))
    }

    /// Reads `value`, checking its unit, range and bounds against the indicator.
    func value(_ f: Fields, _ shape: IndicatorShape, context: String) -> Quantity? {
        guard let (q, n) = f.quantity("value") else { return nil }
        if shape.measure == .qualitative {
            reader.error(n, "\(shape.context) is qualitative; write words under 'text', not a number")
            return nil
        }
        guard shape.checksUnits else { return q }
        if let u = q.unit, let expected = shape.unit, u != expected {
            reader.error(n, "the value '\(n.scalar?.string ?? "")' is in '\(u.symbol)' but \(shape.context) is measured in '\(expected.symbol)'")
            return nil
        }
        if q.upper != nil || q.from != nil {
            reader.error(n, "\(context) must be a single number, not a range or a change; keep the plan's wording in 'asWritten'")
            return nil
        }
        if shape.measure == .percent, shape.unit?.kind == .percent, !(0...100).contains(q.value) {
            reader.error(n, "\(q.value.formatted)% in \(context) is outside 0–100")
        } else if shape.measure == .rank, q.value < 1 {
            reader.error(n, "rank \(q.value.formatted) in \(context) is below 1; the best rank is 1")
        } else if shape.measure == .rank, q.value != q.value.rounded() {
            reader.error(n, "rank \(q.value.formatted) in \(context) is not a whole number")
        } else if !shape.bounds.contains(q.value) {
            reader.error(n, "\(q.value.formatted) in \(context) is outside the indicator's bounds")
        }
        return q
    }
}

extension Double {
    /// A short plain form for messages: `14.8`, `142000`.
    var formatted: String { QuantityFormatter.grouped(self, maxDecimals: 4).replacingOccurrences(of: ",", with: "") }
}
