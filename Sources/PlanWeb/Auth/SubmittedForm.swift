import Foundation

/// The fields (and uploaded files) of a form the browser posted, read once by
/// `AccessMiddleware` (which needs the CSRF token) and handed to the handler.
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

    /// Reads `application/x-www-form-urlencoded`.
    public static func urlEncoded(_ bytes: [UInt8]) -> SubmittedForm {
        var form = SubmittedForm()
        for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0]), value = parts.count > 1 ? decode(parts[1]) : ""
            form.fields[name, default: []].append(value)
        }
        return form
    }

    static func decode(_ s: Substring) -> String {
        String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
    }

    /// The longest boundary RFC 2046 allows. A longer one is refused before the body is searched.
    static let maxBoundaryLength = 70

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
    /// malformed. Every search is linear in the body (`ByteSearch`).
    public static func multipart(_ bytes: [UInt8], boundary: String) -> SubmittedForm? {
        guard isValidBoundary(boundary) else { return nil }
        var delimiter = ByteSearch(Array(("--" + boundary).utf8))
        let length = delimiter.needle.count
        var form = SubmittedForm()
        var positions: [Int] = []
        var i = 0
        while let found = delimiter.firstIndex(in: bytes, from: i) {
            positions.append(found)
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
            guard let split = headerEnd.firstIndex(in: part, from: 0) else { continue }
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
