#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The encodings an import accepts: UTF-8 (with or without a byte-order mark) and CP949, which
/// Korean Excel writes for "CSV (쉼표로 분리)". They are told apart from the bytes themselves.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case cp949 = "CP949"

    public struct DetectionFailure: Error, Sendable, CustomStringConvertible {
        public var offset: Int
        public var byte: UInt8
        public var line: Int
        /// Set when the file is UTF-8 up to the bad byte (Korean text and all), so it is a broken UTF-8 file.
        public var brokenUTF8: Bool

        public var description: String {
            let hex = "0x" + String(byte, radix: 16, uppercase: true)
            if brokenUTF8 {
                return "invalid UTF-8 at byte offset \(offset) (byte \(hex)); the file mixes encodings — save it again as \"CSV UTF-8\""
            }
            return "the file is neither UTF-8 nor CP949 (Korean Excel): byte \(hex) at offset \(offset) fits neither; save it as \"CSV UTF-8\" and try again"
        }
    }

    /// Decides from the start of a file. UTF-8 wins when the sample is valid UTF-8 (a sequence cut
    /// at the sample's end is allowed); otherwise CP949 when it decodes cleanly.
    public static func detect(_ sample: [UInt8], isWholeFile: Bool) -> Result<TextEncoding, DetectionFailure> {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .success(.utf8) }
        let bad = TextDecodingCheck.firstInvalidUTF8(sample)
        if bad == sample.count || (!isWholeFile && sample.count - bad < 4 && TextDecodingCheck.isTruncatedSequence(Array(sample[bad...]))) {
            return .success(.utf8)
        }
        // Korean text before the bad byte that is valid UTF-8 means a UTF-8 file with a broken byte,
        // not a CP949 file: CP949 Hangul is never valid UTF-8.
        if sample[..<bad].contains(where: { $0 >= 0x80 }) {
            return .failure(DetectionFailure(offset: bad, byte: sample[bad], line: line(at: bad, in: sample), brokenUTF8: true))
        }
        if let failure = CP949Converter.check(sample, isWholeFile: isWholeFile) {
            return .failure(DetectionFailure(offset: failure, byte: sample[failure], line: line(at: failure, in: sample), brokenUTF8: false))
        }
        return .success(.cp949)
    }
}

extension TextEncoding {
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}

/// UTF-8 validity checks shared by detection and streaming.
enum TextDecodingCheck {
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                let len: Int
                switch b {
                case 0xC2...0xDF: len = 2
                case 0xE0...0xEF: len = 3
                case 0xF0...0xF4: len = 4
                default: return i
                }
                guard i + len <= n else { return i }
                for k in 1..<len where buf[i + k] & 0xC0 != 0x80 { return i }
                if b == 0xE0 && buf[i + 1] < 0xA0 { return i }
                if b == 0xED && buf[i + 1] > 0x9F { return i }
                if b == 0xF0 && buf[i + 1] < 0x90 { return i }
                if b == 0xF4 && buf[i + 1] > 0x8F { return i }
                i += len
            }
            return n
        }
    }

    /// Whether `tail` is the valid beginning of a multi-byte sequence (cut by a chunk boundary).
    static func isTruncatedSequence(_ tail: [UInt8]) -> Bool {
        guard let lead = tail.first else { return false }
        let len: Int
        switch lead {
        case 0xC2...0xDF: len = 2
        case 0xE0...0xEF: len = 3
        case 0xF0...0xF4: len = 4
        default: return false
        }
        return tail.count < len && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }
}

/// CP949 to UTF-8 through glibc's iconv, chunk by chunk.
final class CP949Converter {
    private let cd: iconv_t

    init?() {
        let cd = iconv_open("UTF-8", "CP949")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        self.cd = cd!
    }

    deinit { iconv_close(cd) }

    /// Converts `input`, returning the UTF-8 bytes and the number of trailing input bytes that
    /// form an incomplete character (to be prefixed to the next chunk). Throws the offset of an invalid byte.
    func convert(_ input: [UInt8]) throws(OffsetError) -> (output: [UInt8], leftover: Int) {
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        var consumed = 0
        let status: Int = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = UnsafeMutablePointer(mutating: inBuf.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).assumingMemoryBound(to: CChar.self) })
                var outPtr = outBuf.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                consumed = input.count - inLeft
                return r
            }
        }
        let produced = output.count - outLeft
        if status == -1 {
            let code = errno
            if code == EINVAL {
                return (Array(output[..<produced]), inLeft)
            }
            throw OffsetError(offset: consumed)
        }
        return (Array(output[..<produced]), 0)
    }

    struct OffsetError: Error { var offset: Int }

    /// The offset of the first byte CP949 cannot decode, or nil when the sample decodes.
    static func check(_ sample: [UInt8], isWholeFile: Bool) -> Int? {
        guard let c = CP949Converter() else { return 0 }
        do {
            let (_, leftover) = try c.convert(sample)
            if isWholeFile && leftover > 0 { return sample.count - leftover }
            return nil
        } catch {
            return error.offset
        }
    }
}
