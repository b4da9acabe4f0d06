/// One measurable commitment: a row of a 성과지표 table, or a dated number inside a task
/// ("스마트공장 1.2만개(~'22)"). Ministries report observations against it by `id`.
///
/// A table cell that holds two targets ("4개/1개") becomes two indicators sharing a `row`,
/// each with its `part` label, so every series stays a single number per period.
public struct Indicator: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var unit: Unit?
    public var measure: Measure
    public var direction: Direction
    public var accumulation: Accumulation
    public var bounds: Bounds
    public var method: AssessmentMethod
    public var baseline: Baseline?
    public var targets: [Target]
    /// The label cell when it spans several lines ("데이터시장" over market size and AI firms).
    public var group: LocalizedText?
    /// Shared by indicators split from one table cell with two values.
    public var row: String?
    public var part: LocalizedText?
    public var note: LocalizedText?
    public var source: Source

    /// Where in the plan the indicator comes from.
    public enum Source: String, Sendable, Hashable, Codable {
        case table
        case task
    }

    public init(id: String, name: LocalizedText, unit: Unit?, measure: Measure, direction: Direction = .increase,
                accumulation: Accumulation = .level, bounds: Bounds? = nil, method: AssessmentMethod = .linear,
                baseline: Baseline? = nil, targets: [Target] = [], group: LocalizedText? = nil, row: String? = nil,
                part: LocalizedText? = nil, note: LocalizedText? = nil, source: Source = .table) {
        self.id = id
        self.name = name
        self.unit = unit
        self.measure = measure
        self.direction = direction
        self.accumulation = accumulation
        self.bounds = bounds ?? .natural(for: measure)
        self.method = method
        self.baseline = baseline
        self.targets = targets
        self.group = group
        self.row = row
        self.part = part
        self.note = note
        self.source = source
    }

    /// The key of the table row this indicator belongs to.
    public var rowKey: String { row ?? id }

    public var isQualitative: Bool { measure == .qualitative || targets.allSatisfy(\.isQualitative) }

    /// The final target, by which the indicator is judged at the plan's end.
    public var finalTarget: Target? { targets.last }
}
