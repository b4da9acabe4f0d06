/// How a number cell is meant to be read, from its number format: what decides whether
/// `44377` is a count or the day 2021-06-30, and whether `0.79` is 79%.
enum XLSXCellFormat: Sendable, Equatable {
    case general
    case percent
    case date

    /// The format of a built-in id (ECMA-376 §18.8.30) or of a custom format code.
    ///
    /// Dates: the built-in 14–22 and 45–47, and the ids Korean Excel uses for its own date
    /// formats (27–36, 50–58: `yyyy"년" mm"월" dd"일"` and kin), which a file saved in Korea carries
    /// without their codes. A custom code is a date when it has a year, month or day field
    /// outside quotes and brackets, unless it counts elapsed time (`[h]:mm`).
    static func of(id: Int, code: String?) -> XLSXCellFormat {
        if let code { return of(code: code) }
        switch id {
        case 9, 10: return .percent
        case 14...22, 27...36, 45...47, 50...58: return .date
        default: return .general
        }
    }

    static func of(code: String) -> XLSXCellFormat {
        // Only the first section (positive numbers) decides; quoted text, escaped characters and
        // bracketed parts (colours, locales, conditions) are not fields, except elapsed time.
        var fields = "", bracket = "", inQuote = false, inBracket = false, escaped = false, elapsed = false
        for ch in code.lowercased() {
            if escaped {
                escaped = false
            } else if inQuote {
                if ch == "\"" { inQuote = false }
            } else if inBracket {
                if ch == "]" {
                    inBracket = false
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket) { elapsed = true }
                } else {
                    bracket.append(ch)
                }
            } else {
                switch ch {
                case "\"": inQuote = true
                case "\\", "_", "*": escaped = true
                case "[":
                    inBracket = true
                    bracket = ""
                case ";": return classify(fields, elapsed: elapsed)
                default: fields.append(ch)
                }
            }
        }
        return classify(fields, elapsed: elapsed)
    }

    private static func classify(_ fields: String, elapsed: Bool) -> XLSXCellFormat {
        if fields.contains("%") { return .percent }
        if elapsed || fields == "general" { return .general }
        if fields.contains("y") || fields.contains("d") { return .date }
        // A month alone (`mmmm`) is a date; `m` beside hours or seconds is minutes.
        return fields.contains("m") && !fields.contains("h") && !fields.contains("s") ? .date : .general
    }
}
