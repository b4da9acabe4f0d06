/// Observations held as parallel columns of plain numbers, every string interned: about 65 bytes
/// a fact, against several hundred as `Observation` values. A national plan's ten million
/// monthly values then fit in well under a gigabyte, load without ten million allocations, and
/// are scanned by the assessment without touching the heap.
///
/// It is a collection of `Observation`: each element is made on access, so code that reads a
/// fact set need not know how it is stored.
public struct ObservationLog: Sendable {
    /// Reference into `strings`.
    public private(set) var indicator: [Int32] = []
    /// Reference into `periods`.
    public private(set) var period: [Int32] = []
    /// NaN when the fact carries words instead of a number.
    public private(set) var value: [Double] = []
    /// Reference into `strings`, or -1.
    public private(set) var text: [Int32] = []
    public private(set) var provisional: [Bool] = []
    public private(set) var id: [Int64] = []
    public private(set) var recordedAt: [Int64] = []
    /// Reference into `strings`.
    public private(set) var recordedBy: [Int32] = []
    /// `Int64.max` while not approved.
    public private(set) var approvedAt: [Int64] = []
    /// -1 when the fact supersedes nothing.
    public private(set) var supersedes: [Int64] = []
    /// References into `strings`, or -1.
    public private(set) var source: [Int32] = []
    public private(set) var note: [Int32] = []
    /// Reference into `strings` of the fact's `Provenance.packed`, or -1.
    public private(set) var provenance: [Int32] = []
    /// Reference into `strings` of the basis the figure was counted on, or -1 for the plan's own.
    public private(set) var basis: [Int32] = []

    public private(set) var strings = StringPool()
    /// The distinct periods, with the ordinals of their first and last days for fast filtering.
    public private(set) var periods: [Period] = []
    public private(set) var periodStart: [Int32] = []
    public private(set) var periodEnd: [Int32] = []
    private var periodRefs: [Int64: Int32] = [:]

    public init() {}

    public mutating func reserve(_ n: Int) {
        indicator.reserveCapacity(n); period.reserveCapacity(n); value.reserveCapacity(n); text.reserveCapacity(n)
        provisional.reserveCapacity(n); id.reserveCapacity(n); recordedAt.reserveCapacity(n); recordedBy.reserveCapacity(n)
        approvedAt.reserveCapacity(n); supersedes.reserveCapacity(n); source.reserveCapacity(n); note.reserveCapacity(n)
        provenance.reserveCapacity(n); basis.reserveCapacity(n)
    }

    /// The reference of a string, for `appendEntry`.
    public mutating func intern(_ s: String) -> Int32 { strings.intern(s) }

    /// The reference of a string given as UTF-8 bytes, for `appendEntry`.
    public mutating func intern(bytes: UnsafeRawBufferPointer) -> Int32 { strings.intern(bytes: bytes) }

    /// The reference of a period, for `appendEntry`.
    public mutating func intern(_ p: Period) -> Int32 {
        if let ref = periodRefs[p.key] { return ref }
        let ref = Int32(periods.count)
        periods.append(p)
        periodStart.append(Int32(p.start.ordinal))
        periodEnd.append(Int32(p.end.ordinal))
        periodRefs[p.key] = ref
        return ref
    }

    /// Appends one fact given by references (see `intern`): how a store or a generator fills
    /// the log without making an `Observation` for each row.
    public mutating func appendEntry(indicator: Int32, period: Int32, value: Double?, text: Int32, provisional: Bool, id: Int64,
                                     recordedAt: Int64, recordedBy: Int32, approvedAt: Int64?, supersedes: Int64?, source: Int32, note: Int32,
                                     provenance: Int32 = -1, basis: Int32 = -1) {
        self.indicator.append(indicator)
        self.period.append(period)
        self.value.append(value ?? .nan)
        self.text.append(text)
        self.provisional.append(provisional)
        self.id.append(id)
        self.recordedAt.append(recordedAt)
        self.recordedBy.append(recordedBy)
        self.approvedAt.append(approvedAt ?? .max)
        self.supersedes.append(supersedes ?? -1)
        self.source.append(source)
        self.note.append(note)
        self.provenance.append(provenance)
        self.basis.append(basis)
    }

