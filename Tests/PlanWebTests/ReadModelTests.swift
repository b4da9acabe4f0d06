import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// An approval adds its facts to the read model instead of rebuilding it; the result must be
/// the model a whole rebuild gives.
@Suite struct ReadModelTests {
    @Test func addingApprovedFactsGivesTheModelAWholeRebuildGives() async throws {
        let site = try await WebFixture.makeDemo()
        let all = try await #require(site.store).publishedFacts()
        #expect(all.observations.count > 20 && all.budget.count > 2 && all.jobs.count > 2)
        func half(_ first: Bool) -> FactSet {
            func pick<T>(_ xs: [T]) -> [T] { first ? Array(xs.prefix(xs.count / 2)) : Array(xs.dropFirst(xs.count / 2)) }
            return FactSet(observations: pick(Array(all.observations)), budget: pick(all.budget), jobs: pick(all.jobs), taskStatuses: pick(all.taskStatuses))
        }
        let today = Timestamp.now.koreanDay
        let plan = site.model.plan
        let start = ReadModel(version: 1, plan: plan, facts: half(true), today: today)
        // The second half, and again a few facts the model already holds: they count once.
        var delta = half(false)
        delta.observations += all.observations.prefix(3)
        delta.budget += all.budget.prefix(1)
        let added = start.adding(delta, version: 2)
        let whole = ReadModel(version: 2, plan: plan, facts: all, today: today)

        #expect(AssessmentJSON.document(added.assessment, index: added.index).compact
            == AssessmentJSON.document(whole.assessment, index: whole.index).compact)
        #expect(plan.indicators.allSatisfy { added.history(of: $0.id).map(\.record.id) == whole.history(of: $0.id).map(\.record.id) })
        #expect(added.facts.count == all.count)
        #expect(added.observations.count == whole.observations.count)
        #expect(added.hasSampleData == whole.hasSampleData)
        #expect(added.facts.observations.map(\.record.id) == all.observations.map(\.record.id).sorted())
        // A new day judges the same facts again, as a whole rebuild for that day would.
        let tomorrow = today.adding(days: 1)
        #expect(AssessmentJSON.document(added.forDay(tomorrow, version: 3).assessment, index: added.index).compact
            == AssessmentJSON.document(ReadModel(version: 3, plan: plan, facts: all, today: tomorrow).assessment, index: whole.index).compact)
        // Nothing new: the same model comes back.
        #expect(added.adding(delta, version: 3) === added)
    }
}
