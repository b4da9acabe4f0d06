import Foundation
import Testing
@testable import PlanCore

@Suite("Editing a plan as a draft revision: each item checked as plan check checks the file")
struct PlanDraftTests {
    static let original = try! PlanLoader.load(path: Repo.path("Plans/digital-new-deal.yaml")).get()
    static let revised = try! PlanLoader.load(path: Repo.path("Plans/digital-new-deal-2.0.yaml")).get()
    static let history = PlanHistory([original, revised])
    static let today = CalendarDay(iso: "2026-01-15")!

    static var draft: Plan { PlanDraft.open(history, today: today) }

    /// The messages `plan check` gives for the whole file with `node` in place of the indicator.
    static func wholeFileMessages(_ id: String, node: YAMLTree, in plan: Plan) -> Set<String> {
        var tree = PlanWriter.tree(plan)
        let path = indicatorPath(id, in: plan)!
        tree.replace(path, with: node)
        return Set(PlanLoader.load(yaml: YAMLEmitter.write(tree), file: "whole.yaml").errors.map(\.message))
    }

    static func indicatorPath(_ id: String, in plan: Plan) -> YAMLPath? {
        for (p, pillar) in plan.pillars.enumerated() {
            for (j, project) in pillar.projects.enumerated() {
                if let i = project.indicators.firstIndex(where: { $0.id == id }) { return YAMLPath("pillars.\(p).projects.\(j).indicators.\(i)") }
                for (t, task) in project.tasks.enumerated() {
                    if let i = task.indicators.firstIndex(where: { $0.id == id }) { return YAMLPath("pillars.\(p).projects.\(j).tasks.\(t).indicators.\(i)") }
                }
            }
        }
        return nil
    }

    @Test("a draft starts as the latest version with a revision of its own, after it and before the plan's end")
    func opening() {
        let draft = Self.draft
        #expect(draft.pillars == Self.revised.pillars)
        let revision = try! #require(draft.revision)
        #expect(revision.effective == CalendarDay(iso: "2021-07-15"))
        #expect(revision.sources.isEmpty)
        #expect(PlanDiff.changes(from: Self.revised, to: draft).isEmpty)
        let written = PlanLoader.load(yaml: PlanWriter.yaml(draft), file: "draft.yaml")
        #expect(written.errors.isEmpty)
        #expect(written.plan == draft)
    }

    @Test("a bad value is refused beside its field, in the words plan check prints for the whole file",
          arguments: ["삼천개", "1,00개", "120%", "-5", "1.5만톤", "3~5개"])
    func sameWords(_ value: String) throws {
        let draft = Self.draft
        let id = "1-2.immersive-content-firms"
        var node = PlanWriter.indicator(draft.indicator(id)!)
        node.assign(YAMLPath("targets.1.value"), .scalar(value))
        let edit = PlanDraft.edit(.indicator(id), node: node, in: draft, history: Self.history)
        #expect(edit.plan == nil)
        let messages = try #require(edit.errors[YAMLPath("targets.1.value")], "\(edit.errors)")
        #expect(Set(messages).isSubset(of: Self.wholeFileMessages(id, node: node, in: draft)))
        #expect(edit.errors.values.joined().count == Self.wholeFileMessages(id, node: node, in: draft).count)
    }

    @Test("problems of a whole target, a period and a missing English name are traced to their node")
    func places() {
        let draft = Self.draft
        let id = "1-2.immersive-content-firms"
        var node = PlanWriter.indicator(draft.indicator(id)!)
        node.assign(YAMLPath("targets.0.due"), .scalar("2030"))
        node.assign(YAMLPath("name.en"), nil)
        node.assign(YAMLPath("baseline.period"), .scalar("'18.13"))
        let edit = PlanDraft.edit(.indicator(id), node: node, in: draft, history: Self.history)
        #expect(edit.errors[YAMLPath("targets.0.due")]?.first?.contains("outside the plan's period") == true)
        #expect(edit.errors[YAMLPath("name")]?.first?.contains("'en'") == true)
        #expect(edit.errors[YAMLPath("baseline.period")]?.first?.contains("is not a real date") == true, "\(edit.errors)")
    }

    @Test("a valid edit raises the target: the diff says raised, and the draft still loads as a file")
    func raise() throws {
        let draft = Self.draft
        let id = "1-2.immersive-content-firms"
        var node = PlanWriter.indicator(draft.indicator(id)!)
        node.assign(YAMLPath("targets.1.value"), .scalar("180개"))
        let edit = PlanDraft.edit(.indicator(id), node: node, in: draft, history: Self.history)
        let plan = try #require(edit.plan, "\(edit.errors) \(edit.other)")
        #expect(plan.indicator(id)?.targets[1].value == 180)
        let changes = PlanDiff.changes(from: Self.revised, to: plan)
        #expect(changes.count == 1)
        #expect(changes.first?.kind == .raised)
        #expect(PlanLoader.load(yaml: PlanWriter.yaml(plan), file: "d.yaml").plan == plan)
    }

