/// A unit of measure as plans write it: a Korean counter word (개, 개소, 명), money (원),
/// a percentage, a rank (위) or a physical unit (km).
///
/// Units are a closed catalog so that a typo in a plan file ("개쇼") is an error, not a new unit,
/// and so that every unit knows how to read in English.
public struct Unit: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case count, money, percent, percentPoint, rank, length, mass, score, ratio, duration
    }

    /// How Korean writes a number with this unit.
    public enum KoreanStyle: String, Sendable, Hashable, Codable {
        /// A counter word right after the number: `1,562개소`, `90.3만 개`.
        case classifier
        /// A noun counted with 개: `12개 과제`, `8개 질환`.
        case countedNoun
        /// A noun after a space: `3,300만 어절`.
        case spacedNoun
    }

    public let symbol: String
    public let kind: Kind
    public let koreanStyle: KoreanStyle
    /// English noun for counts ("sites", "people"); empty when the number stands alone.
    public let englishNoun: String
    public let englishSingular: String

    public var description: String { symbol }

    /// The measure an indicator in this unit has unless the plan says otherwise.
    public var defaultMeasure: Measure {
        switch kind {
        case .count: return .count
        case .money, .length, .mass, .duration: return .amount
        case .percent, .percentPoint: return .percent
        case .rank: return .rank
        case .score, .ratio: return .index
        }
    }

    public static let won = Unit("원", .money, "KRW")
    public static let percent = Unit("%", .percent, "%")
    public static let rank = Unit("위", .rank, "")
    public static let item = Unit("개", .count, "")
    public static let person = Unit("명", .count, "people", "person")

    /// Every unit a plan may use. Longer symbols come first so that `개소` is not read as `개` + `소`.
    public static let catalog: [Unit] = [
        Unit("개소", .count, "sites", "site"),
        Unit("개사", .count, "companies", "company"),
        Unit("개교", .count, "schools", "school"),
        Unit("개국", .count, "countries", "country"),
        Unit("개월", .duration, "months", "month"),
        Unit("어절", .count, "words", "word", korean: .spacedNoun),
        Unit("과제", .count, "projects", "project", korean: .countedNoun),
        Unit("선석", .count, "berths", "berth"),
        Unit("질환", .count, "diseases", "disease", korean: .countedNoun),
        Unit("%p", .percentPoint, "percentage points", "percentage point"),
        Unit("km", .length, "km"),
        Unit("cm", .length, "cm"),
        Unit("m", .length, "m"),
        Unit("톤", .mass, "tonnes", "tonne"),
        item, won, percent, rank, person,
        Unit("종", .count, "types", "type"),
        Unit("건", .count, "cases", "case"),
        Unit("대", .count, "units", "unit"),
        Unit("실", .count, "classrooms", "classroom"),
        Unit("편", .count, "titles", "title"),
        Unit("곳", .count, "places", "place"),
        Unit("팀", .count, "teams", "team", korean: .countedNoun),
        Unit("회", .count, "times", "time"),
        Unit("권", .count, "volumes", "volume"),
        Unit("척", .count, "vessels", "vessel"),
        Unit("점", .score, "points", "point"),
        Unit("배", .ratio, "times", "time"),
        Unit("년", .duration, "years", "year"),
    ]

    private static let bySymbol: [String: Unit] = Dictionary(uniqueKeysWithValues: catalog.map { ($0.symbol, $0) })

    /// Looks a unit up by its symbol, accepting a few spellings (`％`, `KM`).
    public static func named(_ symbol: String) -> Unit? {
        let s = symbol.trimmingSpaces
        if let u = bySymbol[s] { return u }
        switch s.lowercased() {
        case "％", "퍼센트", "percent": return .percent
        case "%포인트", "pp": return bySymbol["%p"]
        case "km", "㎞": return bySymbol["km"]
        case "cm", "㎝": return bySymbol["cm"]
        case "원화", "krw": return .won
        default: return nil
        }
    }

    public static var symbols: [String] { catalog.map(\.symbol) }

    private init(_ symbol: String, _ kind: Kind, _ englishNoun: String, _ englishSingular: String? = nil,
                 korean: KoreanStyle = .classifier) {
        self.symbol = symbol
        self.kind = kind
        self.koreanStyle = korean
        self.englishNoun = englishNoun
        self.englishSingular = englishSingular ?? englishNoun
    }
}
