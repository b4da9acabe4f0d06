import Foundation
import PropertyBased
import Testing
@testable import PlanCore

/// A draft revision stored as what it changes: every edit the editor can make gives a delta
/// that reads back and applies to the version it revises as exactly the draft; a draft no
/// delta expresses is said so (and stored whole); a stored delta that is damaged is refused
/// with its reason, never half-applied.
@Suite("A draft as what it changes against the version it revises")
struct PlanDeltaTests {
    static let base = PlanDraftTests.revised
    static let history = PlanDraftTests.history

    static func newNode(_ id: String, value: String = "10개") -> YAMLTree {
        .mapping([YAMLEntry("id", .scalar(id)), YAMLEntry("name", .mapping([YAMLEntry("ko", .scalar("새 지표")), YAMLEntry("en", .scalar("New"))])),
                  YAMLEntry("unit", .scalar("개")),
                  YAMLEntry("targets", .sequence([.mapping([YAMLEntry("due", .scalar("2025")), YAMLEntry("value", .scalar(value))])]))])
    }

    /// The editor's changes: a target raised, the plan's budget, a pillar's title and a
    /// project's lead edited, an indicator and a task added, an indicator tracked by a task
    /// dropped, a reform dropped, a task's own indicator edited.
    static func editedDraft() throws -> Plan {
        var draft = PlanDraftTests.draft
        func edit(_ item: PlanItem, _ change: (inout YAMLTree) -> Void, under: PlanItem? = nil, node start: YAMLTree? = nil) throws {
            var node = try #require(start ?? {
                switch item {
                case .indicator(let id): return draft.indicator(id).map(PlanWriter.indicator)
                case .task(let id): return draft.task(id).map(PlanWriter.task)
                case .project(let id): return draft.project(id).map(PlanWriter.project)
                case .pillar(let id): return draft.pillar(id).map(PlanWriter.pillar)
                case .plan: return PlanWriter.tree(draft)
                case .revision: return draft.revision.map(PlanWriter.revision)
                }
            }())
            change(&node)
            let result = PlanDraft.edit(item, node: node, in: draft, under: under, history: history)
            draft = try #require(result.plan, "\(item.descriptor): \(result.errors) \(result.other)")
        }
        try edit(.indicator("4-2.smart-industrial-complexes")) { $0.assign(YAMLPath("targets.1.value"), .scalar("20개")) }
        try edit(.plan) { $0.assign(YAMLPath("title.en"), .scalar("Digital New Deal (revised)")) }
        try edit(.pillar("1")) { $0.assign(YAMLPath("title.ko"), .scalar("데이터 댐 (보완)")) }
        try edit(.project("1-2")) { $0.set("lead", .sequence([.scalar("mcst")])) }
        try edit(.indicator("1-2.new-one"), { _ in }, under: .project("1-2"), node: newNode("1-2.new-one"))
        let task: YAMLTree = .mapping([YAMLEntry("id", .scalar("4-2.smart-harbours")), YAMLEntry("kind", .scalar("investment")),
                                       YAMLEntry("title", .mapping([YAMLEntry("ko", .scalar("스마트 항만 실증")), YAMLEntry("en", .scalar("Smart harbour pilots"))])),
                                       YAMLEntry("due", .scalar("'22.下")), YAMLEntry("tracks", .sequence([.scalar("1-2.new-one")]))])
        try edit(.task("4-2.smart-harbours"), { _ in }, under: .project("4-2"), node: task)
        let tracked = try #require(draft.tasks.first { !$0.tracks.isEmpty && draft.owners(of: .indicator($0.tracks[0]))?.task == nil })
        draft = try PlanDraft.drop(.indicator(tracked.tracks[0]), reason: LocalizedText(ko: "시험"), from: draft).get()
        draft = try PlanDraft.drop(.task("1-2.ai-ethics-and-law"), reason: LocalizedText(ko: "옮겨 감"), from: draft).get()
        if let owner = draft.tasks.first(where: { !$0.indicators.isEmpty }), let own = owner.indicators.first, own.finalTarget?.value != nil {
            try edit(.indicator(own.id)) { node in
                let last = node["targets"]!.items.count - 1
                node.assign(YAMLPath("targets.\(last).comparator"), .scalar("atLeast"))
            }
        }
        return draft
    }

    @Test("every kind of edit is a delta that reads back and applies as exactly the draft")
    func roundTrip() throws {
        let draft = try Self.editedDraft()
        let delta = try #require(PlanDelta(base: 2, from: Self.base, to: draft))
        let kinds = Set(delta.entries.map(\.change))
        #expect(kinds == Set(PlanDelta.Change.allCases))
        #expect(delta.entries.contains { $0.item == .plan } && delta.entries.contains { $0.item == .revision })
        #expect(delta.entries.contains { $0.item == .pillar("1") } && delta.entries.contains { $0.item == .project("1-2") })
        let read = try PlanDelta.read(delta.bytes).get()
        #expect(read == delta)
        #expect(try read.applied(to: Self.base).get() == draft)
        // What the diff lists is what the whole file's diff lists.
        #expect(PlanDiff.changes(from: Self.base, to: try read.applied(to: Self.base).get()) == PlanDiff.changes(from: Self.base, to: draft))
        // A fraction of the whole file.
        #expect(delta.bytes.count * 5 < PlanWriter.yaml(draft).utf8.count)
    }

    @Test("a draft just opened is its revision block alone")
    func opened() throws {
        let draft = PlanDraftTests.draft
        let delta = try #require(PlanDelta(base: 2, from: Self.base, to: draft))
        #expect(delta.entries.map(\.item) == [.revision])
        #expect(try PlanDelta.read(delta.bytes).get().applied(to: Self.base).get() == draft)
    }

    @Test("random edits, additions and drops of indicators apply as the draft", .timeLimit(.minutes(2)))
    func randomEdits() async {
        let numeric = Self.base.pillars.flatMap(\.projects).flatMap(\.indicators).filter {
            $0.finalTarget?.value != nil && $0.measure != .percent && $0.measure != .rank
        }
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000)) { seed in
            var rng = SplitMix(seed: UInt64(seed))
            var draft = PlanDraftTests.draft
            for indicator in numeric where Int.random(in: 0..<4, using: &rng) == 0 {
                guard let at = draft.position(of: .indicator(indicator.id)), let j = at.project, let i = at.indicator, at.task == nil else { continue }
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    draft = (try? PlanDraft.drop(.indicator(indicator.id), reason: LocalizedText(ko: "시험"), from: draft).get()) ?? draft
                } else if let last = draft.pillars[at.pillar].projects[j].indicators[i].targets.indices.last {
                    draft.pillars[at.pillar].projects[j].indicators[i].targets[last].value = Double(Int.random(in: 1...999, using: &rng))
                    draft.pillars[at.pillar].projects[j].indicators[i].targets[last].asWritten = nil
                }
            }
            let extra = Int.random(in: 0...3, using: &rng)
            for n in 0..<extra {
                let project = Self.base.projects[Int.random(in: 0..<Self.base.projects.count, using: &rng)].id
                if let added = PlanDraft.edit(.indicator("\(project).added-\(n)"), node: Self.newNode("\(project).added-\(n)", value: "\(n + 1)개"),
                                              in: draft, under: .project(project), history: Self.history).plan {
                    draft = added
                }
            }
            guard let delta = PlanDelta(base: 2, from: Self.base, to: draft) else {
                Issue.record("seed \(seed): no delta")
                return
            }
            let applied = PlanDelta.read(delta.bytes).flatMap { $0.applied(to: Self.base) }
            #expect((try? applied.get()) == draft, "seed \(seed): \(applied) \(PlanDiff.changes(from: (try? applied.get()) ?? Self.base, to: draft))")
        }
    }

    @Test("a draft that reorders, moves or changes what the editor does not change is no delta (it is stored whole)")
    func notADelta() {
        let draft = PlanDraftTests.draft
        var reordered = draft
        reordered.pillars[0].projects[0].indicators.reverse()
        var moved = draft
        moved.pillars[1].projects.append(moved.pillars[0].projects.removeLast())
        var period = draft
        period.id = "other-plan"
        var noRevision = draft
        noRevision.revision = nil
        var movedIndicator = draft
        movedIndicator.pillars[1].projects[0].indicators.append(movedIndicator.pillars[0].projects[0].indicators.removeFirst())
        for plan in [reordered, moved, period, noRevision, movedIndicator] {
            #expect(PlanDelta(base: 2, from: Self.base, to: plan) == nil)
        }
    }

    @Test("a damaged stored delta is refused with its reason", arguments: [
        ("", "does not start"),
        ("format: planwatch-plan-delta/1\n", "names no base"),
        ("format: planwatch-plan-delta/1\nbase: 2\nchanges:\n- renamed: indicator x\n", "line 4"),
        ("format: planwatch-plan-delta/1\nbase: 2\nchanges:\n- added: indicator 1-2.x\n  node: {id: 1-2.x}\n", "needs 'under'"),
        ("format: planwatch-plan-delta/1\nbase: 2\nchanges:\n- dropped: indicator 1-2.x\n  node: {id: 1-2.x}\n", "has no"),
        ("format: planwatch-plan-delta/1\nbase: 2\nchanges:\n- edited: widget 1\n  node: {}\n", "line 4"),
        ("format: planwatch-plan-delta/1\nbase: 2\nchanges:\n- edited: indicator x\n  node: {a: &a [x,x,x,x,x,x,x,x,x,x], b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], "
            + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b], d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c], e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]}\n", "larger"),
        ("format: planwatch-plan-delta/1\nbase: [\n", "not YAML"),
        ("\u{FF}\u{FE}", "UTF-8"),
    ])
    func damaged(_ text: String, _ reason: String) {
        let bytes: [UInt8] = text == "\u{FF}\u{FE}" ? [0xFF, 0xFE] : Array(text.utf8)
        switch PlanDelta.read(bytes) {
        case .success(let delta): Issue.record("read: \(delta)")
        case .failure(let refusal): #expect(refusal.description.contains(reason), "\(refusal)")
        }
    }

    @Test("a delta whose items are not in the version, or do not pass plan check, applies not at all")
    func refusedWhole() throws {
        let draft = try Self.editedDraft()
        var delta = try #require(PlanDelta(base: 2, from: Self.base, to: draft))
        var missing = delta
        missing.entries.append(PlanDelta.Entry(.edited, .indicator("9-9.nowhere"), node: Self.newNode("9-9.nowhere")))
        missing.entries.append(PlanDelta.Entry(.added, .indicator("1-2.elsewhere"), parent: .project("9-9"), node: Self.newNode("1-2.elsewhere")))
        guard case .failure(let refusal) = missing.applied(to: Self.base) else { Issue.record("applied"); return }
        #expect(refusal.problems.count == 2 && refusal.problems[0].contains("indicator 9-9.nowhere"))
        let i = try #require(delta.entries.firstIndex { $0.item == .indicator("4-2.smart-industrial-complexes") })
        delta.entries[i].node?.assign(YAMLPath("targets.1.value"), .scalar("스무개"))
        guard case .failure(let bad) = delta.applied(to: Self.base) else { Issue.record("applied"); return }
        #expect(bad.problems.contains { $0.contains("스무개") }, "\(bad)")
    }

    @Test("a delta written by hand, as docs/plan-format.md shows it, applies to the Digital New Deal")
    func byHand() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Repo.path("Fuzz/Corpus/planDelta/edits.yaml")))
        let base = try BundledPlan.loadDefault().get()
        let plan = try PlanDelta.read([UInt8](bytes)).get().applied(to: base).get()
        #expect(plan.indicator("1-2.immersive-content-firms")?.finalTarget?.value == 200)
        #expect(plan.task("1-2.ai-ethics-and-law") == nil && plan.task("1-2.new-task")?.tracks == ["1-2.new-one"])
        #expect(plan.project("1-2")?.indicators.last?.id == "1-2.new-one" && plan.pillars[0].title.ko == "데이터 댐 (보완)")
        #expect(plan.title[.en] == "Digital New Deal (revised)" && plan.revision?.explanations.first?.about == "task 1-2.ai-ethics-and-law")
        let changes = PlanDiff.changes(from: base, to: plan)
        #expect(changes.contains { $0.kind == .raised } && changes.contains { $0.kind == .removed } && changes.filter { $0.kind == .added }.count >= 2)
    }
}
