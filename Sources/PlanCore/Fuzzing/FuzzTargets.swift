import Foundation

/// What each fuzz target does with one input: the libFuzzer executable under `Fuzz/` calls
/// these, and the regression test runs every file of the kept corpus (`Fuzz/Corpus/`) through
/// them, so a crash found once stays fixed. Each must return for any bytes: errors are fine,
/// traps are not.
public enum FuzzTargets {
    public static func period(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let p = try? PeriodParser.period(text) {
            _ = p.iso
            _ = try? PeriodParser.period(p.iso)
        }
    }

    public static func koreanNumber(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let q = try? KoreanNumberParser.parse(text) {
            _ = QuantityFormatter.format(q.value, unit: q.unit, language: .ko)
            _ = QuantityFormatter.format(q.value, unit: q.unit, language: .en)
        }
        _ = KoreanNumberParser.plainNumber(text)
    }

    public static func plan(_ bytes: [UInt8]) {
        _ = PlanLoader.load(data: Data(bytes), file: "fuzz.yaml")
    }

    /// A plan file uploaded as a draft revision: read as the editor reads it, taken as a draft
    /// and checked as a whole; a plan it reads must write out as YAML that reads back as the
    /// same plan, and write out the same again (the file door changes nothing).
    public static func planUpload(_ bytes: [UInt8]) {
        guard let plan = PlanLoader.load(data: Data(bytes), file: "upload.yaml").plan else { return }
        let history = PlanHistory(plan)
        let draft = PlanDraft.adopt(plan, history: history, today: CalendarDay(year: 2026, month: 1, day: 1)!)
        _ = PlanDraft.problems(draft, history: history)
        let yaml = PlanWriter.yaml(plan)
        let again = PlanLoader.load(yaml: yaml, file: "written.yaml").plan
        precondition(again == plan, "a plan written as YAML reads back differently")
        precondition(again.map(PlanWriter.yaml) == yaml, "a plan written twice is written differently")
    }

    /// A stored draft delta (what a draft revision changes), read and applied to the Digital New
    /// Deal: it must be read or refused, and applied or refused, never trap. A delta that
    /// applies must write out as the same delta again.
    public static func planDelta(_ bytes: [UInt8]) {
        guard let delta = try? PlanDelta.read(bytes).get(), let base = index?.plan else { return }
        guard let plan = try? delta.applied(to: base).get() else { return }
        _ = PlanDiff.changes(from: base, to: plan)
        if plan.revision != nil, let again = PlanDelta(base: delta.base, from: base, to: plan) {
            precondition((try? again.applied(to: base).get()) == plan, "a delta made from an applied delta applies differently")
        }
    }

    /// The targets by name, as the fuzzer executable and the corpus folders call them.
    public static let all: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
        ("period", period), ("koreanNumber", koreanNumber), ("plan", plan), ("factsCSV", factsCSV),
        ("smtpReply", smtpReply), ("mailHeader", mailHeader), ("planUpload", planUpload),
        ("planDelta", planDelta),
    ]
    public static var names: [String] { all.map(\.name) }
    public static func named(_ name: String) -> (@Sendable ([UInt8]) -> Void)? { all.first { $0.name == name }?.run }

    /// The Digital New Deal's index, built once.
    static let index: PlanIndex? = BundledPlan.loadDefault().plan.map(PlanIndex.init)

    public static func factsCSV(_ bytes: [UInt8]) {
        guard let index else { return }
        _ = try? FactsCSV.read(bytes, file: "fuzz.csv", index: index)
    }

    /// A mail server's replies, cut into chunks of the sizes the first byte gives: the parser
    /// must return replies of codes 200 to 599 or an error, whatever the server sends.
    public static func smtpReply(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let chunk = Int(first % 16) + 1
        var parser = SMTPReplyParser()
        var rest = bytes.dropFirst()
        while !rest.isEmpty {
            parser.feed(rest.prefix(chunk))
            rest = rest.dropFirst(chunk)
            while let reply = try? parser.next() {
                precondition((200..<600).contains(reply.code) && !reply.lines.isEmpty && reply.lines.count <= SMTPReplyParser.maxLines)
                _ = SMTPCapabilities(ehlo: reply).authMechanisms
            }
        }
    }

    /// A subject and a display name of any bytes: the message is refused or its header block
    /// has exactly its ten headers, so no value can add a header of its own.
    public static func mailHeader(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let half = text.index(text.startIndex, offsetBy: text.count / 2)
        guard let from = try? MailAddress(address: "office@example.go.kr"),
              let to = try? MailAddress(name: String(text[..<half]), address: "lee@example.go.kr") else { return }
        let message = MailMessage(from: from, to: to, subject: String(text[half...]), body: text, messageID: "<fuzz@example.go.kr>",
                                  date: Timestamp(seconds: 0))
        guard let rendered = try? message.rendered(eightBit: bytes.count % 2 == 0) else { return }
        let head = String(decoding: rendered, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        let starts = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }
        precondition(starts.count == 10, "a header value started a header of its own")
        _ = SMTPData.encode(rendered)
    }
}
