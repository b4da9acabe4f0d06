import Foundation

/// Decodes bytes as strict UTF-8, and on failure says exactly where the first bad byte is.
public enum TextDecoding {
    public struct InvalidByte: Error, Sendable, Equatable {
        public var offset: Int
        public var byte: UInt8
        public var line: Int
        public var column: Int
    }

    /// The text without a byte-order mark, or the first invalid byte with its line and column.
    public static func utf8(_ data: Data) -> Result<String, InvalidByte> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let s = String(validating: bytes, as: UTF8.self) { return .success(s) }
        let bad = firstInvalidOffset(bytes)
        var line = 1, column = 1
        var i = 0
        while i < bad {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return .failure(InvalidByte(offset: bad, byte: bytes[bad], line: line, column: column))
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            if length > 1 {
                let slice = Array(bytes[i..<(i + length)])
                guard String(validating: slice, as: UTF8.self) != nil else { return i }
            }
            i += length
        }
        return bytes.count
    }
}
