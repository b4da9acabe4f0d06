/// What makes a plan file a later version of its plan: the day the revision took effect, what it
/// is called, and the documents that say so. Korea's New Deal was revised a year after it was
/// published («한국판 뉴딜 2.0»); judging 2022 against the 2020 promise alone would hide that the
/// goalposts moved, and judging it against the new one alone would hide the original promise.
///
/// The changes themselves are not written here: they are computed from the two versions
/// (`PlanDiff`), so the record can never disagree with the data. `explanations` tie computed
/// changes to the source that announced them.
public struct PlanRevision: Hashable, Sendable, Codable {
    public var effective: CalendarDay
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var sources: [PlanSource]
    public var explanations: [ChangeExplanation]
    /// What the sources do not give and the version therefore leaves out (a total cost, a jobs
    /// target), said aloud so that an absence is not read as "unchanged" or "zero".
    public var notGiven: [LocalizedText]
    public var note: LocalizedText?

    public init(effective: CalendarDay, title: LocalizedText, summary: LocalizedText? = nil, sources: [PlanSource] = [],
                explanations: [ChangeExplanation] = [], notGiven: [LocalizedText] = [], note: LocalizedText? = nil) {
        self.effective = effective
        self.title = title
        self.summary = summary
        self.sources = sources
        self.explanations = explanations
        self.notGiven = notGiven
        self.note = note
    }

    /// The explanation of a change, if one names it: one whose `about` is the changed item
    /// (`pillar 5` covers the pillar and its budget) or the start of the change's subject up to a
    /// space or a dot (`investment 5-1` covers every investment task of project 5-1); the longest wins.
    public func explanation(of change: PlanChange) -> ChangeExplanation? {
        explanations.filter { e in
            if e.about == change.item.descriptor || e.about == change.subject { return true }
            guard change.subject.hasPrefix(e.about) else { return false }
            let next = change.subject.dropFirst(e.about.count).first
            return next == " " || next == "."
        }
        .max { $0.about.count < $1.about.count }
    }

    public func source(_ id: String) -> PlanSource? { sources.first { $0.id == id } }
}

/// Ties computed changes to the documents that announced them: `about` names a changed item
/// (`pillar 5`, `project 5-1`) or the start of a change's subject as `PlanDiff` writes it
/// (`budget plan`, `target 1-1.big-data-platforms`, `investment 5-1`).
public struct ChangeExplanation: Hashable, Sendable, Codable {
    public var about: String
    /// Ids of the revision's `sources`.
    public var sources: [String]
    public var note: LocalizedText?

    public init(about: String, sources: [String] = [], note: LocalizedText? = nil) {
        self.about = about
        self.sources = sources
        self.note = note
    }
}
