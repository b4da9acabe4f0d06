/// The assessment as the JSON of `planwatch assess --format json` and `GET /api/v1/assessments`
/// (`docs/method.md` describes every field): one object per indicator, budget, jobs and task,
/// plus roll-ups per plan, pillar and project.
public enum AssessmentJSON {
    public static func document(_ a: PlanAssessment, index: PlanIndex) -> JSONValue {
        document(a, index: index, indicators: Array(a.indicators.indices), page: nil)
    }

    /// The document with only some indicators (filtered and paged). The plan's and the
    /// pillars' roll-ups are always whole; the projects' roll-ups, budget, jobs and tasks cover
    /// the projects of the indicators it holds, so a page of a national plan carries its own
    /// slice (about 100 KB for 100 indicators) instead of every project's (4 MB).
    public static func document(_ a: PlanAssessment, index: PlanIndex, indicators positions: [Int],
                                page: (offset: Int, limit: Int, total: Int)?) -> JSONValue {
        let projects = positions.count == a.indicators.count ? Array(index.projects.indices)
            : Array(Set(positions.map { index.projectOfIndicator[$0] })).sorted()
        let wanted = Set(projects)
        return .compactObject([
            ("planId", .string(a.planId)),
            ("asOf", .string(a.asOf.day.iso)),
            ("method", .string(PlanAssessment.methodVersion)),
            ("rollups", .compactObject([
                ("plan", rollUp(a.plan)),
                ("pillars", .array(index.plan.pillars.enumerated().map { i, p in
                    .compactObject([("id", .string(p.id))] + rollUpPairs(a.pillars[i]))
                })),
                ("projects", .array(projects.map { i in
                    .compactObject([("id", .string(index.projects[i].id))] + rollUpPairs(a.projects[i]))
                })),
            ])),
            ("indicators", .array(positions.map { indicator(a.indicators[$0], index: index, position: $0) })),
            ("budget", .array(projects.map { budget(a.budget[$0]) })),
            ("jobs", .array(projects.map { jobs(a.jobs[$0]) })),
            ("tasks", .array(a.tasks.indices.filter { wanted.contains(index.projectOfTask[$0]) }.map { task(a.tasks[$0]) })),
            ("unmatchedObservations", .int(Int64(a.unmatchedObservations))),
            ("page", page.map { .object([("offset", .int(Int64($0.offset))), ("limit", .int(Int64($0.limit))), ("total", .int(Int64($0.total)))]) } ?? .null),
        ])
    }

    public static func rollUp(_ r: RollUp) -> JSONValue { .object(rollUpPairs(r)) }

    static func rollUpPairs(_ r: RollUp) -> [(String, JSONValue)] {
        [
            ("indicators", .object(IndicatorStatus.allCases.map { ($0.rawValue, .int(Int64(r.indicators[$0] ?? 0))) })),
            ("indicatorCount", .int(Int64(r.indicatorCount))),
            ("assessable", .int(Int64(r.assessable))),
            ("onTrack", .int(Int64(r.onTrack))),
            ("shareOnTrack", .number(r.shareOnTrack)),
            ("worst", .string(r.worst?.rawValue)),
            ("missedMilestones", .int(Int64(r.missedMilestones))),
            ("investments", .object(TaskStatus.allCases.map { ($0.rawValue, .int(Int64(r.investments[$0] ?? 0))) })),
            ("reforms", .object(TaskStatus.allCases.map { ($0.rawValue, .int(Int64(r.reforms[$0] ?? 0))) })),
            ("budget", .compactObject([
                ("committed", .int(r.budgetCommitted)),
                ("allocatedToDate", .int(r.budgetAllocatedToDate)),
                ("executedToDate", .int(r.budgetExecutedToDate)),
                ("executionRate", .number(r.budgetExecutionRate)),
                ("statuses", .object(IndicatorStatus.allCases.map { ($0.rawValue, .int(Int64(r.budgetStatuses[$0] ?? 0))) })),
            ])),
            ("jobs", .compactObject([("committed", .int(r.jobsCommitted)), ("toDate", .int(r.jobsToDate)),
                              ("statuses", .object(IndicatorStatus.allCases.map { ($0.rawValue, .int(Int64(r.jobsStatuses[$0] ?? 0))) }))])),
        ]
    }

