import Foundation
import PropertyBased
import Testing
@testable import PlanCore

@Suite("The plan writer: a plan written as YAML loads back as the same plan")
struct PlanWriterTests {
    static let files = ["Plans/digital-new-deal.yaml", "Plans/digital-new-deal-2.0.yaml", "Plans/example-city.yaml"]

    static func load(_ file: String) throws -> Plan {
        try PlanLoader.load(path: Repo.path(file)).get()
    }

    @Test("load → write → load gives an equal plan, and writing again gives the same bytes", arguments: files)
    func roundTrip(_ file: String) throws {
        let plan = try Self.load(file)
        let yaml = PlanWriter.yaml(plan)
        let again = PlanLoader.load(yaml: yaml, file: "written.yaml")
        #expect(again.errors.isEmpty, "\(again.errors.prefix(5).map(\.description))")
        let reloaded = try #require(again.plan)
        #expect(reloaded == plan)
        #expect(PlanWriter.yaml(reloaded) == yaml)
    }

    @Test("the plan's own wording and notes are kept: asWritten, notes, the revision's sources and quotes")
    func keepsWording() throws {
        let yaml = PlanWriter.yaml(try Self.load("Plans/example-city.yaml"))
        #expect(yaml.contains("asWritten: 1,000개소 이상\n"))
        #expect(yaml.contains("ko: 매년 2,400회"))
        #expect(yaml.contains("due: \"'24~'26\""))
        let revision = PlanWriter.yaml(try Self.load("Plans/digital-new-deal-2.0.yaml"))
        #expect(revision.contains("revision:\n  effective: 2021-07-14\n"))
        #expect(revision.contains("quote: "))
        #expect(revision.contains("ended:\n  on: 2022-09-28\n"))
    }

    @Test("text of any characters survives: quotes, colons, comment signs, line breaks, controls, Hangul")
    func anyText() async throws {
        let base = try Self.load("Plans/example-city.yaml")
        let alphabet: [Character] = Array("aZ09 :#-'\"\\{}[],&*!|>%@`?~\t\n\r가힣「」·…") + ["\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{1F600}", "e\u{301}"]
        await propertyCheck(count: 300, input: Gen.element(of: alphabet).map { $0! }.string(of: 1...24)) { typed in
            // Text of a valid plan is never blank; around it, anything goes.
            let text = "가" + typed + "나"
            var plan = base
            plan.note = LocalizedText(ko: text)
            // YAML drops a byte-order mark that opens a scalar, quoted or not; it is no text a plan holds.
            plan.pillars[0].projects[0].indicators[0].targets[0].asWritten = typed.first == "\u{FEFF}" ? "x" + typed : typed
            plan.pillars[0].projects[0].tasks[0].note = LocalizedText(ko: "메모 " + text)
            let yaml = PlanWriter.yaml(plan)
            let reloaded = PlanLoader.load(yaml: yaml, file: "any.yaml").plan
            #expect(reloaded == plan, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("text that opens with a character YAML reads specially is quoted", arguments: ["- a", "'22", "\"q\"", ": x", "# c", "[1]", "{a}", " lead", "trail ",
                                                                                          "null", "~", "&a", "*a", "!t", "|", ">", "%", "@", "`", "?"])
    func leading(_ text: String) throws {
        var plan = try Self.load("Plans/example-city.yaml")
        plan.pillars[0].projects[0].indicators[0].targets[0].asWritten = text
        #expect(PlanLoader.load(yaml: PlanWriter.yaml(plan), file: "leading.yaml").plan == plan)
    }

    @Test("any number the loader reads is written so that it reads back as the same number")
    func numbers() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -99_999_999...999_999_999), Gen.int(in: 0...12), Gen.int(in: 0...6)) { digits, fraction, words in
            var text = String(digits.magnitude)
            if fraction > 0 {
                if text.count <= fraction { text = String(repeating: "0", count: fraction - text.count + 1) + text }
                text.insert(".", at: text.index(text.endIndex, offsetBy: -fraction))
            }
            text = (digits < 0 ? "-" : "") + text + ["", "만", "억", "조", "천", "백만", "십"][words]
            guard let value = try? KoreanNumberParser.parse(text).value else { return }
            let written = PlanWriter.number(value)
            #expect((try? KoreanNumberParser.parse(written).value) == value, "\(text) → \(written)")
            #expect(written.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" })
        }
    }

    @Test("numbers are written plainly", arguments: [(142000.0, "142000"), (12.5, "12.5"), (0.00001, "0.00001"), (-3.25, "-3.25"),
                                                     (1.6e16, "16000000000000000"), (0.1, "0.1")])
    func plainNumbers(_ value: Double, _ expected: String) {
        #expect(PlanWriter.number(value) == expected)
    }

    @Test("the emitter remembers where each written node starts")
    func places() throws {
        let plan = try Self.load("Plans/example-city.yaml")
        var emitter = YAMLEmitter()
        emitter.document(PlanWriter.tree(plan))
        let lines = emitter.text.split(separator: "\n", omittingEmptySubsequences: false)
        let target = try #require(lines.firstIndex { $0.contains("value: 300") })
        let path = emitter.path(line: target + 1, column: lines[target].count)
        #expect(path?.description == "pillars.0.projects.0.indicators.0.targets.0.value")
        let due = target - 1
        let dash = try #require(lines[due].firstIndex(of: "-"))
        let keyColumn = lines[due].distance(from: lines[due].startIndex, to: dash) + 3
        #expect(emitter.path(line: due + 1, column: keyColumn)?.description == "pillars.0.projects.0.indicators.0.targets.0")
    }

    /// The rule as first written, by Unicode scalar: the byte scan must decide as it does.
    static func plainByScalar(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if ["null", "Null", "NULL", "~"].contains(s) { return false }
        if s.contains(": ") || s.contains(" #") || s.contains("\t") { return false }
        return s.unicodeScalars.allSatisfy { !YAMLEmitter.needsEscape($0) }
    }

    @Test("the byte scan that decides which text is written plain decides as the rule by character does")
    func plainByBytes() async {
        let pieces: [String] = ["a", "가", "한글", " ", ":", "#", "-", "'", "\"", "~", "null", "\t", "\n", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}",
                                "\u{2028}", "\u{2029}", "\u{2027}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{1F600}", "1", ",", "%", "@", "é"]
        for piece in pieces { #expect(YAMLEmitter.isPlain(piece) == Self.plainByScalar(piece), "\(piece.unicodeScalars.map(\.value))") }
        await propertyCheck(count: 2000, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var rng = SplitMix(seed: UInt64(seed))
            let text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(YAMLEmitter.isPlain(text) == Self.plainByScalar(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