    /// Appends entry `j` of `other`, its strings and periods interned here through `translation`.
    mutating func append(entry j: Int, of other: ObservationLog, translation t: inout Translation) {
        func s(_ ref: Int32) -> Int32 {
            guard ref >= 0 else { return -1 }
            if t.strings[Int(ref)] == -2 { t.strings[Int(ref)] = strings.intern(other.strings[ref]) }
            return t.strings[Int(ref)]
        }
        let p = Int(other.period[j])
        if t.periods[p] == -2 { t.periods[p] = intern(other.periods[p]) }
        let refs = (indicator: s(other.indicator[j]), text: s(other.text[j]), recordedBy: s(other.recordedBy[j]), source: s(other.source[j]),
                    note: s(other.note[j]), provenance: s(other.provenance[j]), basis: s(other.basis[j]))
        appendEntry(indicator: refs.indicator, period: t.periods[p], value: other.value[j], text: refs.text, provisional: other.provisional[j],
                    id: other.id[j], recordedAt: other.recordedAt[j], recordedBy: refs.recordedBy, approvedAt: other.approvedAt[j],
                    supersedes: other.supersedes[j], source: refs.source, note: refs.note, provenance: refs.provenance, basis: refs.basis)
    }

    /// How the references of another log translate into this one's, filled in as entries are
    /// copied, so each string is interned once however many facts share it.
    struct Translation {
        var strings: [Int32]
        var periods: [Int32]

        init(from other: ObservationLog) {
            strings = [Int32](repeating: -2, count: other.strings.count)
            periods = [Int32](repeating: -2, count: other.periods.count)
        }
    }

    /// Appends every fact of `other`.
    public mutating func append(contentsOf other: ObservationLog) {
        append(range: 0..<other.count, of: other)
    }

    /// Appends every fact of `other`, taking its columns one at a time and letting each go as
    /// soon as it is copied: two halves of ten million facts become one without ever being held
    /// twice.
    public mutating func append(consuming other: consuming ObservationLog) {
        let strings = other.strings.strings.map { intern($0) }
        let periods = other.periods.map { intern($0) }
        func take<T>(_ mine: inout [T], _ theirs: inout [T], _ translate: (T) -> T) {
            mine.reserveCapacity(mine.count + theirs.count)
            for x in theirs { mine.append(translate(x)) }
            theirs = []
        }
        let same = { (x: Int64) in x }
        let string = { (ref: Int32) in ref < 0 ? -1 : strings[Int(ref)] }
        var o = other
        take(&indicator, &o.indicator, string); take(&period, &o.period) { periods[Int($0)] }; take(&value, &o.value) { $0 }
        take(&text, &o.text, string); take(&provisional, &o.provisional) { $0 }; take(&id, &o.id, same); take(&recordedAt, &o.recordedAt, same)
        take(&recordedBy, &o.recordedBy, string); take(&approvedAt, &o.approvedAt, same); take(&supersedes, &o.supersedes, same)
        take(&source, &o.source, string); take(&note, &o.note, string); take(&provenance, &o.provenance, string)
        take(&basis, &o.basis, string)
    }

    /// Appends the facts of `other` in `range`.
    mutating func append(range: Range<Int>, of other: ObservationLog) {
        var t = Translation(from: other)
        reserve(count + range.count)
        for j in range { append(entry: j, of: other, translation: &t) }
    }

    /// Appends the facts of `other` in `range` by copying their references as they are: only for
    /// a log whose strings and periods this one's begin with (see `slice`).
    mutating func append(range: Range<Int>, ofPrefixOf other: ObservationLog) {
        indicator += other.indicator[range]; period += other.period[range]; value += other.value[range]; text += other.text[range]
        provisional += other.provisional[range]; id += other.id[range]; recordedAt += other.recordedAt[range]
        recordedBy += other.recordedBy[range]; approvedAt += other.approvedAt[range]; supersedes += other.supersedes[range]
        source += other.source[range]; note += other.note[range]; provenance += other.provenance[range]
        basis += other.basis[range]
    }