    public static func indicator(_ a: IndicatorAssessment, index: PlanIndex, position: Int) -> JSONValue {
        let indicator = index.indicators[position]
        let project = index.projects[index.projectOfIndicator[position]]
        let explanation = AssessmentExplanation.indicator(a, indicator)
        // A level to hold has no path, but its trend's value at the due date is its projection.
        let projected: Double? = a.path?.projected ?? a.levelTrend?.projected
        let trendPoints: JSONValue = (a.path?.trendPoints ?? a.levelTrend?.points).map { .int(Int64($0)) } ?? .null
        let incomplete: JSONValue = a.incompletePeriods.isEmpty ? .null : .array(a.incompletePeriods.map { .string($0.iso) })
        return .compactObject([
            ("indicatorId", .string(a.indicatorId)),
            ("projectId", .string(project.id)),
            ("taskId", .string(index.taskOfIndicator[position].map { index.tasks[$0].id })),
            ("status", .string(a.status.rawValue)),
            ("method", .string(a.method?.rawValue ?? (a.status == .reported ? "reported" : nil))),
            ("milestone", a.milestone.map { t in
                .compactObject([("due", .string(t.due.iso)), ("value", .number(t.value)), ("text", PlanJSON.text(t.text)),
                                ("comparator", .string(t.comparator.rawValue))])
            } ?? .null),
            ("baseline", a.baselinePeriod.map { p in
                .compactObject([("period", .string(p.iso)), ("value", .number(a.baselineValue)),
                         ("fromFirstObservation", .bool(a.flags.contains(.baselineFromFirstObservation)))])
            } ?? .null),
            ("latest", a.latest.map(point) ?? .null),
            ("ratio", .number(a.path?.r)),
            ("basis", .string(a.path?.basis.rawValue)),
            ("lastPointRatio", .number(a.path?.lastPointRatio)),
            ("trendRatio", .number(a.path?.trendRatio)),
            ("trendPoints", trendPoints),
            ("p", .number(a.path?.p)),
            ("s", .number(a.path?.s)),
            ("projected", .number(projected)),
            ("actualGrowthRate", .number(a.path?.actualRate)),
            ("requiredGrowthRate", .number(a.path?.requiredRate)),
            ("growthRatio", .number(a.path?.growthRatio)),
            ("final", .bool(a.isFinal)),
            ("reason", .string(a.reason?.rawValue)),
            ("flags", .array(a.sortedFlags.map { .string($0.rawValue) })),
            ("incompletePeriods", incomplete),
            ("otherBasisLeftOut", a.otherBasisCount > 0
                ? .object([("count", .int(Int64(a.otherBasisCount))), ("bases", .array(a.otherBases.map { .string($0) }))]) : .null),
            ("explanation", .compactObject([("ko", .string(explanation.ko)), ("en", .string(explanation.en))])),
            ("passedMilestones", .array(a.passedMilestones.map { m in
                .compactObject([("due", .string(m.due.iso)), ("status", .string(m.status.rawValue)),
                                ("value", .number(m.value)), ("period", .string(m.valuePeriod?.iso)), ("factId", m.factId.map { .int($0) } ?? .null)])
            })),
        ])
    }

    static func point(_ p: SeriesPoint) -> JSONValue {
        .compactObject([("period", .string(p.period.iso)), ("value", .number(p.value)), ("text", .string(p.text)),
                        ("status", .string(p.status.rawValue)), ("factId", .int(p.factId)), ("basis", .string(p.basis))])
    }

