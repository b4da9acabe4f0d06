import PropertyBased
import Testing
@testable import PlanCore

/// Feeds bytes in chunks of given sizes, to cut records anywhere.
struct Chunks: IteratorProtocol {
    var bytes: [UInt8]
    var sizes: [Int]
    var k = 0
    mutating func next() -> [UInt8]? {
        guard !bytes.isEmpty else { return nil }
        let n = max(1, min(bytes.count, sizes[k % sizes.count]))
        k += 1
        defer { bytes.removeFirst(n) }
        return Array(bytes.prefix(n))
    }
}

@Suite("CSV reading")
struct CSVReaderTests {
    func all<S>(_ reader: inout CSVReader<S>) throws -> [[String]] {
        var out: [[String]] = []
        while let r = try reader.next() { out.append(r.fields) }
        return out
    }

    @Test("quotes, doubled quotes, commas and line breaks inside fields, CRLF, a BOM and blank lines")
    func rfc4180() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",\r\n3,,last"
        var reader = CSVReader(text: text)
        #expect(try all(&reader) == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", "last"]])
    }

    @Test("lines and columns count characters, not bytes")
    func positions() throws {
        var reader = CSVReader(text: "지표,기간\n\"여러\n줄\",값\n")
        _ = try reader.next()
        let r = try reader.next()!
        #expect(r.positions.map { "\($0.line):\($0.column)" } == ["2:1", "3:4"])
    }

    @Test("errors name their place", arguments: [
        ("a,b\n\"open,1\n", "2:1: a quoted field is never closed (a \" is missing)"),
        ("a,b\nx\"y,1\n", "2:2: a quote inside an unquoted field; quote the whole field and double the quote (\"\")"),
        ("a,b\n\"q\"z,1\n", "2:4: unexpected text after a closing quote"),
        ("a,b\nx\u{0}y,1\n", "2:2: the file contains a NUL byte"),
    ])
    func errors(text: String, expected: String) {
        var reader = CSVReader(text: text)
        do {
            _ = try all(&reader)
            Issue.record("accepted")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test("limits on field length and field count")
    func limits() {
        var long = CSVReader(text: "a\n" + String(repeating: "x", count: 100) + "\n", limits: .init(maxFields: 10, maxFieldBytes: 50))
        #expect(throws: CSVReader<SingleChunk>.Failure.self) { _ = try all(&long) }
        var wide = CSVReader(text: String(repeating: "x,", count: 20) + "x\n", limits: .init(maxFields: 10, maxFieldBytes: 50))
        #expect(throws: CSVReader<SingleChunk>.Failure.self) { _ = try all(&wide) }
    }

    @Test("any split into chunks reads the same records")
    func chunking() async {
        let text = "id,note\r\n1,\"a, \"\"b\"\"\nc\"\r\n2,한글 메모\n3,\"\"\n4,x"
        var whole = CSVReader(text: text)
        let expected = try! all(&whole)
        await propertyCheck(count: 200, input: Gen.int(in: 1...7), Gen.int(in: 1...7), Gen.int(in: 1...30)) { a, b, c in
            var reader = CSVReader(Chunks(bytes: Array(text.utf8), sizes: [a, b, c]))
            #expect((try? all(&reader)) == expected)
        }
    }
}
