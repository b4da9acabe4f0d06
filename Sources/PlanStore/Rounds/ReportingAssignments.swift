import PlanCore

/// Which organization reports on which project: the plan's lead organizations of a project or
/// of one of its tasks, and what an administrator assigned. The access policy and the
/// notifications read the same answer from here.
public enum ReportingAssignments {
    public static func projectsByOrganization(index: PlanIndex, assignments: [Assignment]) -> [String: Set<String>] {
        var map: [String: Set<String>] = [:]
        for project in index.projects {
            for org in project.leadOrganizations { map[org, default: []].insert(project.id) }
        }
        for t in index.tasks.indices {
            for org in index.tasks[t].organizations { map[org, default: []].insert(index.projects[index.projectOfTask[t]].id) }
        }
        for a in assignments {
            if let p = index.project(a.entityId) {
                map[a.organizationId, default: []].insert(p.id)
            } else if let t = index.taskIndex[a.entityId] {
                map[a.organizationId, default: []].insert(index.projects[index.projectOfTask[t]].id)
            }
        }
        return map
    }
}
