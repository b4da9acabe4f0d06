import Foundation

/// Reads a file as UTF-8 chunks for `CSVReader`, converting CP949 on the fly and refusing
/// invalid bytes with their offset. Streams, so a 1 GB file never sits in memory.
public final class TextChunks: IteratorProtocol, @unchecked Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var line: Int = 1
        public var description: String { message }
    }

    public let encoding: TextEncoding
    /// Bytes read from the file so far, for progress.
    public private(set) var bytesRead = 0
    public private(set) var failure: Failure?
    private let handle: FileHandle?
    private var pending: [UInt8] = []
    private var first: [UInt8]?
    private var finished = false
    private let converter: CP949Converter?
    static let chunkSize = 1 << 20

    /// Opens a file and detects its encoding from its first megabyte.
    public init(path: String) throws(Failure) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: FileManager.default.fileExists(atPath: path) ? "cannot read \(path)" : "no such file: \(path)")
        }
        self.handle = handle
        let sample = [UInt8]((try? handle.read(upToCount: Self.chunkSize)) ?? Data())
        let isWhole = sample.count < Self.chunkSize
        switch TextEncoding.detect(sample, isWholeFile: isWhole) {
        case .success(let e): encoding = e
        case .failure(let f): throw Failure(message: f.description, line: f.line)
        }
        converter = encoding == .cp949 ? CP949Converter() : nil
        first = sample
    }

    /// Wraps bytes already in memory (uploads, tests).
    public init(bytes: [UInt8]) throws(Failure) {
        handle = nil
        switch TextEncoding.detect(bytes, isWholeFile: true) {
        case .success(let e): encoding = e
        case .failure(let f): throw Failure(message: f.description, line: f.line)
        }
        converter = encoding == .cp949 ? CP949Converter() : nil
        first = bytes
    }

    public func next() -> [UInt8]? {
        guard !finished, failure == nil else { return nil }
        var raw: [UInt8]
        if let f = first {
            raw = f
            first = nil
        } else if let handle, let data = try? handle.read(upToCount: Self.chunkSize), !data.isEmpty {
            raw = [UInt8](data)
        } else {
            finished = true
            if !pending.isEmpty {
                failure = Failure(message: "the file ends in the middle of a \(encoding.rawValue) character (offset \(bytesRead - pending.count))")
            }
            return nil
        }
        let offset = bytesRead - pending.count
        bytesRead += raw.count
        if !pending.isEmpty {
            raw = pending + raw
            pending = []
        }
        switch encoding {
        case .utf8:
            let bad = TextDecodingCheck.firstInvalidUTF8(raw)
            if bad < raw.count {
                if raw.count - bad < 4 && TextDecodingCheck.isTruncatedSequence(Array(raw[bad...])) {
                    pending = Array(raw[bad...])
                    raw.removeSubrange(bad...)
                } else {
                    failure = Failure(message: "invalid UTF-8 at byte offset \(offset + bad) (byte 0x\(String(raw[bad], radix: 16, uppercase: true))); the file mixes encodings")
                    finished = true
                    return nil
                }
            }
            return raw
        case .cp949:
            do {
                let (out, leftover) = try converter!.convert(raw)
                if leftover > 0 { pending = Array(raw.suffix(leftover)) }
                return out
            } catch {
                failure = Failure(message: "invalid CP949 at byte offset \(offset + error.offset) (byte 0x\(String(raw[error.offset], radix: 16, uppercase: true))); the file mixes encodings")
                finished = true
                return nil
            }
        }
    }

    deinit { try? handle?.close() }
}
