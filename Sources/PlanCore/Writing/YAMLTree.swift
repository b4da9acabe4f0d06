/// A YAML document as Planwatch writes it: mappings keep their keys in order, and every leaf is
/// text, so a value a person typed ("1.5만개", "'22.下") is carried to the plan loader exactly as
/// typed and judged there, by the same checks as a file.
public indirect enum YAMLTree: Hashable, Sendable {
    case scalar(String)
    case mapping([YAMLEntry])
    case sequence([YAMLTree])

    /// An empty mapping, to fill key by key.
    public static let empty = YAMLTree.mapping([])

    /// The node at `path`, if there is one.
    public subscript(path: YAMLPath) -> YAMLTree? {
        var node = self
        for step in path.steps {
            switch (node, step) {
            case (.mapping(let entries), .key(let key)):
                guard let found = entries.first(where: { $0.key == key }) else { return nil }
                node = found.value
            case (.sequence(let items), .index(let i)):
                guard items.indices.contains(i) else { return nil }
                node = items[i]
            default:
                return nil
            }
        }
        return node
    }

    public var scalar: String? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    public var items: [YAMLTree] {
        if case .sequence(let items) = self { return items }
        return []
    }

    public var entries: [YAMLEntry] {
        if case .mapping(let entries) = self { return entries }
        return []
    }

    /// The value under `key` of a mapping.
    public subscript(key: String) -> YAMLTree? {
        entries.first { $0.key == key }?.value
    }

    /// Sets `key` of a mapping to `value` (nil removes it), keeping the key's place, or adding
    /// it after the keys listed in `after` that are present (at the end when none is).
    public mutating func set(_ key: String, _ value: YAMLTree?, after: [String] = []) {
        guard case .mapping(var entries) = self else { return }
        if let i = entries.firstIndex(where: { $0.key == key }) {
            if let value { entries[i].value = value } else { entries.remove(at: i) }
        } else if let value {
            let position = entries.lastIndex { after.contains($0.key) }.map { $0 + 1 } ?? entries.count
            entries.insert(YAMLEntry(key, value), at: position)
        }
        self = .mapping(entries)
    }

    /// Sets the node at `path` to `value`, making the mappings and list items on the way; nil
    /// removes it, and any mapping or list item it leaves empty.
    public mutating func assign(_ path: YAMLPath, _ value: YAMLTree?) {
        assign(path.steps[...], value)
    }

    private mutating func assign(_ steps: ArraySlice<YAMLPath.Step>, _ value: YAMLTree?) {
        guard let step = steps.first else {
            if let value { self = value }
            return
        }
        let rest = steps.dropFirst()
        let fresh: YAMLTree
        if case .index? = rest.first { fresh = .sequence([]) } else { fresh = .mapping([]) }
        switch step {
        case .key(let key):
            if case .mapping = self {} else {
                guard value != nil else { return }
                self = .mapping([])
            }
            if rest.isEmpty { return set(key, value) }
            guard var child = self[key] ?? (value == nil ? nil : fresh) else { return }
            child.assign(rest, value)
            set(key, value == nil && child.isEmptyContainer ? nil : child)
        case .index(let i):
            if case .sequence = self {} else {
                guard value != nil else { return }
                self = .sequence([])
            }
            var items = self.items
            guard i <= items.count, i >= 0 else { return }
            if i == items.count {
                guard value != nil else { return }
                items.append(fresh)
            }
            if rest.isEmpty {
                if let value { items[i] = value } else { items.remove(at: i) }
            } else {
                items[i].assign(rest, value)
                if value == nil, items[i].isEmptyContainer { items.remove(at: i) }
            }
            self = .sequence(items)
        }
    }

    /// An empty mapping or list.
    public var isEmptyContainer: Bool {
        switch self {
        case .scalar: return false
        case .mapping(let e): return e.isEmpty
        case .sequence(let i): return i.isEmpty
        }
    }

    /// Replaces the node at `path` (which must exist up to its parent) with `value`, or removes it.
    public mutating func replace(_ path: YAMLPath, with value: YAMLTree?) {
        guard let first = path.steps.first else {
            if let value { self = value }
            return
        }
        let rest = YAMLPath(Array(path.steps.dropFirst()))
        switch (self, first) {
        case (.mapping, .key(let key)):
            guard var child = self[key] else {
                if rest.steps.isEmpty { set(key, value) }
                return
            }
            if rest.steps.isEmpty { set(key, value) } else {
                child.replace(rest, with: value)
                set(key, child)
            }
        case (.sequence(var items), .index(let i)):
            guard items.indices.contains(i) else { return }
            if rest.steps.isEmpty {
                if let value { items[i] = value } else { items.remove(at: i) }
            } else {
                items[i].replace(rest, with: value)
            }
            self = .sequence(items)
        default:
            return
        }
    }
}

/// One key of a mapping and its value.
public struct YAMLEntry: Hashable, Sendable {
    public var key: String
    public var value: YAMLTree

    public init(_ key: String, _ value: YAMLTree) {
        self.key = key
        self.value = value
    }
}

/// Where a node sits in a document: keys and list positions from the root, written
/// `targets.0.value`. Form fields are named by the path of the node they fill, so a problem
/// the loader finds at a node is shown beside the field that wrote it.
public struct YAMLPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) { self.steps = steps }

    /// Reads `targets.0.value`: a step of digits only is a list position.
    public init(_ text: String) {
        steps = text.split(separator: ".", omittingEmptySubsequences: true).map { part in
            part.allSatisfy(\.isASCII) && !part.isEmpty && part.allSatisfy(\.isNumber) ? .index(Int(part) ?? 0) : .key(String(part))
        }
    }

    public static let root = YAMLPath()

    public func appending(_ key: String) -> YAMLPath { YAMLPath(steps + [.key(key)]) }
    public func appending(_ index: Int) -> YAMLPath { YAMLPath(steps + [.index(index)]) }
    public func appending(_ path: YAMLPath) -> YAMLPath { YAMLPath(steps + path.steps) }

    public var parent: YAMLPath? { steps.isEmpty ? nil : YAMLPath(Array(steps.dropLast())) }

    public func hasPrefix(_ prefix: YAMLPath) -> Bool { steps.starts(with: prefix.steps) }

    /// This path without `prefix`, if it starts with it.
    public func relative(to prefix: YAMLPath) -> YAMLPath? {
        hasPrefix(prefix) ? YAMLPath(Array(steps.dropFirst(prefix.steps.count))) : nil
    }

    public var description: String {
        steps.map { step -> String in
            switch step {
            case .key(let k): return k
            case .index(let i): return String(i)
            }
        }.joined(separator: ".")
    }

    public static func < (a: YAMLPath, b: YAMLPath) -> Bool { a.description < b.description }
}
