/// The layout `CompactBinaryEncoder` writes: a magic string, the table of key names, then one
/// value. A value is a tag byte and its body: null, false, true; an integer as a zigzag varint
/// (`int`) or a plain one (`uint`); a double as 8 little-endian bytes; a string as its length
/// and UTF-8 bytes; a keyed or unkeyed container as its body's length, its count, and its
/// entries (a key number, then a value) or values.
///
/// Every value can be stepped over without reading it, so a keyed container finds its keys in
/// any order, and a missing key is simply absent (as `encodeIfPresent` leaves it).
enum CompactBinary {
    static let magic = "planwatch-compact/1\n"

    enum Tag: UInt8 {
        case null = 0, `false`, `true`, int, uint, double, string, keyed, unkeyed
    }

    static func writeVarint(_ v: UInt64, to out: inout [UInt8]) {
        var v = v
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        writeVarint(UInt64(s.utf8.count), to: &out)
        out += s.utf8
    }
}

/// Reads what `CompactBinaryEncoder` wrote, into any `Decodable` type.
public enum CompactBinaryDecoder {
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let reader = try CompactBinaryReader(bytes)
        return try reader.decode(T.self, at: reader.rootPosition)
    }
}

struct CompactBinaryError: Error, CustomStringConvertible {
    var description: String
}

/// The bytes being decoded and the key table; decoders and containers are positions in it.
final class CompactBinaryReader: @unchecked Sendable {
    private let buffer: UnsafeMutableRawBufferPointer
    let keys: [String]
    let rootPosition: Int

    init(_ bytes: [UInt8]) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        self.buffer = buffer
        let magic = Array(CompactBinary.magic.utf8)
        guard bytes.count > magic.count, bytes.starts(with: magic) else {
            keys = []
            rootPosition = 0
            throw CompactBinaryError(description: "not a compact binary document")
        }
        var p = magic.count
        var keys: [String] = []
        let count = try Self.varint(buffer, &p)
        guard count < UInt64(bytes.count) else { throw CompactBinaryError(description: "key table larger than the document") }
        for _ in 0..<count { keys.append(try Self.string(buffer, &p)) }
        self.keys = keys
        rootPosition = p
    }

    deinit { buffer.deallocate() }

    private static func varint(_ b: UnsafeMutableRawBufferPointer, _ p: inout Int) throws -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard p < b.count, shift < 64 else { throw CompactBinaryError(description: "truncated number at byte \(p)") }
            let byte = b[p]
            p += 1
            v |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return v }
            shift += 7
        }
    }

    private static func string(_ b: UnsafeMutableRawBufferPointer, _ p: inout Int) throws -> String {
        let n = Int(clamping: try varint(b, &p))
        guard n <= b.count - p else { throw CompactBinaryError(description: "truncated string at byte \(p)") }
        defer { p += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: b[p..<p + n]), as: UTF8.self)
    }

    func varint(_ p: inout Int) throws -> UInt64 { try Self.varint(buffer, &p) }

    func tag(at p: Int) throws -> CompactBinary.Tag {
        guard p < buffer.count, let tag = CompactBinary.Tag(rawValue: buffer[p]) else { throw CompactBinaryError(description: "no value at byte \(p)") }
        return tag
    }

    /// The position just past the value at `p`.
    func skip(_ p: Int) throws -> Int {
        var q = p + 1
        switch try tag(at: p) {
        case .null, .false, .true: return q
        case .int, .uint: _ = try varint(&q)
        case .double: q += 8
        case .string, .keyed, .unkeyed: q += Int(clamping: try varint(&q))
        }
        guard q <= buffer.count else { throw CompactBinaryError(description: "value at byte \(p) runs past the end") }
        return q
    }

    /// The body of the container at `p` (past its length) and its count.
    func container(at p: Int, _ expected: CompactBinary.Tag) throws -> (start: Int, count: Int) {
        guard try tag(at: p) == expected else { throw CompactBinaryError(description: "expected a \(expected) container at byte \(p)") }
        var q = p + 1
        _ = try varint(&q)
        let count = Int(clamping: try varint(&q))
        return (q, count)
    }

    func decode<T: Decodable>(_ type: T.Type, at p: Int) throws -> T {
        if T.self == String.self { return try string(at: p) as! T }
        if T.self == Int.self { return try integer(Int.self, at: p) as! T }
        if T.self == Int64.self { return try integer(Int64.self, at: p) as! T }
        if T.self == Double.self { return try double(at: p) as! T }
        if T.self == Bool.self { return try bool(at: p) as! T }
        return try T(from: CompactBinaryValueDecoder(reader: self, position: p))
    }

    func isNull(at p: Int) throws -> Bool { try tag(at: p) == .null }

    func bool(at p: Int) throws -> Bool {
        switch try tag(at: p) {
        case .true: return true
        case .false: return false
        default: throw CompactBinaryError(description: "expected true or false at byte \(p)")
        }
    }

    func string(at p: Int) throws -> String {
        guard try tag(at: p) == .string else { throw CompactBinaryError(description: "expected a string at byte \(p)") }
        var q = p + 1
        return try Self.string(buffer, &q)
    }

    func double(at p: Int) throws -> Double {
        switch try tag(at: p) {
        case .double:
            guard p + 9 <= buffer.count else { throw CompactBinaryError(description: "truncated number at byte \(p)") }
            return Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: p + 1, as: UInt64.self)))
        case .int, .uint: return Double(try integer(Int64.self, at: p))
        default: throw CompactBinaryError(description: "expected a number at byte \(p)")
        }
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, at p: Int) throws -> I {
        var q = p + 1
        let value: I?
        switch try tag(at: p) {
        case .int:
            let z = try varint(&q)
            value = I(exactly: Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1))
        case .uint: value = I(exactly: try varint(&q))
        default: throw CompactBinaryError(description: "expected an integer at byte \(p)")
        }
        guard let value else { throw CompactBinaryError(description: "integer at byte \(p) does not fit \(I.self)") }
        return value
    }
}

