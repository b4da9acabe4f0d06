/// The part of a series that can be judged: values counted as the plan's indicator counts them.
/// A value that carries a basis (`Observation.basis`) was counted some other way, and neither
/// its baseline nor its targets are the plan's: a portal's 86,951 dataset listings are not a step
/// down from the plan's 147,000 tables, a running total of smart factories since 2014 does not
/// reach the plan's 12,000 for 2020–22, and a share of information systems is not a share of
/// hardware. Judged together they would read as a collapse, a success or a fall that never
/// happened, so they are left out of the verdict and named in it (`docs/method.md`, "Values on
/// another basis"); pages still show them, apart.
public struct ComparableSeries: Sendable {
    /// The values the verdict may use, in period order.
    public let points: [SeriesPoint]
    /// The values left out, in period order.
    public let leftOut: [SeriesPoint]

    public init(_ series: [SeriesPoint]) {
        // Almost every series is all on the plan's basis: then it is shared, not copied.
        guard series.contains(where: { $0.basis != nil }) else {
            points = series
            leftOut = []
            return
        }
        points = series.filter { $0.basis == nil }
        leftOut = series.filter { $0.basis != nil }
    }

    /// The distinct bases of the values left out, in the order they first appear.
    public var otherBases: [String] {
        var seen = Set<String>()
        return leftOut.compactMap(\.basis).filter { seen.insert($0).inserted }
    }

    /// `result` with what was left out noted for the reader.
    func annotate(_ result: inout IndicatorAssessment) {
        result.otherBases = otherBases
        result.otherBasisCount = leftOut.count
        if !leftOut.isEmpty { result.flags.insert(.otherBasisLeftOut) }
    }
}
