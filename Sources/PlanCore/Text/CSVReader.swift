/// Reads RFC 4180 CSV from UTF-8 bytes, one record at a time, keeping each field's line and
/// column so that import errors can say exactly where they are.
///
/// It accepts what spreadsheets write: a byte-order mark, CRLF or LF, quoted fields with
/// embedded commas, quotes and line breaks. It refuses what would silently corrupt data:
/// a quote left open, a stray quote inside an unquoted field, a NUL byte, and records or
/// fields beyond the configured limits.
///
/// Records are parsed from a contiguous buffer in a tight loop; a record cut by a chunk
/// boundary is parsed again once the next chunk has been appended.
public struct CSVReader<Source: IteratorProtocol> where Source.Element == [UInt8] {
    /// A record; positions are line and column in characters, from 1.
    public typealias Record = TableRecord
    public typealias Failure = TableReadFailure

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
    private var start = 0
    private var exhausted = false
    private var began = false
    private var line = 1
    public let limits: Limits
    /// Total bytes consumed, for progress reporting.
    public private(set) var bytesRead = 0

    public init(_ source: Source, limits: Limits = Limits()) {
        self.source = source
        self.limits = limits
    }

    /// Appends the next chunk to the unparsed bytes; false at the end of input.
    private mutating func refill() -> Bool {
        guard !exhausted, let chunk = source.next() else {
            exhausted = true
            return false
        }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        if !began {
            began = true
            buffer.append(contentsOf: chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? chunk.dropFirst(3) : chunk[...])
        } else {
            buffer.append(contentsOf: chunk)
        }
        return true
    }

    private enum Step {
        case record(Record, end: Int, lines: Int)
        case needMore
        case end
        case blank(end: Int)
        case failure(Failure)
    }

    /// The next record, nil at the end of input. Blank lines are skipped.
    public mutating func next() throws(Failure) -> Record? {
        while true {
            if start >= buffer.count, !refill() { return nil }
            switch parse(atEnd: exhausted) {
            case .record(let record, let end, let lines):
                bytesRead += end - start
                start = end
                line += lines
                return record
            case .blank(let end):
                bytesRead += end - start
                start = end
                line += 1
            case .end:
                return nil
            case .needMore:
                if !refill() {
                    switch parse(atEnd: true) {
                    case .record(let record, let end, let lines):
                        bytesRead += end - start
                        start = end
                        line += lines
                        return record
                    case .blank(let end):
                        start = end
                        return nil
                    case .failure(let f): throw f
                    case .needMore, .end: return nil
                    }
                }
            case .failure(let f):
                throw f
            }
        }
    }

    /// Parses one record starting at `start`. Lines and columns are counted as it goes.
    private func parse(atEnd: Bool) -> Step {
        buffer.withUnsafeBufferPointer { buf -> Step in
            let n = buf.count
            var i = start
            if i >= n { return atEnd ? .end : .needMore }
            if i < n, buf[i] == 0x0A { return .blank(end: i + 1) }
            if i < n, buf[i] == 0x0D { return .blank(end: i + 1 < n && buf[i + 1] == 0x0A ? i + 2 : i + 1) }
            var fields: [String] = []
            var positions: [(line: Int, column: Int)] = []
            var curLine = line
            var lineStart = i
            // Columns are counted in characters, incrementally from the last place asked for.
            var counted = (index: i, column: 1, lineStart: lineStart)
            func col(_ at: Int) -> Int {
                if counted.lineStart != lineStart || at < counted.index { counted = (lineStart, 1, lineStart) }
                var c = counted.column
                var k = counted.index
                while k < at {
                    if buf[k] & 0xC0 != 0x80 { c += 1 }
                    k += 1
                }
                counted = (at, c, lineStart)
                return c
            }
            while true {
                let fieldStart = i
                let position = (curLine, col(fieldStart))
                if i < n, buf[i] == 0x22 {
                    i += 1
                    var bytes: [UInt8] = []
                    while true {
                        guard i < n else {
                            if atEnd { return .failure(Failure(line: position.0, column: position.1, message: "a quoted field is never closed (a \" is missing)")) }
                            return .needMore
                        }
                        let b = buf[i]
                        if b == 0x22 {
                            if i + 1 < n, buf[i + 1] == 0x22 {
                                bytes.append(0x22)
                                i += 2
                                continue
                            }
                            if i + 1 >= n && !atEnd { return .needMore }
                            i += 1
                            break
                        }
                        if b == 0 { return .failure(Failure(line: curLine, column: col(i), message: "the file contains a NUL byte")) }
                        if b == 0x0A {
                            curLine += 1
                            lineStart = i + 1
                        }
                        bytes.append(b)
                        i += 1
                        if bytes.count > limits.maxFieldBytes {
                            return .failure(Failure(line: position.0, column: position.1, message: "a field is longer than \(limits.maxFieldBytes) bytes"))
                        }
                    }
                    if i < n, buf[i] != 0x2C, buf[i] != 0x0A, buf[i] != 0x0D {
                        return .failure(Failure(line: curLine, column: col(i), message: "unexpected text after a closing quote"))
                    }
                    fields.append(String(decoding: bytes, as: UTF8.self))
                } else {
                    while i < n {
                        let b = buf[i]
                        if b == 0x2C || b == 0x0A || b == 0x0D { break }
                        if b == 0x22 { return .failure(Failure(line: curLine, column: col(i), message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")) }
                        if b == 0 { return .failure(Failure(line: curLine, column: col(i), message: "the file contains a NUL byte")) }
                        i += 1
                    }
                    if i - fieldStart > limits.maxFieldBytes {
                        return .failure(Failure(line: position.0, column: position.1, message: "a field is longer than \(limits.maxFieldBytes) bytes"))
                    }
                    if i >= n && !atEnd { return .needMore }
                    if i - fieldStart > limits.maxFieldBytes {
                        return .failure(Failure(line: position.0, column: position.1, message: "a field is longer than \(limits.maxFieldBytes) bytes"))
                    }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: buf[fieldStart..<i]), as: UTF8.self))
                }
                positions.append(position)
                if fields.count > limits.maxFields {
                    return .failure(Failure(line: position.0, column: position.1, message: "a record has more than \(limits.maxFields) fields"))
                }
                if i >= n {
                    return .record(Record(fields: fields, positions: positions), end: i, lines: curLine - line)
                }
                let b = buf[i]
                if b == 0x2C {
                    i += 1
                    if i >= n && !atEnd { return .needMore }
                    continue
                }
                if b == 0x0D {
                    if i + 1 >= n && !atEnd { return .needMore }
                    i += (i + 1 < n && buf[i + 1] == 0x0A) ? 2 : 1
                } else {
                    i += 1
                }
                return .record(Record(fields: fields, positions: positions), end: i, lines: curLine - line + 1)
            }
        }
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
