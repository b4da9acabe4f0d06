/// The two languages every public text is kept in. Korean is the plan's own language and
/// the default everywhere; English is a faithful translation for readers abroad.
public enum Language: String, Sendable, CaseIterable, Codable {
    case ko
    case en
}
