/// Lookups over a plan, built once: ids to positions, and each indicator's project and pillar.
///
/// Assessment, imports and the web read model all need "which project owns indicator X";
/// computing it once keeps those paths linear.
public struct PlanIndex: Sendable {
    public let plan: Plan
    /// Every indicator in plan order: each project's table rows, then its tasks' indicators.
    public let indicators: [Indicator]
    public let projects: [Project]
    public let tasks: [PlanTask]
    public let indicatorIndex: [String: Int]
    public let projectIndex: [String: Int]
    public let taskIndex: [String: Int]
    /// The project (index into `projects`) of each indicator and task.
    public let projectOfIndicator: [Int]
    public let projectOfTask: [Int]
    /// The task (index into `tasks`) an indicator belongs to, or nil for a table row.
    public let taskOfIndicator: [Int?]
    /// The pillar (index into `plan.pillars`) of each project.
    public let pillarOfProject: [Int]

    public init(_ plan: Plan) {
        self.plan = plan
        var indicators: [Indicator] = []
        var projects: [Project] = []
        var tasks: [PlanTask] = []
        var projectOfIndicator: [Int] = []
        var projectOfTask: [Int] = []
        var taskOfIndicator: [Int?] = []
        var pillarOfProject: [Int] = []
        for (pi, pillar) in plan.pillars.enumerated() {
            for project in pillar.projects {
                let p = projects.count
                projects.append(project)
                pillarOfProject.append(pi)
                for i in project.indicators {
                    indicators.append(i)
                    projectOfIndicator.append(p)
                    taskOfIndicator.append(nil)
                }
                for t in project.tasks {
                    let ti = tasks.count
                    tasks.append(t)
                    projectOfTask.append(p)
                    for i in t.indicators {
                        indicators.append(i)
                        projectOfIndicator.append(p)
                        taskOfIndicator.append(ti)
                    }
                }
            }
        }
        self.indicators = indicators
        self.projects = projects
        self.tasks = tasks
        self.projectOfIndicator = projectOfIndicator
        self.projectOfTask = projectOfTask
        self.taskOfIndicator = taskOfIndicator
        self.pillarOfProject = pillarOfProject
        self.indicatorIndex = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.projectIndex = Dictionary(projects.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.taskIndex = Dictionary(tasks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func indicator(_ id: String) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }
    public func project(_ id: String) -> Project? { projectIndex[id].map { projects[$0] } }
    public func task(_ id: String) -> PlanTask? { taskIndex[id].map { tasks[$0] } }

    /// The project that owns an indicator id.
    public func projectOf(indicator id: String) -> Project? {
        indicatorIndex[id].map { projects[projectOfIndicator[$0]] }
    }
}
