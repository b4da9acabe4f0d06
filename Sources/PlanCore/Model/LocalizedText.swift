/// Text in Korean, with an English translation where one exists.
///
/// Korean is the plan's own language and is always present; English is required for
/// titles and names (the validator enforces this) and optional for longer prose.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var ko: String
    public var en: String?

    public init(ko: String, en: String? = nil) {
        self.ko = ko
        self.en = en
    }

    /// The text in `language`, falling back to Korean when there is no translation.
    public func text(_ language: Language) -> String {
        language == .en ? (en ?? ko) : ko
    }

    public subscript(_ language: Language) -> String { text(language) }
}
