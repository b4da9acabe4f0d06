#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each distinct string once, named by a small number. Millions of facts repeat a few thousand
/// strings (indicator ids, reporters, sources, the words of qualitative values), so a fact holds
/// four-byte references instead of strings of its own.
///
/// Lookup is by UTF-8 bytes as well as by `String`, so a store can intern a column straight from
/// its row buffer without making a `String` for every row.
public struct StringPool: Sendable {
    public private(set) var strings: [String] = []
    /// Open addressing: a slot holds a string's reference plus one, or 0 when empty.
    private var slots: [Int32] = [Int32](repeating: 0, count: 16)
    private var hashes: [UInt32] = []

    public init() {}

    public var count: Int { strings.count }

    public subscript(ref: Int32) -> String { strings[Int(ref)] }

    /// The reference of `s`, or nil when the pool does not hold it.
    public func reference(of s: String) -> Int32? {
        var s = s
        return s.withUTF8 { find(UnsafeRawBufferPointer($0), hash: Self.hash(UnsafeRawBufferPointer($0))).ref }
    }

    /// The reference of `s`, adding it when new.
    public mutating func intern(_ s: String) -> Int32 {
        var utf8 = s
        return utf8.withUTF8 { intern(bytes: UnsafeRawBufferPointer($0), make: { s }) }
    }

    /// The reference of the string with these UTF-8 bytes (which must be valid UTF-8), adding it when new.
    public mutating func intern(bytes: UnsafeRawBufferPointer) -> Int32 {
        intern(bytes: bytes, make: { String(decoding: bytes, as: UTF8.self) })
    }

    private mutating func intern(bytes: UnsafeRawBufferPointer, make: () -> String) -> Int32 {
        let hash = Self.hash(bytes)
        let (found, slot) = find(bytes, hash: hash)
        if let found { return found }
        let ref = Int32(strings.count)
        strings.append(make())
        hashes.append(hash)
        slots[slot] = ref + 1
        if strings.count * 2 > slots.count { grow() }
        return ref
    }

    /// The string's reference if held, and the slot where the search ended.
    private func find(_ bytes: UnsafeRawBufferPointer, hash: UInt32) -> (ref: Int32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let ref = slots[slot] - 1
            if hashes[Int(ref)] == hash && Self.equal(strings[Int(ref)], bytes) { return (ref, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (ref, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(ref) + 1
        }
        slots = bigger
    }

    /// A multiply-and-fold hash over eight bytes at a time: stable across runs, so a pool built
    /// the same way is the same pool, and cheap enough to run on every string of every row.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let n = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return UInt32(truncatingIfNeeded: h)
    }

    private static func equal(_ s: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var s = s
        return s.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
    }
}
