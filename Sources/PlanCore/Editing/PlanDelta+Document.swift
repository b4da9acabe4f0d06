import Yams

extension PlanDelta {
    /// The first line of a stored delta, which no plan file starts with.
    public static let formatTag = "planwatch-plan-delta/1"

    /// The delta as a YAML document:
    ///
    ///     format: planwatch-plan-delta/1
    ///     base: 3
    ///     changes:
    ///     - edited: indicator 1-2.smart-factories
    ///       node: { … the indicator as the plan file writes it … }
    ///     - added: task 1-2.new-task
    ///       under: project 1-2
    ///       node: { … }
    ///     - dropped: task 1-2.reform-3
    public var document: YAMLTree {
        .mapping([
            YAMLEntry("format", .scalar(Self.formatTag)),
            YAMLEntry("base", .scalar(String(base))),
            YAMLEntry("changes", .sequence(entries.map { entry in
                var m: [YAMLEntry] = [YAMLEntry(entry.change.rawValue, .scalar(Self.key(entry.item)))]
                if let parent = entry.parent { m.append(YAMLEntry("under", .scalar(Self.key(parent)))) }
                if let node = entry.node { m.append(YAMLEntry("node", node)) }
                return .mapping(m)
            })),
        ])
    }

    public var bytes: [UInt8] { Array(YAMLEmitter.write(document).utf8) }

    /// What a draft is stored as: its delta against `base` (stored version `baseVersion`) when
    /// the delta reads back as exactly the draft, and the whole plan file otherwise.
    public static func storedForm(of draft: Plan, base: Plan, baseVersion: Int64) -> [UInt8] {
        if let delta = PlanDelta(base: baseVersion, from: base, to: draft), (try? delta.applied(to: base).get()) == draft {
            return delta.bytes
        }
        return Array(PlanWriter.yaml(draft).utf8)
    }

    /// Whether stored content is a delta rather than a whole plan file.
    public static func isDelta(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("format: \(formatTag)\n".utf8))
    }

    /// Reads a stored delta; every problem is named with its line.
    public static func read(_ bytes: [UInt8]) -> Result<PlanDelta, Refusal> {
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(Refusal(problems: ["the stored delta is not UTF-8"])) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            return .failure(Refusal(problems: ["the stored delta is not YAML: \(error)"]))
        }
        var budget = max(10_000, 2 * bytes.count)
        guard let root, let mapping = root.mapping, mapping["format"]?.scalar?.string == formatTag else {
            return .failure(Refusal(problems: ["the stored delta does not start with 'format: \(formatTag)'"]))
        }
        guard let base = mapping["base"]?.scalar.flatMap({ Int64($0.string) }) else {
            return .failure(Refusal(problems: ["the stored delta names no base version (line \(root.mark?.line ?? 1))"]))
        }
        var entries: [Entry] = []
        for change in mapping["changes"]?.sequence ?? Node.Sequence() {
            let line = change.mark?.line ?? 1
            guard let m = change.mapping,
                  let kind = Change.allCases.first(where: { m[$0.rawValue] != nil }),
                  let item = m[kind.rawValue]?.scalar.flatMap({ item(key: $0.string) }) else {
                return .failure(Refusal(problems: ["line \(line): a change is 'edited', 'added' or 'dropped' with the item it concerns"]))
            }
            let parent = m["under"]?.scalar.flatMap { Self.item(key: $0.string) }
            var node: YAMLTree?
            if let n = m["node"] {
                guard let tree = tree(n, budget: &budget) else {
                    return .failure(Refusal(problems: ["line \(line): the node of \(item.descriptor) uses an alias, or is larger than a stored delta can hold"]))
                }
                node = tree
            }
            guard (kind == .dropped) == (node == nil), (kind == .added) == (parent != nil) else {
                return .failure(Refusal(problems: ["line \(line): an \(kind.rawValue) item \(kind == .added ? "needs" : "has no") 'under', and only a dropped one has no 'node'"]))
            }
            entries.append(Entry(kind, item, parent: parent, node: node))
        }
        return .success(PlanDelta(base: base, entries: entries))
    }

    /// The item a stored key names.
    static func item(key: String) -> PlanItem? {
        switch key {
        case "plan": return .plan
        case "revision": return .revision
        default:
            guard let space = key.firstIndex(of: " ") else { return nil }
            let id = String(key[key.index(after: space)...])
            guard !id.isEmpty else { return nil }
            switch key[..<space] {
            case "pillar": return .pillar(id)
            case "project": return .project(id)
            case "indicator": return .indicator(id)
            case "task": return .task(id)
            default: return nil
            }
        }
    }

    /// A composed node as text leaves; nil past `budget` nodes (aliases that multiply nodes).
    static func tree(_ node: Node, budget: inout Int) -> YAMLTree? {
        budget -= 1
        guard budget > 0 else { return nil }
        switch node {
        case .scalar(let s): return .scalar(s.string)
        case .alias: return nil
        case .mapping(let m):
            var entries: [YAMLEntry] = []
            for (k, v) in m {
                guard let key = k.scalar?.string, let value = tree(v, budget: &budget) else { return nil }
                entries.append(YAMLEntry(key, value))
            }
            return .mapping(entries)
        case .sequence(let s):
            var items: [YAMLTree] = []
            for v in s {
                guard let value = tree(v, budget: &budget) else { return nil }
                items.append(value)
            }
            return .sequence(items)
        }
    }
}
