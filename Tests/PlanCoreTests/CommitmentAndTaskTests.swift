import Testing
@testable import PlanCore

@Suite("Budget, jobs, tasks and roll-ups")
struct CommitmentAndTaskTests {
    typealias F = Fixture
    let index = PlanIndex(Repo.digitalNewDeal)

    func record(_ id: Int64, _ day: String) -> FactRecord {
        FactRecord(id: id, recordedAt: Timestamp(iso: day)!, approvedAt: Timestamp(iso: day)!)
    }

    @Test("budget: yearly execution rates, and the total executed on the path to the treasury commitment")
    func budget() {
        // 1-1 commits 3.1조원 of treasury by 2022. Executed 1.0조 (2020, of 1.1 allocated) + 1.0조 (2021, of 1.0).
        // t₀ = 2019-12-31; through 2021: s = 731/1096 = 0.66697; p = 2.0/3.1 = 0.64516; r = 0.96730 → on track.
        let facts = FactSet(budget: [
            BudgetExecution(record: record(1, "2021-02-01"), projectId: "1-1", fiscalYear: 2020, allocated: 1_100_000_000_000, executed: 1_000_000_000_000),
            BudgetExecution(record: record(2, "2022-02-01"), projectId: "1-1", fiscalYear: 2021, allocated: 1_000_000_000_000, executed: 1_000_000_000_000),
        ])
        let a = Assessor.assess(index, facts: facts, asOf: F.asOf("2022-06-30"))
        let b = a.budget[index.projectIndex["1-1"]!]
        #expect(b.years.map(\.fiscalYear) == [2020, 2021])
        #expect(F.close(b.years[0].rate, 1.0 / 1.1) && F.close(b.executionRate, 2.0 / 2.1))
        #expect(b.progress.committed == 3_100_000_000_000 && b.progress.toDate == 2_000_000_000_000)
        #expect(F.close(b.progress.path?.s, 731.0 / 1096) && F.close(b.progress.path?.r, 0.96730) && b.progress.status == .onTrack)
        #expect(AssessmentExplanation.commitment(b.progress, kind: .budget, .ko) == "2022년까지 약속한 국고 3.1조원 대비 2021년까지 2조원 집행(기간의 67% 경과, 약속의 65%, r = 0.97): 순항")
        #expect(a.plan.budgetExecutedToDate == 2_000_000_000_000 && a.plan.budgetAllocatedToDate == 2_100_000_000_000)
    }

    @Test("jobs: the running total against 16.1만 by 2022, then the final verdict")
    func jobs() {
        // 3만 (2020) + 5만 (2021) = 8만: p = 80,000/161,000 = 0.49689; s = 0.66697; r = 0.74500 → moderate progress.
        var facts = FactSet(jobs: [
            JobsReport(record: record(1, "2021-02-01"), projectId: "1-1", year: 2020, jobs: 30_000),
            JobsReport(record: record(2, "2022-02-01"), projectId: "1-1", year: 2021, jobs: 50_000),
        ])
        let now = Assessor.assess(index, facts: facts, asOf: F.asOf("2022-06-30")).jobs[0]
        #expect(F.close(now.progress.path?.r, 0.74500) && now.progress.status == .moderateProgress)
        // 2022: 8.5만 more → 16.5만 ≥ 16.1만: the 2022 commitment is met; the 2025 one (29.5만) is now active.
        facts.jobs.append(JobsReport(record: record(3, "2023-02-01"), projectId: "1-1", year: 2022, jobs: 85_000))
        let later = Assessor.assess(index, facts: facts, asOf: F.asOf("2023-06-30")).jobs[0]
        #expect(later.progress.passed.map(\.status) == [.achieved] && later.progress.milestone == .year(2025))
        #expect(later.progress.toDate == 165_000)
    }

