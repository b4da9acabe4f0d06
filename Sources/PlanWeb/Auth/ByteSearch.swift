/// Finds a fixed run of bytes in a body in time linear in the body, whatever either holds
/// (Knuth–Morris–Pratt). A multipart delimiter is chosen by the sender, so a naive search that
/// re-compares the delimiter at every position lets a body of dashes under a boundary of
/// dashes cost the length of the body times the length of the delimiter.
struct ByteSearch {
    let needle: [UInt8]
    /// For each prefix of the needle, the length of its longest proper prefix that is also its suffix.
    private let fallback: [Int]
    /// Byte comparisons made so far: at most twice the bytes searched, which the tests hold it to.
    private(set) var comparisons = 0

    init(_ needle: [UInt8]) {
        precondition(!needle.isEmpty, "an empty needle matches everywhere")
        self.needle = needle
        var fallback = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0 && needle[i] != needle[k] { k = fallback[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            fallback[i] = k
        }
        self.fallback = fallback
    }

    /// The first position at or after `start` (counted from the collection's start) where the
    /// needle begins, or nil.
    mutating func firstIndex(in haystack: some RandomAccessCollection<UInt8>, from start: Int) -> Int? {
        guard start >= 0, haystack.count - start >= needle.count else { return nil }
        if let found = haystack.withContiguousStorageIfAvailable({ scan($0, from: start) }) { return found }
        return Array(haystack).withUnsafeBufferPointer { scan($0, from: start) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var matched = 0
        var steps = 0
        defer { comparisons += steps }
        for position in start..<bytes.count {
            let byte = bytes[position]
            while true {
                steps += 1
                if byte == needle[matched] {
                    matched += 1
                    break
                }
                if matched == 0 { break }
                matched = fallback[matched - 1]
            }
            if matched == needle.count { return position - needle.count + 1 }
        }
        return nil
    }
}
