/// The address of a published source, as the record keeps it: an http(s) URL in the ASCII
/// characters RFC 3986 allows, with nothing that could end an HTML attribute (`"`, `'`, `<`, `>`,
/// spaces). A reader follows it; it must never be able to become markup.
public enum SourceAddress {
    public static let maxLength = 2_048

    /// Why `text` is not such an address, or nil when it is.
    public static func problem(_ text: String) -> String? {
        if text.utf8.count > maxLength { return "an address longer than \(maxLength) characters" }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return "'\(text.prefix(80))' is not a web address; it must start with http:// or https://"
        }
        for scalar in text.unicodeScalars where !allowed(scalar) {
            let shown = scalar.value < 0x20 || scalar.value > 0x7E ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "'\(scalar)'"
            return "the address contains \(shown), which a web address cannot hold; percent-encode it (RFC 3986)"
        }
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        if rest.isEmpty || rest.hasPrefix("/") { return "the address '\(text.prefix(80))' names no host" }
        return nil
    }

    private static func allowed(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        case "-", ".", "_", "~", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&", "(", ")", "*", "+", ",", ";", "=", "%": return true
        default: return false
        }
    }
}
