import Foundation
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The reporting status counts every value owed for every ended year, by project and year, and
/// lists the longest overdue first in plan order.
@Suite struct ReportingStatusTests {
    @Test func countsEveryOwedValueAndListsTheOldestOverdueInPlanOrder() async throws {
        let f = try await WorkspaceFixture.make()
        let index = f.site.model.index
        let at = Timestamp(iso: "2022-03-01T09:00:00+09:00")!
        let ids = try await f.store.append([
            FactEntry(.observation(indicatorId: "1-1.data-market-size", period: .year(2021)!, value: 20e12, text: nil)),
            FactEntry(.observation(indicatorId: "1-1.ai-specialist-firms", period: .year(2021)!, value: 80, text: nil)),
        ], state: .submitted, actor: Actor("user:lee"), at: at)
        try await f.store.transition(.observation, ids: [ids[0]], to: .approved, actor: Actor("user:park"), reason: nil, at: at)
        let today = CalendarDay(iso: "2023-06-30")!
        let ledger = try await Workflow(store: f.store, index: index, lockAfterDays: 400).ledgerOfYears(ReportingStatus.years(of: index))
        let status = ReportingStatus(index: index, ledger: ledger, policy: f.site.policy, dueAfterDays: 60, today: today)

        // 2020 to 2022 have ended by mid-2023; each owes every indicator, and budget and jobs where the project has them.
        #expect(status.years == [2020, 2021, 2022])
        let perYear = index.indicators.count + index.projects.filter { !$0.budget.isEmpty }.count + index.projects.filter { !$0.jobs.isEmpty }.count
        #expect(status.items.count == 3 * perYear)
        let p11 = try #require(index.projectIndex["1-1"])
        let counts = status.counts(project: p11, year: 1)
        #expect(counts.approved == 1 && counts.submitted == 1)
        #expect(counts.due == counts.approved + counts.submitted + counts.owed)
        #expect(status.organizations[p11].contains("msit"))
        // Each project's organizations are those the access policy gives it (plan leads and assignments), sorted.
        for (p, project) in index.projects.enumerated() {
            #expect(status.organizations[p] == f.site.policy.projectsByOrganization.filter { $0.value.contains(project.id) }.keys.sorted())
        }
        // 2022's values are due on 2023-03-01, so everything owed of the three years is overdue; the
        // submitted and approved values of 2021 are not.
        #expect(status.due(2022) == CalendarDay(iso: "2023-03-01")!)
        #expect(status.overdueCount == status.items.filter(\.overdue).count)
        #expect(status.overdueCount == 3 * perYear - 2)
        let oldest = status.oldestOverdue(5)
        #expect(oldest.count == 5)
        #expect(oldest.allSatisfy { $0.year == 2020 && $0.project == 0 })
        // The project's budget and jobs come before its indicators.
        #expect(oldest.first?.kind == .budget)
        #expect(oldest.map(\.kind).firstIndex(of: .observation) == 2)
        #expect(status.oldestOverdue(3 * perYear).count == 3 * perYear - 2)
    }

    @Test func aPagerShowsItsRowsAndLinksToTheOthers() {
        let pager = Pager(count: 250, size: 100, query: "3")
        #expect(pager.rows == 200..<250)
        #expect(Pager(count: 250, size: 100, query: "9").page == 3)
        #expect(Pager(count: 250, size: 100, query: "x").rows == 0..<100)
        #expect(!Pager(count: 250, size: 100, page: 4).exists)
        #expect(Pager(count: 0, size: 100, page: 1).exists)
    }
}