    @Test("a new indicator takes a new id: not one in the draft, not one an earlier version dropped")
    func ids() throws {
        let draft = Self.draft
        let droppedBy20 = Set(Self.original.indicators.map(\.id)).subtracting(Self.revised.indicators.map(\.id)).sorted().first
        let node = { (id: String) -> YAMLTree in
            .mapping([YAMLEntry("id", .scalar(id)), YAMLEntry("name", .mapping([YAMLEntry("ko", .scalar("새 지표")), YAMLEntry("en", .scalar("New"))])),
                      YAMLEntry("unit", .scalar("개")),
                      YAMLEntry("targets", .sequence([.mapping([YAMLEntry("due", .scalar("2025")), YAMLEntry("value", .scalar("10개"))])]))])
        }
        let taken = PlanDraft.edit(.indicator("1-2.robot-specialist-firms"), node: node("1-2.robot-specialist-firms"), in: draft, under: .project("1-2"),
                                   history: Self.history)
        #expect(taken.errors[YAMLPath("id")]?.first?.hasPrefix("duplicate indicator id '1-2.robot-specialist-firms'") == true)
        if let dropped = droppedBy20 {
            let reused = PlanDraft.edit(.indicator(dropped), node: node(dropped), in: draft, under: .project("1-2"), history: Self.history)
            #expect(reused.errors[YAMLPath("id")]?.first?.contains("in force from 2020-07-14 and dropped since") == true)
        }
        let fresh = PlanDraft.edit(.indicator("1-2.new-one"), node: node("1-2.new-one"), in: draft, under: .project("1-2"), history: Self.history)
        let plan = try #require(fresh.plan)
        #expect(plan.project("1-2")?.indicators.last?.id == "1-2.new-one")
        #expect(PlanDiff.changes(from: Self.revised, to: plan).map(\.kind) == [.added])
    }

    @Test("dropping an indicator keeps the reason as the change's explanation and stops tasks tracking it")
    func dropIndicator() throws {
        let draft = Self.draft
        guard let tracked = draft.tasks.first(where: { !$0.tracks.isEmpty }), let id = tracked.tracks.first else { return }
        let plan = try PlanDraft.drop(.indicator(id), reason: LocalizedText(ko: "측정 자료가 없어 삭제"), from: draft).get()
        #expect(plan.indicator(id) == nil)
        #expect(!plan.tasks.contains { $0.tracks.contains(id) })
        #expect(plan.revision?.explanations.first { $0.about == "indicator \(id)" }?.note?.ko == "측정 자료가 없어 삭제")
        let change = try #require(PlanDiff.changes(from: Self.revised, to: plan).first { $0.kind == .removed })
        #expect(plan.revision?.explanation(of: change)?.note?.ko == "측정 자료가 없어 삭제")
        #expect(PlanDraft.problems(plan, history: Self.history).isEmpty)
    }

    @Test("dropping needs a reason, and a task with tasks under it cannot go first")
    func dropRefusals() {
        let draft = Self.draft
        #expect(throws: DraftProblem.self) { try PlanDraft.drop(.task("1-2.ai-ethics-and-law"), reason: LocalizedText(ko: " "), from: draft).get() }
        if let child = draft.tasks.first(where: { $0.parent != nil }), let parent = child.parent {
            #expect(throws: DraftProblem.self) { try PlanDraft.drop(.task(parent), reason: LocalizedText(ko: "사유"), from: draft).get() }
        }
        let reform = try! PlanDraft.drop(.task("1-2.ai-ethics-and-law"), reason: LocalizedText(ko: "완료되어 삭제"), from: draft).get()
        #expect(reform.task("1-2.ai-ethics-and-law") == nil)
    }

    @Test("a whole draft that reuses an id an earlier version dropped is refused")
    func wholeDraftReuse() throws {
        guard let dropped = Set(Self.original.indicators.map(\.id)).subtracting(Self.revised.indicators.map(\.id)).sorted().first,
              let old = Self.original.indicator(dropped) else { return }
        var draft = Self.draft
        var reborn = old
        reborn.name = LocalizedText(ko: "다른 것", en: "Something else")
        draft.pillars[0].projects[0].indicators.append(reborn)
        let problems = PlanDraft.problems(draft, history: Self.history)
        #expect(problems.contains { $0.item == .indicator(dropped) && $0.message.contains("dropped since") })
    }