    @Test("tasks and reforms: done, on schedule, late, past due unreported, not started")
    func tasks() {
        // 1-1.data-control-tower is due H2 2020.
        let id = "1-1.data-control-tower"
        func status(_ reports: [TaskStatusReport], asOf: String) -> TaskAssessment {
            Assessor.assess(index, facts: FactSet(taskStatuses: reports), asOf: F.asOf(asOf)).tasks[index.taskIndex[id]!]
        }
        func report(_ i: Int64, _ day: String, _ p: TaskStatusReport.Progress) -> TaskStatusReport {
            TaskStatusReport(record: record(i, day), taskId: id, asOfDay: F.day(day), progress: p, evidence: "근거 \(i)")
        }
        #expect(status([], asOf: "2020-08-01").status == .notStarted)
        #expect(status([report(1, "2020-08-01", .inProgress)], asOf: "2020-09-01").status == .onSchedule)
        #expect(status([report(1, "2020-08-01", .inProgress)], asOf: "2021-01-01").status == .late)
        // Nothing reported past the due date is overdue for a report, not evidence of lateness.
        let unreported = status([], asOf: "2021-01-01")
        #expect(unreported.status == .unreported && unreported.status.isOverdue)
        #expect(AssessmentExplanation.task(unreported, .ko) == "기한(2020년 하반기)이 지났으나 진행 보고가 없음")
        #expect(status([report(1, "2020-08-01", .notStarted)], asOf: "2021-01-01").status == .late)
        let done = status([report(1, "2020-08-01", .inProgress), report(2, "2020-11-20", .done)], asOf: "2021-01-01")
        #expect(done.status == .done && !done.completedLate && done.latest?.evidence == "근거 2")
        let lateDone = status([report(1, "2021-03-02", .done)], asOf: "2021-06-01")
        #expect(lateDone.status == .done && lateDone.completedLate)
        #expect(AssessmentExplanation.task(lateDone, .ko).contains("(기한 2020년 하반기를 넘겨 완료)"))
    }

    @Test("roll-ups count every status and show the worst; they never average")
    func rollUps() {
        let gci = "1-4.gci-rank", ai = "1-1.ai-specialist-firms"
        let facts = FactSet(observations: [
            F.observation(1, gci, "2021", 10, recorded: "2022-01-10", approved: "2022-01-11"),
            F.observation(2, ai, "2021", 48, recorded: "2022-01-10", approved: "2022-01-11"),
        ])
        let a = Assessor.assess(index, facts: facts, asOf: F.asOf("2022-06-30"))
        #expect(a.plan.indicators[.onTrack] == 1 && a.plan.indicators[.movingAway] == 1)
        #expect(a.plan.assessable == 2 && a.plan.onTrack == 1 && a.plan.shareOnTrack == 0.5 && a.plan.worst == .movingAway)
        #expect(a.pillars[0].worst == .movingAway && a.projects[index.projectIndex["1-4"]!].worst == .onTrack)
        #expect(a.plan.indicatorCount == index.indicators.count)
        #expect(a.slippingIndicators == [index.indicatorIndex[ai]!])
    }
}

@Suite("Rows and budget bases")
struct RowAndBasisTests {
    @Test("a two-part row shows the worst computed status of its parts")
    func rowStatus() {
        let index = PlanIndex(Repo.digitalNewDeal)
        let parts = index.indicators.filter { $0.row != nil }
        let facts = FactSet(observations: [
            Fixture.observation(1, parts[0].id, "2021", 1, recorded: "2022-01-05", approved: "2022-01-06"),
            Fixture.observation(2, parts[0].id, "2022-06", 3, recorded: "2022-06-30", approved: "2022-06-30"),
            Fixture.observation(3, parts[1].id, "2021", 0, recorded: "2022-01-05", approved: "2022-01-06"),
            Fixture.observation(4, parts[1].id, "2022-06", 0, recorded: "2022-06-30", approved: "2022-06-30"),
        ])
        let a = Assessor.assess(index, facts: facts, asOf: Fixture.asOf("2022-06-30"))
        #expect(a.rowStatus(parts[0].rowKey, index: index) == .insufficientProgress)
        // Values for March instead, three months after the stand-in baseline (under a year and under a quarter of
        // the way to the 2022 due date) and no move from it (under a quarter of the planned change), so neither part
        // can be judged, and the row says so.
        let march = FactSet(observations: facts.observations.map { o in
            var o = o
            if o.period == .month(2022, 6) {
                o.period = .month(2022, 3)!
                o.value = o.indicatorId == parts[0].id ? 1 : 0
            }
            return o
        })
        #expect(Assessor.assess(index, facts: march, asOf: Fixture.asOf("2022-06-30")).rowStatus(parts[0].rowKey, index: index) == .tooEarly)
    }

    @Test("budget execution is compared with the treasury commitment, or the total cost where none is given")
    func basis() {
        let plan = try! PlanLoader.load(path: Repo.path("Plans/example-city.yaml")).get()
        let a = Assessor.assess(PlanIndex(plan), facts: FactSet(), asOf: Fixture.asOf("2025-01-01"))
        #expect(a.budget.map(\.basis) == [.treasury, .treasury])
        var noTreasury = plan
        noTreasury.pillars[0].projects[0].budget[0].treasury = nil
        let b = Assessor.assess(PlanIndex(noTreasury), facts: FactSet(), asOf: Fixture.asOf("2025-01-01"))
        #expect(b.budget[0].basis == .totalCost && b.budget[0].progress.committed == 12_000_000_000)
        #expect(AssessmentExplanation.budget(b.budget[0], .ko).hasPrefix("2025년까지 약속한 총사업비 120억원"))
    }
}
