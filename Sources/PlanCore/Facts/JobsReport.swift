/// Jobs a project created in one year (a flow; the plan's commitments are their running sum).
public struct JobsReport: Hashable, Sendable {
    public var record: FactRecord
    public var projectId: String
    public var year: Int
    public var jobs: Int64
    public var status: ValueStatus

    public init(record: FactRecord, projectId: String, year: Int, jobs: Int64, status: ValueStatus = .final) {
        self.record = record
        self.projectId = projectId
        self.year = year
        self.jobs = jobs
        self.status = status
    }

    public var period: Period { .year(year)! }
}
