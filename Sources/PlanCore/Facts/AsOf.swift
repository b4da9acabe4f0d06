/// The moment a question is asked about: "what did we know on day D?"
///
/// A fact counts as of D only if its period ended on or before D and it was recorded and
/// approved before the end of D (Korean time), and no revision known by then replaced it.
public struct AsOf: Hashable, Sendable, CustomStringConvertible {
    public let day: CalendarDay
    /// Facts recorded or approved strictly before this instant are known.
    public let cutoff: Timestamp

    public init(_ day: CalendarDay) {
        self.day = day
        self.cutoff = Timestamp.endOfDay(day)
    }

    public var ordinal: Int { day.ordinal }

    public var description: String { day.iso }

    public func knows(_ t: Timestamp) -> Bool { t < cutoff }

    public func hasEnded(_ p: Period) -> Bool { p.end <= day }
}
