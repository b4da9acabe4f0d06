/// Reads RFC 4180 CSV from UTF-8 bytes, one record at a time, keeping each field's line and
/// column so that import errors can say exactly where they are.
///
/// It accepts what spreadsheets write: a byte-order mark, CRLF or LF, quoted fields with
/// embedded commas, quotes and line breaks. It refuses what would silently corrupt data:
/// a quote left open, a stray quote inside an unquoted field, a NUL byte, and records or
/// fields beyond the configured limits.
public struct CSVReader<Source: IteratorProtocol> where Source.Element == [UInt8] {
    public struct Record: Sendable {
        public var fields: [String]
        /// Line and column (in characters, from 1) where each field starts.
        public var positions: [(line: Int, column: Int)]
        public var line: Int { positions.first?.line ?? 0 }
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(line):\(column): \(message)" }
    }

    public struct Limits: Sendable {
        public var maxFields: Int
        public var maxFieldBytes: Int
        public init(maxFields: Int = 1_000, maxFieldBytes: Int = 1 << 20) {
            self.maxFields = maxFields
            self.maxFieldBytes = maxFieldBytes
        }
    }

    private var source: Source
    private var buffer: [UInt8] = []
    private var index = 0
    private var exhausted = false
    private var line = 1
    private var column = 1
    private var started = false
    public let limits: Limits
    /// Total bytes consumed, for progress reporting.
    public private(set) var bytesRead = 0

    public init(_ source: Source, limits: Limits = Limits()) {
        self.source = source
        self.limits = limits
    }

    private mutating func fill() -> Bool {
        while index >= buffer.count {
            if exhausted { return false }
            guard let chunk = source.next() else {
                exhausted = true
                return false
            }
            buffer = chunk
            index = 0
            if !started {
                started = true
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            }
        }
        return true
    }

    private mutating func peek() -> UInt8? {
        fill() ? buffer[index] : nil
    }

    private mutating func advance() -> UInt8? {
        guard fill() else { return nil }
        let b = buffer[index]
        index += 1
        bytesRead += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
        return b
    }

    /// The next record, nil at the end of input. Blank lines are skipped.
    public mutating func next() throws(Failure) -> Record? {
        while true {
            guard let b = peek() else { return nil }
            if b == 0x0A { _ = advance(); continue }
            if b == 0x0D {
                _ = advance()
                if peek() == 0x0A { _ = advance() }
                continue
            }
            break
        }
        var fields: [String] = []
        var positions: [(Int, Int)] = []
        var field: [UInt8] = []
        while true {
            let start = (line, column)
            field.removeAll(keepingCapacity: true)
            if peek() == 0x22 {
                _ = advance()
                while true {
                    guard let b = advance() else {
                        throw Failure(line: start.0, column: start.1, message: "a quoted field is never closed (a \" is missing)")
                    }
                    if b == 0x22 {
                        if peek() == 0x22 {
                            _ = advance()
                            field.append(0x22)
                        } else {
                            break
                        }
                    } else {
                        if b == 0 { throw Failure(line: line, column: column - 1, message: "the file contains a NUL byte") }
                        field.append(b)
                    }
                    if field.count > limits.maxFieldBytes {
                        throw Failure(line: start.0, column: start.1, message: "a field is longer than \(limits.maxFieldBytes) bytes")
                    }
                }
                if let b = peek(), b != 0x2C, b != 0x0A, b != 0x0D {
                    throw Failure(line: line, column: column, message: "unexpected text after a closing quote")
                }
            } else {
                while let b = peek(), b != 0x2C, b != 0x0A, b != 0x0D {
                    if b == 0x22 { throw Failure(line: line, column: column, message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")") }
                    if b == 0 { throw Failure(line: line, column: column, message: "the file contains a NUL byte") }
                    _ = advance()
                    field.append(b)
                    if field.count > limits.maxFieldBytes {
                        throw Failure(line: start.0, column: start.1, message: "a field is longer than \(limits.maxFieldBytes) bytes")
                    }
                }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            positions.append(start)
            if fields.count > limits.maxFields {
                throw Failure(line: start.0, column: start.1, message: "a record has more than \(limits.maxFields) fields")
            }
            guard let b = peek() else { break }
            if b == 0x2C {
                _ = advance()
                continue
            }
            _ = advance()
            if b == 0x0D, peek() == 0x0A { _ = advance() }
            break
        }
        return Record(fields: fields, positions: positions)
    }
}

/// Feeds a byte array to `CSVReader` in one chunk.
public struct SingleChunk: IteratorProtocol {
    private var bytes: [UInt8]?
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public mutating func next() -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}

extension CSVReader where Source == SingleChunk {
    public init(bytes: [UInt8], limits: Limits = Limits()) {
        self.init(SingleChunk(bytes), limits: limits)
    }

    public init(text: String, limits: Limits = Limits()) {
        self.init(SingleChunk(Array(text.utf8)), limits: limits)
    }
}
