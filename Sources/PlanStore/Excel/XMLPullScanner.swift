import Foundation

/// One piece of an XML document as `XMLPullScanner` hands it out.
enum XMLToken {
    /// A start tag; the name without its namespace prefix (`x:c` is `c`), attributes as written.
    case open(name: String, attributes: [(name: String, value: String)], selfClosing: Bool)
    case close(name: String)
    /// Character data with entities decoded (CDATA included).
    case text(String)
}

/// A pull scanner for every part of a workbook Planwatch reads: the large, regular ones (a
/// worksheet's rows, the shared strings) a chunk at a time so memory stays flat whatever the
/// sheet's size, and the small ones (relationships, the workbook, styles) from their bytes.
///
/// Why not Foundation's `XMLParser`: on a 100,000-row sheet (19 MB) its SAX callbacks alone took
/// 1.4 s here, twice the whole CSV import of the same rows; the import must stay within 3× of
/// CSV. SpreadsheetML needs only tags, attributes, text, entities and CDATA. A DTD is refused
/// in every part (no entity expansion, so no entity bombs); comments and processing instructions
/// are skipped. No token may pass `maxToken` bytes (1 MB): a token cut by the end of a chunk is
/// scanned again from its start once the next chunk has come, so the cap is what keeps every
/// step linear in the part.
struct XMLPullScanner {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private let nextChunk: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    /// Bytes of XML consumed so far.
    private(set) var consumed = 0
    /// The longest single token accepted; a longer one means a broken or hostile file.
    private let maxToken: Int
    static let defaultMaxToken = 1 << 20

    init(maxToken: Int = defaultMaxToken, nextChunk: @escaping () throws -> [UInt8]?) {
        self.nextChunk = nextChunk
        self.maxToken = maxToken
    }

    /// Reads `handle` from where it is, 256 KB at a time.
    init(handle: FileHandle) {
        self.init { () throws -> [UInt8]? in
            guard let data = try handle.read(upToCount: 256 << 10), !data.isEmpty else { return nil }
            return [UInt8](data)
        }
    }

    /// Reads a part already in memory (a small one).
    init(bytes: [UInt8]) {
        var given: [UInt8]? = bytes
        self.init { () -> [UInt8]? in
            defer { given = nil }
            return given
        }
    }

    private mutating func refill() throws(Failure) -> Bool {
        guard !exhausted else { return false }
        let chunk: [UInt8]?
        do { chunk = try nextChunk() } catch { throw Failure(message: "cannot read the part: \(error)") }
        guard let chunk else {
            exhausted = true
            return false
        }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        if buffer.count > maxToken { throw Failure(message: "an XML tag or text is longer than \(maxToken >> 20) MB, which no workbook needs") }
        buffer.append(contentsOf: chunk)
        return true
    }

    private enum Step {
        case token(XMLToken, end: Int)
        case skip(end: Int)
        case needMore
        case failure(String)
    }

    /// The next token, nil at the end of the document.
    mutating func next() throws(Failure) -> XMLToken? {
        while true {
            if position >= buffer.count {
                guard try refill() else { return nil }
                continue
            }
            switch scan(atEnd: exhausted) {
            case .token(let token, let end):
                consumed += end - position
                position = end
                return token
            case .skip(let end):
                consumed += end - position
                position = end
            case .needMore:
                // Once the input is exhausted, text is complete; a tag never will be.
                if exhausted { throw Failure(message: "the XML ends in the middle of a tag") }
                _ = try refill()
            case .failure(let message):
                throw Failure(message: message)
            }
        }
    }

