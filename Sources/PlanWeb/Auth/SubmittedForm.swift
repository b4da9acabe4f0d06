import Foundation

/// The fields (and uploaded files) of a form the browser posted, read once by
/// `AccessMiddleware` (which needs the CSRF token) and handed to the handler.
///
/// Both readers are written here, in one pass over the bytes each, rather than taken from a
/// library: measured on the hostile bodies of issue 24, Hummingbird's `URLEncodedFormDecoder`
/// and vapor's multipart-kit were no faster and neither bounds the number of fields or parts,
/// which is what keeps a small body from costing much (docs/security.md).
public struct SubmittedForm: Sendable {
    public struct File: Sendable {
        public var fileName: String
        public var bytes: [UInt8]
    }

    public var fields: [String: [String]] = [:]
    public var files: [String: File] = [:]

    public subscript(_ name: String) -> String? { fields[name]?.last }

    /// A field's text with surrounding spaces removed; empty when absent.
    public func text(_ name: String) -> String { (self[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    @TaskLocal public static var current = SubmittedForm()

    /// More fields than the longest form of the site has (a project's report form of a plan
    /// with hundreds of indicators, the review queue's picks): a body with more is refused
    /// before anything is decoded.
    public static let maxFields = 4096

    /// Reads `application/x-www-form-urlencoded` in one pass over the bytes: `+` is a space,
    /// `%XX` a byte, a `%` not followed by two hex digits is kept as typed, and the bytes of a
    /// name or value are read as UTF-8. Nil when the body has more than `maxFields` fields.
    public static func urlEncoded(_ bytes: [UInt8], maxFields: Int = maxFields) -> SubmittedForm? {
        var count = bytes.isEmpty ? 0 : 1
        for b in bytes where b == UInt8(ascii: "&") {
            count += 1
            if count > maxFields { return nil }
        }
        var form = SubmittedForm()
        var name: [UInt8] = [], value: [UInt8] = [], inValue = false
        func flush() {
            if !name.isEmpty || inValue {
                form.fields[String(decoding: name, as: UTF8.self), default: []].append(String(decoding: value, as: UTF8.self))
            }
            name.removeAll(keepingCapacity: true)
            value.removeAll(keepingCapacity: true)
            inValue = false
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var decoded = b
            switch b {
            case UInt8(ascii: "&"):
                flush()
                i += 1
                continue
            case UInt8(ascii: "=") where !inValue:
                inValue = true
                i += 1
                continue
            case UInt8(ascii: "+"):
                decoded = 0x20
            case UInt8(ascii: "%"):
                if i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                    decoded = high << 4 | low
                    i += 2
                }
            default: break
            }
            if inValue { value.append(decoded) } else { name.append(decoded) }
            i += 1
        }
        flush()
        return form
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The longest boundary RFC 2046 allows. A longer one is refused before the body is searched.
    static let maxBoundaryLength = 70
    /// More parts than an upload form has (its token, the kind, the file): more is refused.
    public static let maxParts = 64
    /// The longest header block of one part: a name, a file name and a type fit in far less.
    public static let maxPartHeaderBytes = 8 << 10

    static let boundaryPunctuation = Set("'()+_,-./:=? ".utf8)

    /// Whether `boundary` is one RFC 2046 allows: 1 to 70 of its characters, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...maxBoundaryLength).contains(bytes.count), bytes.last != 0x20 else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || boundaryPunctuation.contains(b)
        }
    }

    /// Reads `multipart/form-data` with the given boundary; nil when the boundary or the body is
    /// malformed, when it has more than `maxParts` parts, or a part's headers are longer than
    /// `maxPartHeaderBytes`. Every search is linear in the body (`ByteSearch`), and stops at
    /// the first delimiter past the limit.
    public static func multipart(_ bytes: [UInt8], boundary: String) -> SubmittedForm? {
        guard isValidBoundary(boundary) else { return nil }
        var delimiter = ByteSearch(Array(("--" + boundary).utf8))
        let length = delimiter.needle.count
        var form = SubmittedForm()
        var positions: [Int] = []
        var i = 0
        while let found = delimiter.firstIndex(in: bytes, from: i) {
            positions.append(found)
            if positions.count > maxParts + 1 { return nil }
            i = found + length
        }
        guard positions.count >= 2 else { return nil }
        var headerEnd = ByteSearch([13, 10, 13, 10])
        for (a, b) in zip(positions, positions.dropFirst()) {
            var start = a + length
            // Skip the CRLF after the delimiter; drop the CRLF before the next one.
            if start + 1 < bytes.count, bytes[start] == 13, bytes[start + 1] == 10 { start += 2 }
            var end = b
            if end >= 2, bytes[end - 2] == 13, bytes[end - 1] == 10 { end -= 2 }
            guard start <= end else { return nil }
            let part = bytes[start..<end]
            // The headers end within their limit, or the part is refused.
            let window = part.prefix(maxPartHeaderBytes + 4)
            guard let split = headerEnd.firstIndex(in: window, from: 0) else {
                if part.count > maxPartHeaderBytes { return nil }
                continue
            }
            let head = String(decoding: part.prefix(split), as: UTF8.self)
            let body = Array(part.dropFirst(split + 4))
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: disposition) else { continue }
            if let fileName = parameter("filename", in: disposition) {
                form.files[name] = File(fileName: fileName, bytes: body)
            } else {
                form.fields[name, default: []].append(String(decoding: body, as: UTF8.self))
            }
        }
        return form
    }

    static func parameter(_ name: String, in header: Substring) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let kv = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, kv[0].lowercased() == name else { continue }
            var v = kv[1]
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}
