/// Text that came from outside (a name typed at sign-in) made safe to keep in the audit chain
/// and to print on a terminal. A failed sign-in may carry a megabyte of "name", or escape
/// sequences that rewrite the terminal of whoever runs `planwatch audit log`.
public enum AuditText {
    /// The most characters of a typed name kept.
    public static let nameLimit = 64

    /// `raw` cut to `limit` characters (marked with "…") with every control character written
    /// as `\u{…}`.
    public static func typed(_ raw: String, limit: Int = nameLimit) -> String {
        let kept = raw.unicodeScalars.prefix(limit)
        var out = printable(String(String.UnicodeScalarView(kept)))
        if raw.unicodeScalars.count > limit { out += "…" }
        return out
    }

    /// `text` with C0 and C1 control characters, DEL and the bidirectional overrides written as
    /// `\u{…}`, so printing it cannot move the cursor, change colours or reorder a line.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }
}
