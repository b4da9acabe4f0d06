/// Everything reported against a plan: the input to assessment, together with the plan and a date.
public struct FactSet: Sendable, Hashable {
    public var observations: ObservationLog
    public var budget: [BudgetExecution]
    public var jobs: [JobsReport]
    public var taskStatuses: [TaskStatusReport]

    public init(observations: ObservationLog = [], budget: [BudgetExecution] = [], jobs: [JobsReport] = [],
                taskStatuses: [TaskStatusReport] = []) {
        self.observations = observations
        self.budget = budget
        self.jobs = jobs
        self.taskStatuses = taskStatuses
    }

    /// Facts given as arrays, as tests and small tools write them.
    public init(observations: [Observation], budget: [BudgetExecution] = [], jobs: [JobsReport] = [], taskStatuses: [TaskStatusReport] = []) {
        self.init(observations: ObservationLog(observations), budget: budget, jobs: jobs, taskStatuses: taskStatuses)
    }

    public static let empty = FactSet()

    public var count: Int { observations.count + budget.count + jobs.count + taskStatuses.count }
}
