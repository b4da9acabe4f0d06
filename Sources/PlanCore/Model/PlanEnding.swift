/// That a plan stopped being pursued before its period was over, and why the record says so.
/// The Digital New Deal's label was dropped from the 2023 budget, its office closed and its
/// agenda re-issued as «대한민국 디지털 전략» in September 2022: measuring 2025 figures against
/// targets nobody was pursuing any more would mislead, so after `on` every page says so and the
/// ending summary separates the targets that were carried on from those left orphaned.
public struct PlanEnding: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Stopped, with nothing in its place.
        case discontinued
        /// Stopped and superseded by another plan (`successor`).
        case replaced
    }

    public var on: CalendarDay
    public var kind: Kind
    /// The plan that took its place, by its title.
    public var successor: LocalizedText?
    public var summary: LocalizedText
    public var sources: [PlanSource]
    /// Targets the successor took up, each with the successor's own wording and its source;
    /// every other target due after `on` was orphaned.
    public var continued: [ContinuedTarget]
    public var note: LocalizedText?

    public init(on: CalendarDay, kind: Kind, successor: LocalizedText? = nil, summary: LocalizedText, sources: [PlanSource] = [],
                continued: [ContinuedTarget] = [], note: LocalizedText? = nil) {
        self.on = on
        self.kind = kind
        self.successor = successor
        self.summary = summary
        self.sources = sources
        self.continued = continued
        self.note = note
    }

    public func continuation(of indicatorId: String) -> ContinuedTarget? { continued.first { $0.indicator == indicatorId } }
}

/// One of the plan's indicators whose aim the successor plan took up, in the successor's words
/// ("데이터 시장 50조원 이상('27)"), so a reader sees it was carried on, not dropped.
public struct ContinuedTarget: Hashable, Sendable, Codable {
    public var indicator: String
    public var successorTarget: LocalizedText
    public var source: String?

    public init(indicator: String, successorTarget: LocalizedText, source: String? = nil) {
        self.indicator = indicator
        self.successorTarget = successorTarget
        self.source = source
    }
}
