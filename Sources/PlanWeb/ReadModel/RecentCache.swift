/// A bounded map that, when full, forgets the entry used least recently. Past assessments are
/// kept this way: a reader's request for a new date then costs one entry, never the whole cache,
/// so a stream of new dates cannot force every other reader's dates to be computed again.
struct RecentCache<Key: Hashable, Value> {
    let capacity: Int
    private var entries: [Key: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    var count: Int { entries.count }

    /// The value for `key`, marking it as just used.
    mutating func value(_ key: Key) -> Value? {
        guard let found = entries[key] else { return nil }
        clock += 1
        entries[key] = (found.value, clock)
        return found.value
    }

    /// Keeps `value` for `key`, forgetting the least recently used entry when full.
    mutating func insert(_ value: Value, for key: Key) {
        clock += 1
        if entries[key] == nil, entries.count >= capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        entries[key] = (value, clock)
    }
}
