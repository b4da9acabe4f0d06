/// A piece of work the plan commits to: an investment (주요 투자사업) or an institutional
/// reform (❖ 제도개선 과제). Its dated numbers are indicators of their own.
///
/// Named `PlanTask` so it never shadows Swift's concurrency `Task`.
public struct PlanTask: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case investment, reform
    }

    public var id: String
    public var kind: Kind
    public var title: LocalizedText
    public var detail: LocalizedText?
    public var laws: [Law]
    /// When the task is due; nil when the plan gives no date.
    public var due: Period?
    /// When the task starts, for phrases such as "'21.3월~".
    public var start: Period?
    public var dueAsWritten: String?
    public var indicators: [Indicator]
    /// Indicators defined elsewhere (usually the 성과지표 table) that also measure this task,
    /// so one number is reported once even when the plan states it twice.
    public var tracks: [String]
    public var organizations: [String]
    /// The section heading the task sits under in the plan (【AI 활용 확대를 통한 산업 고도화】).
    public var section: LocalizedText?
    /// Sub-items with their own numbers, kept under their parent task.
    public var parent: String?
    public var note: LocalizedText?

    public init(id: String, kind: Kind, title: LocalizedText, detail: LocalizedText? = nil, laws: [Law] = [],
                due: Period? = nil, start: Period? = nil, dueAsWritten: String? = nil, indicators: [Indicator] = [], tracks: [String] = [],
                organizations: [String] = [], section: LocalizedText? = nil, parent: String? = nil, note: LocalizedText? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.detail = detail
        self.laws = laws
        self.due = due
        self.start = start
        self.dueAsWritten = dueAsWritten
        self.indicators = indicators
        self.tracks = tracks
        self.organizations = organizations
        self.section = section
        self.parent = parent
        self.note = note
    }
}