/// The `Decoder` a value's `init(from:)` reads: the value at one position.
struct CompactBinaryValueDecoder: Decoder {
    let reader: CompactBinaryReader
    let position: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedContainer<Key>(reader: reader, position: position))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedContainer(reader: reader, position: position) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(reader: reader, position: position) }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let reader: CompactBinaryReader
        /// Each entry's key number and the position of its value.
        private let entries: [(key: Int, value: Int)]
        var codingPath: [any CodingKey] { [] }

        init(reader: CompactBinaryReader, position: Int) throws {
            self.reader = reader
            var (p, count) = try reader.container(at: position, .keyed)
            var entries: [(key: Int, value: Int)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = Int(clamping: try reader.varint(&p))
                guard key < reader.keys.count else { throw CompactBinaryError(description: "unknown key number \(key) at byte \(p)") }
                entries.append((key, p))
                p = try reader.skip(p)
            }
            self.entries = entries
        }

        var allKeys: [Key] { entries.compactMap { Key(stringValue: reader.keys[$0.key]) } }

        private func find(_ key: Key) -> Int? {
            let name = key.stringValue
            return entries.first { reader.keys[$0.key] == name }?.value
        }

        private func value(_ key: Key) throws -> Int {
            guard let p = find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no value for '\(key.stringValue)'"))
            }
            return p
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { try reader.isNull(at: try value(key)) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader.decode(T.self, at: try value(key)) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try KeyedContainer<NestedKey>(reader: reader, position: try value(key)))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try UnkeyedContainer(reader: reader, position: try value(key))
        }

        func superDecoder() throws -> any Decoder { throw CompactBinaryError(description: "class inheritance is not supported") }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw CompactBinaryError(description: "class inheritance is not supported") }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let reader: CompactBinaryReader
        private var position: Int
        let count: Int?
        private(set) var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var isAtEnd: Bool { currentIndex >= count! }

        init(reader: CompactBinaryReader, position: Int) throws {
            self.reader = reader
            let (start, count) = try reader.container(at: position, .unkeyed)
            self.position = start
            self.count = count
        }

        private mutating func next() throws -> Int {
            guard !isAtEnd else { throw CompactBinaryError(description: "no more values at byte \(position)") }
            let p = position
            position = try reader.skip(p)
            currentIndex += 1
            return p
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, try reader.isNull(at: position) else { return false }
            _ = try next()
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(T.self, at: try next()) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(try KeyedContainer<NestedKey>(reader: reader, position: try next()))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedContainer(reader: reader, position: try next()) }
        mutating func superDecoder() throws -> any Decoder { throw CompactBinaryError(description: "class inheritance is not supported") }
    }

    struct SingleValueContainer: SingleValueDecodingContainer {
        let reader: CompactBinaryReader
        let position: Int
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { (try? reader.isNull(at: position)) ?? false }
        func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(at: position) }
        func decode(_ type: String.Type) throws -> String { try reader.string(at: position) }
        func decode(_ type: Double.Type) throws -> Double { try reader.double(at: position) }
        func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: position)) }
        func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self, at: position) }
        func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self, at: position) }
        func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self, at: position) }
        func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self, at: position) }
        func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self, at: position) }
        func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self, at: position) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self, at: position) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self, at: position) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self, at: position) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self, at: position) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(T.self, at: position) }
    }
}
