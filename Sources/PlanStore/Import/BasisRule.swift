import PlanCore

/// What a basis (`Observation.basis`) must be to be stored, whichever way it arrives (a CSV
/// row, the API): a name of a few words, at most `TextLimits.basis` characters, with no control
/// characters (not even a tab or a line break, which the other text columns allow). Two values are on the same basis only when their names are the same,
/// so a basis is kept exactly as given, beyond trimming.
public enum BasisRule {
    /// The problem with `text` as a basis, or nil when it may be stored.
    public static func problem(_ text: String) -> ImportIssue? {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .controlCharacter(column: "basis") }
        if !TextLimits.fits(text, TextLimits.basis) { return .tooLong(column: "basis", limit: TextLimits.basis) }
        return nil
    }
}
