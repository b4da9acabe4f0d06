/// An act, decree or rule a reform amends or enacts, named in the plan between 「 and 」.
public struct Law: Hashable, Sendable, Codable {
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case amend, enact, enactOrAmend, implement

        public var korean: String {
            switch self {
            case .amend: return "개정"
            case .enact: return "제정"
            case .enactOrAmend: return "제·개정"
            case .implement: return "시행"
            }
        }

        public var english: String {
            switch self {
            case .amend: return "amend"
            case .enact: return "enact"
            case .enactOrAmend: return "enact or amend"
            case .implement: return "implement"
            }
        }
    }

    public var name: LocalizedText
    public var action: Action
    public var due: Period?
    public var note: LocalizedText?

    public init(name: LocalizedText, action: Action, due: Period? = nil, note: LocalizedText? = nil) {
        self.name = name
        self.action = action
        self.due = due
        self.note = note
    }
}
