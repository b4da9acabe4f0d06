/// Header values as RFC 5322 and RFC 2047 want them: ASCII as it is when it is safe, anything
/// else as UTF-8 encoded words (`=?UTF-8?B?…?=`), each at most 75 characters and never cutting
/// a character in two, joined by folding (CRLF and a space). A control character is refused
/// before anything is written, so no value can end its header and start another.
public enum MailHeader {
    /// C0 controls (CR, LF, tab, NUL…), DEL and the C1 controls, and the Unicode line and
    /// paragraph separators.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }

    /// An unstructured value (the subject): plain when it is short printable ASCII, else encoded words.
    public static func unstructured(_ text: String, field: String) throws(MailError) -> String {
        guard !text.unicodeScalars.contains(where: isControl) else { throw .headerInjection(field: field) }
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) && text.utf8.count <= 900 && !text.contains("=?") { return text }
        return encodedWords(text)
    }

    /// A display name: a quoted string when it is ASCII, else encoded words. Callers check for
    /// control characters first (`MailAddress.init`).
    static func phrase(_ name: String) -> String {
        if name.unicodeScalars.allSatisfy({ $0.isASCII }) && !name.contains("=?") {
            return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return encodedWords(name)
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, split between characters, folded.
    public static func encodedWords(_ text: String) -> String {
        // 39 bytes of UTF-8 make 52 base64 characters, a word of 64: with "Subject: " before it
        // or a space after a fold, every line stays within RFC 5322's 78 characters.
        let maxBytes = 39
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=")
                chunk = []
            }
            // A single grapheme longer than a word (a long emoji sequence) is split by scalar.
            if bytes.count > maxBytes {
                for scalar in character.unicodeScalars {
                    let b = Array(String(scalar).utf8)
                    if chunk.count + b.count > maxBytes {
                        words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=")
                        chunk = []
                    }
                    chunk += b
                }
            } else {
                chunk += bytes
            }
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=") }
        return words.joined(separator: "\r\n ")
    }
}

/// Standard base64 (RFC 4648), with padding, for encoded words and message bodies.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
