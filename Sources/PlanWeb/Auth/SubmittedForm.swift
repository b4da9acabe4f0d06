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

    /// Reads `multipart/form-data` with the given boundary; nil when the body is malformed.
    public static func multipart(_ bytes: [UInt8], boundary: String) -> SubmittedForm? {
        let delimiter = Array(("--" + boundary).utf8)
        var form = SubmittedForm()
        var parts: [ArraySlice<UInt8>] = []
        var positions: [Int] = []
        var i = 0
        while let found = find(delimiter, in: bytes, from: i) {
            positions.append(found)
            i = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        for (a, b) in zip(positions, positions.dropFirst()) {
            var start = a + delimiter.count
            // Skip the CRLF after the delimiter; drop the CRLF before the next one.
            if start + 1 < bytes.count, bytes[start] == 13, bytes[start + 1] == 10 { start += 2 }
            var end = b
            if end >= 2, bytes[end - 2] == 13, bytes[end - 1] == 10 { end -= 2 }
            guard start <= end else { return nil }
            parts.append(bytes[start..<end])
        }
        for part in parts {
            guard let split = find([13, 10, 13, 10], in: Array(part), from: 0) else { continue }
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

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