    /// The facts in `range`, sharing this log's strings and periods.
    func slice(_ range: Range<Int>) -> ObservationLog {
        var s = self
        s.indicator = Array(indicator[range]); s.period = Array(period[range]); s.value = Array(value[range]); s.text = Array(text[range])
        s.provisional = Array(provisional[range]); s.id = Array(id[range]); s.recordedAt = Array(recordedAt[range])
        s.recordedBy = Array(recordedBy[range]); s.approvedAt = Array(approvedAt[range]); s.supersedes = Array(supersedes[range])
        s.source = Array(source[range]); s.note = Array(note[range]); s.provenance = Array(provenance[range])
        s.basis = Array(basis[range])
        return s
    }

    /// Reorders the log by `order` (positions in it), one column at a time, so that at most
    /// one column is ever held twice.
    public mutating func gather(_ order: [Int32]) {
        func take<T>(_ column: inout [T]) {
            let old = column
            column = []
            column = order.map { old[Int($0)] }
        }
        take(&indicator); take(&period); take(&value); take(&text); take(&provisional); take(&id)
        take(&recordedAt); take(&recordedBy); take(&approvedAt); take(&supersedes); take(&source); take(&note)
        take(&provenance); take(&basis)
    }

    /// The log reordered by `order`.
    public func gathered(_ order: [Int32]) -> ObservationLog {
        var log = self
        log.gather(order)
        return log
    }

    /// The facts in id order, without copying the columns.
    public var inIdOrder: ObservationsInIdOrder { ObservationsInIdOrder([.init(log: self, range: 0..<count)]) }

    /// Whether any fact was recorded by `actor`, found without making a single `Observation`.
    public func anyRecorded(by actor: String) -> Bool {
        guard let ref = strings.reference(of: actor) else { return false }
        return recordedBy.contains(ref)
    }

    /// The string a reference names, or nil for -1.
    @inline(__always)
    public func string(_ ref: Int32) -> String? { ref < 0 ? nil : strings[ref] }
}

extension ObservationLog: RandomAccessCollection, RangeReplaceableCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { id.count }

    public subscript(j: Int) -> Observation {
        get {
            let approved = approvedAt[j]
            return Observation(
                record: FactRecord(id: id[j], recordedAt: Timestamp(seconds: recordedAt[j]), recordedBy: strings[recordedBy[j]],
                                   approvedAt: approved == .max ? nil : Timestamp(seconds: approved),
                                   supersedes: supersedes[j] < 0 ? nil : supersedes[j], source: string(source[j]), note: string(note[j]),
                                   provenance: string(provenance[j]).flatMap(Provenance.init(packed:))),
                indicatorId: strings[indicator[j]], period: periods[Int(period[j])], value: value[j].isNaN ? nil : value[j],
                text: string(text[j]), status: provisional[j] ? .provisional : .final, basis: string(basis[j]))
        }
        set { replaceSubrange(j..<j + 1, with: CollectionOfOne(newValue)) }
    }

    public mutating func append(_ o: Observation) {
        let record = o.record
        appendEntry(indicator: intern(o.indicatorId), period: intern(o.period), value: o.value, text: o.text.map { intern($0) } ?? -1,
                    provisional: o.status == .provisional, id: record.id, recordedAt: record.recordedAt.seconds, recordedBy: intern(record.recordedBy),
                    approvedAt: record.approvedAt?.seconds, supersedes: record.supersedes, source: record.source.map { intern($0) } ?? -1,
                    note: record.note.map { intern($0) } ?? -1, provenance: record.provenance.map { intern($0.packed) } ?? -1,
                    basis: o.basis.map { intern($0) } ?? -1)
    }

    public mutating func reserveCapacity(_ n: Int) { reserve(n) }

    /// Rare edits (anything but appending) rebuild the columns.
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Observation {
        var rebuilt = ObservationLog()
        rebuilt.reserve(count - subrange.count + newElements.count)
        rebuilt.append(range: 0..<subrange.lowerBound, of: self)
        for o in newElements { rebuilt.append(o) }
        rebuilt.append(range: subrange.upperBound..<count, of: self)
        self = rebuilt
    }
}

extension ObservationLog: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Observation...) {
        self.init(elements)
    }
}

/// Two logs are equal when they hold the same observations in the same order, however their
/// strings happen to be numbered.
extension ObservationLog: Hashable {
    public static func == (a: ObservationLog, b: ObservationLog) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for j in id.indices { hasher.combine(id[j]) }
    }
}
