/// Writes any `Encodable` value in Planwatch's compact binary form (see `CompactBinaryDecoder`
/// for the layout). It exists for one purpose: a national plan's snapshot, which JSON made a
/// 59 MB document that took seconds to read back at every start and every command.
public enum CompactBinaryEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let keys = KeyTable()
        let root = try EncodedValue.of(value, keys: keys)
        var out: [UInt8] = Array(CompactBinary.magic.utf8)
        CompactBinary.writeVarint(UInt64(keys.names.count), to: &out)
        for name in keys.names { CompactBinary.writeString(name, to: &out) }
        root.write(to: &out)
        return out
    }

    /// Every key name once; entries name their key by its number.
    final class KeyTable {
        var names: [String] = []
        private var numbers: [String: Int] = [:]

        func number(_ name: String) -> Int {
            if let n = numbers[name] { return n }
            numbers[name] = names.count
            names.append(name)
            return names.count - 1
        }
    }
}

/// A value being encoded: containers are filled after they are handed out, so they are boxes.
final class EncodedValue {
    enum Content {
        case null, bool(Bool), int(Int64), uint(UInt64), double(Double), string(String)
        case keyed([(key: Int, value: EncodedValue)])
        case unkeyed([EncodedValue])
    }

    var content: Content

    init(_ content: Content) { self.content = content }

    static func of<T: Encodable>(_ value: T, keys: CompactBinaryEncoder.KeyTable) throws -> EncodedValue {
        switch value {
        case let v as String: return EncodedValue(.string(v))
        case let v as Int: return EncodedValue(.int(Int64(v)))
        case let v as Int64: return EncodedValue(.int(v))
        case let v as Double: return EncodedValue(.double(v))
        case let v as Bool: return EncodedValue(.bool(v))
        default:
            let encoder = CompactBinaryValueEncoder(keys: keys)
            try value.encode(to: encoder)
            return encoder.value ?? EncodedValue(.keyed([]))
        }
    }

    func write(to out: inout [UInt8]) {
        switch content {
        case .null: out.append(CompactBinary.Tag.null.rawValue)
        case .bool(let b): out.append(b ? CompactBinary.Tag.true.rawValue : CompactBinary.Tag.false.rawValue)
        case .int(let i):
            out.append(CompactBinary.Tag.int.rawValue)
            CompactBinary.writeVarint(UInt64(bitPattern: (i << 1) ^ (i >> 63)), to: &out)
        case .uint(let u):
            out.append(CompactBinary.Tag.uint.rawValue)
            CompactBinary.writeVarint(u, to: &out)
        case .double(let d):
            out.append(CompactBinary.Tag.double.rawValue)
            withUnsafeBytes(of: d.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        case .string(let s):
            out.append(CompactBinary.Tag.string.rawValue)
            CompactBinary.writeString(s, to: &out)
        case .keyed(let entries):
            var body: [UInt8] = []
            CompactBinary.writeVarint(UInt64(entries.count), to: &body)
            for (key, value) in entries {
                CompactBinary.writeVarint(UInt64(key), to: &body)
                value.write(to: &body)
            }
            out.append(CompactBinary.Tag.keyed.rawValue)
            CompactBinary.writeVarint(UInt64(body.count), to: &out)
            out += body
        case .unkeyed(let values):
            var body: [UInt8] = []
            CompactBinary.writeVarint(UInt64(values.count), to: &body)
            for value in values { value.write(to: &body) }
            out.append(CompactBinary.Tag.unkeyed.rawValue)
            CompactBinary.writeVarint(UInt64(body.count), to: &out)
            out += body
        }
    }
}

/// The `Encoder` a value's `encode(to:)` writes into.
final class CompactBinaryValueEncoder: Encoder {
    let keys: CompactBinaryEncoder.KeyTable
    var value: EncodedValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(keys: CompactBinaryEncoder.KeyTable) { self.keys = keys }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if value == nil { value = EncodedValue(.keyed([])) }
        return KeyedEncodingContainer(KeyedContainer(box: value!, keys: keys))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if value == nil { value = EncodedValue(.unkeyed([])) }
        return UnkeyedContainer(box: value!, keys: keys)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: EncodedValue
        let keys: CompactBinaryEncoder.KeyTable
        var codingPath: [any CodingKey] { [] }

        private func put(_ value: EncodedValue, _ key: Key) {
            guard case .keyed(var entries) = box.content else { return }
            box.content = .null
            entries.append((keys.number(key.stringValue), value))
            box.content = .keyed(entries)
        }

        mutating func encodeNil(forKey key: Key) throws { put(EncodedValue(.null), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { put(try EncodedValue.of(value, keys: keys), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = EncodedValue(.keyed([]))
            put(nested, key)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, keys: keys))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = EncodedValue(.unkeyed([]))
            put(nested, key)
            return UnkeyedContainer(box: nested, keys: keys)
        }

        mutating func superEncoder() -> any Encoder { CompactBinaryValueEncoder(keys: keys) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { CompactBinaryValueEncoder(keys: keys) }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: EncodedValue
        let keys: CompactBinaryEncoder.KeyTable
        var codingPath: [any CodingKey] { [] }
        var count: Int {
            if case .unkeyed(let values) = box.content { return values.count }
            return 0
        }

        private func put(_ value: EncodedValue) {
            guard case .unkeyed(var values) = box.content else { return }
            box.content = .null
            values.append(value)
            box.content = .unkeyed(values)
        }

        mutating func encodeNil() throws { put(EncodedValue(.null)) }
        mutating func encode<T: Encodable>(_ value: T) throws { put(try EncodedValue.of(value, keys: keys)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = EncodedValue(.keyed([]))
            put(nested)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, keys: keys))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = EncodedValue(.unkeyed([]))
            put(nested)
            return UnkeyedContainer(box: nested, keys: keys)
        }

        mutating func superEncoder() -> any Encoder { CompactBinaryValueEncoder(keys: keys) }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: CompactBinaryValueEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.value = EncodedValue(.null) }
        mutating func encode(_ value: Bool) throws { encoder.value = EncodedValue(.bool(value)) }
        mutating func encode(_ value: String) throws { encoder.value = EncodedValue(.string(value)) }
        mutating func encode(_ value: Double) throws { encoder.value = EncodedValue(.double(value)) }
        mutating func encode(_ value: Float) throws { encoder.value = EncodedValue(.double(Double(value))) }
        mutating func encode(_ value: Int) throws { encoder.value = EncodedValue(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { encoder.value = EncodedValue(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { encoder.value = EncodedValue(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { encoder.value = EncodedValue(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { encoder.value = EncodedValue(.int(value)) }
        mutating func encode(_ value: UInt) throws { encoder.value = EncodedValue(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { encoder.value = EncodedValue(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { encoder.value = EncodedValue(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { encoder.value = EncodedValue(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { encoder.value = EncodedValue(.uint(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try EncodedValue.of(value, keys: encoder.keys) }
    }
}
