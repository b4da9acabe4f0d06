/// The observations of a table in id order, each made on access from the table's columns. Only
/// the order is held (8 bytes a fact), so a national plan's ten million facts can be written out
/// a batch at a time without a second copy of the columns.
public struct ObservationsInIdOrder: RandomAccessCollection, Sendable {
    /// A run of entries of one log; the runs together hold every observation once.
    struct Part: Sendable {
        var log: ObservationLog
        var range: Range<Int>
        /// The number of the run's first entry across all runs.
        var first = 0
    }

    private let parts: [Part]
    /// Entry numbers (across the runs) in id order.
    private let order: [Int]

    init(_ runs: [Part]) {
        var parts: [Part] = []
        var next = 0
        for var run in runs where !run.range.isEmpty {
            run.first = next
            next += run.range.count
            parts.append(run)
        }
        self.parts = parts
        // An id and an entry number share one 64-bit key when they fit, which sorts several times
        // faster than comparing through the columns.
        let numberBits = 26
        let fits = next < 1 << numberBits && parts.allSatisfy { p in p.range.allSatisfy { p.log.id[$0] >= 0 && p.log.id[$0] < 1 << (63 - numberBits) } }
        if fits {
            var keys: [UInt64] = []
            keys.reserveCapacity(next)
            for p in parts {
                for (k, j) in p.range.enumerated() { keys.append(UInt64(p.log.id[j]) << numberBits | UInt64(p.first + k)) }
            }
            keys.sort()
            order = keys.map { Int($0 & (1 << numberBits - 1)) }
        } else {
            var numbers = Array(0..<next)
            numbers.sort { Self.id(of: $0, parts) < Self.id(of: $1, parts) }
            order = numbers
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order.count }

    public subscript(n: Int) -> Observation {
        let (p, j) = Self.entry(order[n], parts)
        return parts[p].log[j]
    }

    private static func id(of number: Int, _ parts: [Part]) -> Int64 {
        let (p, j) = entry(number, parts)
        return parts[p].log.id[j]
    }

    /// The run and the position in its log of entry `number`.
    private static func entry(_ number: Int, _ parts: [Part]) -> (Int, Int) {
        var lo = 0, hi = parts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if parts[mid].first <= number { lo = mid } else { hi = mid - 1 }
        }
        return (lo, parts[lo].range.lowerBound + number - parts[lo].first)
    }
}
