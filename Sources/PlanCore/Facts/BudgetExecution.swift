/// Money allocated to and spent by a project in one fiscal year, in won.
public struct BudgetExecution: Hashable, Sendable {
    public var record: FactRecord
    public var projectId: String
    public var fiscalYear: Int
    public var allocated: Int64
    public var executed: Int64
    public var status: ValueStatus

    public init(record: FactRecord, projectId: String, fiscalYear: Int, allocated: Int64, executed: Int64, status: ValueStatus = .final) {
        self.record = record
        self.projectId = projectId
        self.fiscalYear = fiscalYear
        self.allocated = allocated
        self.executed = executed
        self.status = status
    }

    public var period: Period { .year(fiscalYear)! }
}