    public static func commitment(_ c: CommitmentAssessment, kind: AssessmentExplanation.CommitmentKind) -> [(String, JSONValue)] {
        [
            ("status", .string(c.status.rawValue)),
            ("milestone", .string(c.milestone?.iso)),
            ("committed", c.committed.map { .int($0) } ?? .null),
            ("toDate", .int(c.toDate)),
            ("throughYear", c.throughYear.map { .int(Int64($0)) } ?? .null),
            ("ratio", .number(c.path?.r)),
            ("p", .number(c.path?.p)),
            ("s", .number(c.path?.s)),
            ("passed", .array(c.passed.map { v in
                .compactObject([("by", .string(v.by.iso)), ("committed", .int(v.committed)), ("status", .string(v.status.rawValue)),
                                ("reached", v.reachedByThen.map { .int($0) } ?? .null)])
            })),
            ("explanation", .compactObject([("ko", .string(AssessmentExplanation.commitment(c, kind: kind, .ko))),
                                     ("en", .string(AssessmentExplanation.commitment(c, kind: kind, .en)))])),
        ]
    }

    public static func budget(_ b: BudgetAssessment) -> JSONValue {
        .compactObject([
            ("projectId", .string(b.projectId)),
            ("years", .array(b.years.map { y in
                .compactObject([("fiscalYear", .int(Int64(y.fiscalYear))), ("allocated", .int(y.allocated)), ("executed", .int(y.executed)),
                         ("rate", .number(y.rate)), ("status", .string(y.status.rawValue))])
            })),
            ("basis", .string(b.basis.rawValue)),
            ("allocatedToDate", .int(b.allocatedToDate)),
            ("executedToDate", .int(b.executedToDate)),
            ("executionRate", .number(b.executionRate)),
        ] + commitment(b.progress, kind: b.basis == .treasury ? .budget : .budgetTotalCost))
    }

    public static func jobs(_ j: JobsAssessment) -> JSONValue {
        .compactObject([
            ("projectId", .string(j.projectId)),
            ("years", .array(j.years.map { .compactObject([("year", .int(Int64($0.year))), ("jobs", .int($0.jobs))]) })),
        ] + commitment(j.progress, kind: .jobs))
    }

    public static func task(_ t: TaskAssessment) -> JSONValue {
        .compactObject([
            ("taskId", .string(t.taskId)),
            ("kind", .string(t.kind.rawValue)),
            ("status", .string(t.status.rawValue)),
            ("due", .string(t.due?.iso)),
            ("latest", t.latest.map { r in
                .compactObject([("day", .string(r.asOfDay.iso)), ("progress", .string(r.progress.rawValue)), ("evidence", .string(r.evidence))])
            } ?? .null),
            ("completedLate", .bool(t.completedLate)),
            ("explanation", .compactObject([("ko", .string(AssessmentExplanation.task(t, .ko))), ("en", .string(AssessmentExplanation.task(t, .en)))])),
        ])
    }

    /// One row per indicator, for spreadsheets.
    public static func csv(_ a: PlanAssessment, index: PlanIndex) -> CSVTable {
        var table = CSVTable(fileName: "assessments.csv", header: [
            "indicator_id", "project_id", "status", "method", "milestone_due", "milestone_value", "baseline_period", "baseline_value",
            "latest_period", "latest_value", "ratio", "basis", "last_point_ratio", "trend_ratio", "growth_ratio", "p", "s", "flags",
            "explanation_ko", "explanation_en",
        ])
        for (i, ia) in a.indicators.enumerated() {
            let e = AssessmentExplanation.indicator(ia, index.indicators[i])
            table.rows.append([
                .text(ia.indicatorId), .text(index.projects[index.projectOfIndicator[i]].id), .text(ia.status.rawValue),
                .text(ia.method?.rawValue), .text(ia.milestone?.due.iso), .number(ia.milestone?.value),
                .text(ia.baselinePeriod?.iso), .number(ia.baselineValue), .text(ia.latest?.period.iso), .number(ia.latest?.value),
                .number(ia.path?.r), .text(ia.path?.basis.rawValue), .number(ia.path?.lastPointRatio), .number(ia.path?.trendRatio),
                .number(ia.path?.growthRatio), .number(ia.path?.p), .number(ia.path?.s),
                .text(ia.sortedFlags.map(\.rawValue).joined(separator: ";")), .text(e.ko), .text(e.en),
            ])
        }
        return table
    }
}