    private func scan(atEnd: Bool) -> Step {
        buffer.withUnsafeBufferPointer { buf -> Step in
            let n = buf.count, start = position
            guard buf[start] == UInt8(ascii: "<") else {
                var i = start
                while i < n && buf[i] != UInt8(ascii: "<") { i += 1 }
                if i == n && !atEnd { return .needMore }
                return .token(.text(Self.decode(buf, start, i)), end: i)
            }
            func find(_ pattern: StaticString, from: Int) -> Int? {
                let p = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
                var i = from
                while i + p.count <= n {
                    if buf[i] == p[0] {
                        var k = 1
                        while k < p.count && buf[i + k] == p[k] { k += 1 }
                        if k == p.count { return i }
                    }
                    i += 1
                }
                return nil
            }
            func hasPrefix(_ pattern: StaticString) -> Bool? {
                let p = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
                for k in 0..<p.count {
                    guard start + k < n else { return nil }
                    if buf[start + k] != p[k] { return false }
                }
                return true
            }
            guard start + 1 < n else { return atEnd ? .failure("the XML ends in the middle of a tag") : .needMore }
            switch buf[start + 1] {
            case UInt8(ascii: "?"):
                guard let e = find("?>", from: start + 2) else { return .needMore }
                return .skip(end: e + 2)
            case UInt8(ascii: "!"):
                guard let comment = hasPrefix("<!--"), let cdata = hasPrefix("<![CDATA[") else { return .needMore }
                if comment {
                    guard let e = find("-->", from: start + 4) else { return .needMore }
                    return .skip(end: e + 3)
                }
                if cdata {
                    guard let e = find("]]>", from: start + 9) else { return .needMore }
                    return .token(.text(String(decoding: UnsafeBufferPointer(rebasing: buf[(start + 9)..<e]), as: UTF8.self)), end: e + 3)
                }
                return .failure("the part has a document type declaration, which a workbook never has")
            case UInt8(ascii: "/"):
                var i = start + 2
                while i < n && buf[i] != UInt8(ascii: ">") { i += 1 }
                guard i < n else { return .needMore }
                var nameEnd = i
                while nameEnd > start + 2 && Self.isSpace(buf[nameEnd - 1]) { nameEnd -= 1 }
                return .token(.close(name: Self.localName(buf, start + 2, nameEnd)), end: i + 1)
            default:
                return openTag(buf, start)
            }
        }
    }

    private func openTag(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> Step {
        let n = buf.count
        var i = start + 1
        while i < n && !Self.isSpace(buf[i]) && buf[i] != UInt8(ascii: ">") && buf[i] != UInt8(ascii: "/") { i += 1 }
        guard i < n else { return .needMore }
        let name = Self.localName(buf, start + 1, i)
        var attributes: [(name: String, value: String)] = []
        while true {
            while i < n && Self.isSpace(buf[i]) { i += 1 }
            guard i < n else { return .needMore }
            if buf[i] == UInt8(ascii: ">") {
                return .token(.open(name: name, attributes: attributes, selfClosing: false), end: i + 1)
            }
            if buf[i] == UInt8(ascii: "/") {
                guard i + 1 < n else { return .needMore }
                guard buf[i + 1] == UInt8(ascii: ">") else { return .failure("a stray '/' in the tag <\(name)>") }
                return .token(.open(name: name, attributes: attributes, selfClosing: true), end: i + 2)
            }
            let nameStart = i
            while i < n && buf[i] != UInt8(ascii: "=") && !Self.isSpace(buf[i]) && buf[i] != UInt8(ascii: ">") { i += 1 }
            let nameEnd = i
            while i < n && Self.isSpace(buf[i]) { i += 1 }
            guard i < n else { return .needMore }
            guard buf[i] == UInt8(ascii: "=") else { return .failure("an attribute without a value in the tag <\(name)>") }
            i += 1
            while i < n && Self.isSpace(buf[i]) { i += 1 }
            guard i < n else { return .needMore }
            let quote = buf[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return .failure("an unquoted attribute in the tag <\(name)>") }
            i += 1
            let valueStart = i
            while i < n && buf[i] != quote { i += 1 }
            guard i < n else { return .needMore }
            attributes.append((String(decoding: UnsafeBufferPointer(rebasing: buf[nameStart..<nameEnd]), as: UTF8.self), Self.decode(buf, valueStart, i)))
            i += 1
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private static func localName(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var from = start
        for k in start..<end where buf[k] == UInt8(ascii: ":") { from = k + 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[from..<end]), as: UTF8.self)
    }

    /// Text between `start` and `end` with the five named entities and character references decoded.
    private static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var amp = start
        while amp < end && buf[amp] != UInt8(ascii: "&") { amp += 1 }
        if amp == end { return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self) }
        var out: [UInt8] = Array(buf[start..<amp])
        var i = amp
        while i < end {
            let b = buf[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var semi = i + 1
            while semi < end && semi - i < 12 && buf[semi] != UInt8(ascii: ";") { semi += 1 }
            guard semi < end, buf[semi] == UInt8(ascii: ";") else {
                out.append(b)
                i += 1
                continue
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: buf[(i + 1)..<semi]), as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(scalar).utf8))
                i = semi + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
