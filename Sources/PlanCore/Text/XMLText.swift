/// The characters XML 1.0 can carry (§2.2): tab, line feed, carriage return, and everything
/// from U+0020 on except the surrogates and U+FFFE and U+FFFF. A text holding any other cannot
/// be written into a workbook, an SVG or a feed as it is, so it is refused where it comes in
/// (forms, the API, imports) and escaped where it goes out.
public enum XMLText {
    public static func canCarry(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Whether every character of `text` can be carried.
    public static func canCarry(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy(canCarry)
    }
}
