/// A pillar's or the whole plan's own budget and jobs commitments ("국비 49조원, ~'25"), judged
/// against what its projects reported: the same running-total rule as a project's, over the sum
/// of the member projects' years. A revision that publishes money only for the whole plan (Korean
/// New Deal 2.0 did) is judged at that level, not spread over projects by guesswork.
public enum AggregateCommitment {
    /// Budget executed by `projects` (positions in `assessment.budget`) against `commitments`.
    /// A year counts once every member that reported anything reported it; a year only some
    /// reported is left out rather than read as a smaller total.
    public static func budget(_ commitments: [BudgetCommitment], projects: some Sequence<Int>, assessment: PlanAssessment,
                              planStart: Period) -> CommitmentAssessment? {
        guard !commitments.isEmpty else { return nil }
        let years = projects.map { p in Dictionary(assessment.budget[p].years.map { ($0.fiscalYear, $0.executed) }, uniquingKeysWith: +) }
        return CommitmentAssessment.assess(yearly: complete(years), commitments: commitments.map { ($0.by, $0.committed) },
                                           planStart: planStart, asOf: assessment.asOf)
    }

    /// Jobs created by `projects` against `commitments`, by the same rule.
    public static func jobs(_ commitments: [JobsCommitment], projects: some Sequence<Int>, assessment: PlanAssessment,
                            planStart: Period) -> CommitmentAssessment? {
        guard !commitments.isEmpty else { return nil }
        let years = projects.map { p in Dictionary(assessment.jobs[p].years.map { ($0.year, $0.jobs) }, uniquingKeysWith: +) }
        return CommitmentAssessment.assess(yearly: complete(years), commitments: commitments.map { ($0.by, $0.count) },
                                           planStart: planStart, asOf: assessment.asOf)
    }

    /// The sum per year over the members that reported at all, for the years every one of them reported.
    static func complete(_ members: [[Int: Int64]]) -> [Int: Int64] {
        let reporting = members.filter { !$0.isEmpty }
        guard let first = reporting.first else { return [:] }
        var out: [Int: Int64] = [:]
        for year in first.keys where reporting.allSatisfy({ $0[year] != nil }) {
            out[year] = reporting.reduce(0) { $0 + $1[year]! }
        }
        return out
    }
}