    @Test("a new task and its laws; a reform's warning is kept beside its field")
    func newReform() throws {
        let draft = Self.draft
        let node = YAMLTree.mapping([
            YAMLEntry("id", .scalar("1-2.new-reform")), YAMLEntry("kind", .scalar("reform")),
            YAMLEntry("title", .mapping([YAMLEntry("ko", .scalar("새 제도 개선")), YAMLEntry("en", .scalar("A new reform"))])),
            YAMLEntry("detail", .mapping([YAMLEntry("ko", .scalar("「정보통신망법」을 개정한다."))])),
        ])
        let edit = PlanDraft.edit(.task("1-2.new-reform"), node: node, in: draft, under: .project("1-2"), history: Self.history)
        #expect(edit.plan != nil)
        #expect(edit.warnings[.root]?.contains { $0.contains("lists none") } == true)
        var withLaw = node
        withLaw.assign(YAMLPath("laws.0.name.ko"), .scalar("「정보통신망법」"))
        withLaw.assign(YAMLPath("laws.0.name.en"), .scalar("Network Act"))
        withLaw.assign(YAMLPath("laws.0.action"), .scalar("amend"))
        let refused = PlanDraft.edit(.task("1-2.new-reform"), node: withLaw, in: draft, under: .project("1-2"), history: Self.history)
        #expect(refused.errors[YAMLPath("laws.0.name")]?.first?.contains("without 「 」") == true)
    }

    @Test("the revision block and the plan's own budget are items too")
    func planAndRevision() throws {
        let draft = Self.draft
        var revision = PlanWriter.revision(draft.revision!)
        revision.assign(YAMLPath("effective"), .scalar("2023-01-01"))
        let late = PlanDraft.edit(.revision, node: revision, in: draft, history: Self.history)
        #expect(late.other.contains { $0.contains("cannot end") } || late.errors.values.joined().contains { $0.contains("cannot end") })
        revision.assign(YAMLPath("effective"), .scalar("2022-01-01"))
        revision.assign(YAMLPath("sources.0.id"), .scalar("s1"))
        revision.assign(YAMLPath("sources.0.publisher.ko"), .scalar("관계부처 합동"))
        revision.assign(YAMLPath("sources.0.publisher.en"), .scalar("Joint"))
        revision.assign(YAMLPath("sources.0.url"), .scalar("ftp://x"))
        let badURL = PlanDraft.edit(.revision, node: revision, in: draft, history: Self.history)
        #expect(badURL.errors[YAMLPath("sources.0.url")] != nil)
        revision.assign(YAMLPath("sources.0.url"), .scalar("https://www.korea.kr/"))
        let ok = try #require(PlanDraft.edit(.revision, node: revision, in: draft, history: Self.history).plan)
        #expect(ok.revision?.effective == CalendarDay(iso: "2022-01-01"))
        var head = YAMLTree.mapping([YAMLEntry("title", PlanWriter.text(draft.title))])
        head.assign(YAMLPath("budget.0.by"), .scalar("2025"))
        head.assign(YAMLPath("budget.0.treasury"), .scalar("50조원"))
        let plan = try #require(PlanDraft.edit(.plan, node: head, in: draft, history: Self.history).plan)
        #expect(plan.budget.first?.treasury == 50_000_000_000_000)
        #expect(PlanDiff.changes(from: Self.revised, to: plan).contains { $0.kind == .raised && $0.subject == "budget plan by 2025" })
    }

    @Test("what a draft does to today's verdicts: a moved target moves the verdict, a dropped indicator keeps its values")
    func effects() throws {
        let city = try PlanLoader.load(path: Repo.path("Plans/example-city.yaml")).get()
        let history = PlanHistory(city)
        let id = "1-1.wifi-hotspots"
        let facts = FactSet(observations: [
            Fixture.observation(1, id, "2024", 200, recorded: "2025-01-10T00:00:00Z", approved: "2025-01-11T00:00:00Z"),
            Fixture.observation(2, id, "2025", 300, recorded: "2026-01-10T00:00:00Z", approved: "2026-01-11T00:00:00Z"),
        ])
        let asOf = Fixture.asOf("2026-02-01")
        let index = PlanIndex(city)
        let table = ObservationTable(facts.observations, index: index)
        let assessment = Assessor.assess(index, observations: table, facts: facts, asOf: asOf)
        var draft = PlanDraft.open(history, today: asOf.day)
        var node = PlanWriter.indicator(draft.indicator(id)!)
        node.assign(YAMLPath("targets.1.value"), .scalar("300개소"))
        draft = try #require(PlanDraft.edit(.indicator(id), node: node, in: draft, history: history).plan)
        draft = try PlanDraft.drop(.indicator("1-1.coverage"), reason: LocalizedText(ko: "측정 중단"), from: draft).get()
        let changes = PlanDiff.changes(from: city, to: draft)
        let effects = RevisionEffects(changes: changes, current: index, assessment: assessment, draft: draft, observations: table,
                                      factIndex: index, taskReports: [], asOf: asOf)
        let raised = try #require(effects.indicators.first { $0.id == id })
        #expect(raised.before == .insufficientProgress)
        #expect(raised.after == .achieved)
        #expect(raised.approvedValues == 2)
        let dropped = try #require(effects.indicators.first { $0.id == "1-1.coverage" })
        #expect(dropped.after == nil)
        #expect(dropped.before != nil)
    }
}
