/// A JSON document with ordered keys, written by hand for byte-stable output.
///
/// Exports, the API and the audit chain all need the same bytes for the same data on every
/// machine and every run; owning the serializer makes that a property of the code, not of
/// a Foundation version. `canonical` sorts keys for hashing; `pretty` keeps authored order.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.compact == b.compact }
    public func hash(into h: inout Hasher) { h.combine(compact) }

    /// A number: integral values print without a fraction.
    public static func number(_ v: Double) -> JSONValue {
        if v == v.rounded(), abs(v) < 9_007_199_254_740_992 { return .int(Int64(v)) }
        return .double(v)
    }

    public static func number(_ v: Double?) -> JSONValue { v.map { number($0) } ?? .null }
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// An object without the keys whose values are null, for compact documents.
    public static func compactObject(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.filter { if case .null = $0.1 { return false } else { return true } })
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    public var int: Int? { if case .int(let i) = self { return Int(i) } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }

    public var compact: String { render(pretty: false, sorted: false) }
    public var pretty: String { render(pretty: true, sorted: false) }
    /// Sorted keys, no spaces: the form that is hashed.
    public var canonical: String { render(pretty: false, sorted: true) }

    public func render(pretty: Bool, sorted: Bool) -> String {
        var out = ""
        out.reserveCapacity(256)
        write(to: &out, pretty: pretty, sorted: sorted, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, sorted: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += Self.format(d)
        case .string(let s): Self.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(to: &out, pretty: pretty, sorted: sorted, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            let ordered = sorted ? pairs.sorted { $0.0 < $1.0 } : pairs
            out += "{"
            for (i, (key, value)) in ordered.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                Self.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, sorted: sorted, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 { return String(Int64(d)) }
        return "\(d)"
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
