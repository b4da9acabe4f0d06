/// A value quoted back in an error message, cut to `limit` Unicode scalars with "…": a cell or
/// field of megabytes named a hundred times must not make an error page of hundreds of megabytes.
/// Cut by scalar, not by `Character`: one character can hold any number of combining marks.
public enum EchoedText {
    public static let limit = 80

    public static func cut(_ text: some StringProtocol, limit: Int = limit) -> String {
        if text.utf8.count <= limit { return String(text) }
        var out = String.UnicodeScalarView()
        var taken = 0
        for scalar in text.unicodeScalars {
            if taken == limit { return String(out) + "…" }
            out.append(scalar)
            taken += 1
        }
        return String(out)
    }
}
