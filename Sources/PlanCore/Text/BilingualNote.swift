import Foundation

/// A note written once for both readers, "한국어 / English", as the published-outcomes file
/// writes its notes, definition notes and bases: each reader gets their half; any other note is
/// shown as it is.
public enum BilingualNote {
    public static func text(_ note: String, _ language: Language) -> String {
        let parts = note.components(separatedBy: " / ")
        func hangul(_ s: String) -> Bool { s.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        guard parts.count == 2, hangul(parts[0]), !hangul(parts[1]) else { return note }
        return (language == .ko ? parts[0] : parts[1]).trimmingCharacters(in: .whitespaces)
    }
}
