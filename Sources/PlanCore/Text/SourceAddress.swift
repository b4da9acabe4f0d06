/// The address of a published source, as the record keeps it: an absolute http(s) URL with a
/// host, at most 2,048 characters, written as RFC 3986 allows: ASCII letters, digits and
/// `-._~:/?#[]@!$&()*+,;=`, and `%` only before two hex digits. Not `'` (a sub-delimiter that
/// closes a quoted attribute), nor `"`, `<`, `>`, spaces or anything outside ASCII: an
/// internationalised address is written in its ASCII form (`xn--…`, `%EC%9D%B8`), so no
/// combining mark can hide a quote. A reader follows it; it must never become markup.
public enum SourceAddress {
    public static let maxLength = 2_048

    /// Why `text` is not such an address, or nil when it is.
    public static func problem(_ text: String) -> String? {
        if text.utf8.count > maxLength { return "an address longer than \(maxLength) characters" }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return "'\(text.prefix(80))' is not a web address; it must start with http:// or https://"
        }
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "%" {
                guard i + 2 < scalars.count, isHexDigit(scalars[i + 1]), isHexDigit(scalars[i + 2]) else {
                    return "a '%' in the address is not followed by two hex digits (RFC 3986)"
                }
                i += 3
                continue
            }
            guard allowed(scalar) else {
                let shown = scalar.value < 0x20 || scalar.value > 0x7E ? "U+" + String(scalar.value, radix: 16, uppercase: true) : "'\(scalar)'"
                return "the address contains \(shown), which a web address cannot hold; percent-encode it (RFC 3986)"
            }
            i += 1
        }
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty || host.hasPrefix(":") || host.hasPrefix("@") { return "the address '\(text.prefix(80))' names no host" }
        return nil
    }

    private static func allowed(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        case "-", ".", "_", "~", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&", "(", ")", "*", "+", ",", ";", "=": return true
        default: return false
        }
    }

    private static func isHexDigit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "0"..."9", "a"..."f", "A"..."F": return true
        default: return false
        }
    }
}
