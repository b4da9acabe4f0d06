import PlanCore
import PlanStore

/// The one place that decides who may do what: from the principal's role and organization,
/// the action, and the project the action is about. Handlers never check roles themselves.
///
/// - admin: everything.
/// - coordinator: sees everything unpublished, reviews, unlocks, reads the audit chain; reports for any project;
///   drafts revisions of the plan and reviews another coordinator's.
/// - reporter: drafts and submits for the projects assigned to their organization only.
/// - viewer: reads unpublished data.
///
/// Reporters read unpublished values only of their own projects, through the report forms.
public struct AccessPolicy: Sendable {
    /// The projects each organization reports on.
    public let projectsByOrganization: [String: Set<String>]

    public init(projectsByOrganization: [String: Set<String>]) {
        self.projectsByOrganization = projectsByOrganization
    }

    /// An organization reports on a project when the plan names it as a lead of the project or
    /// of one of its tasks, or when an administrator assigned it the project or one of its tasks.
    public init(index: PlanIndex, assignments: [Assignment]) {
        projectsByOrganization = ReportingAssignments.projectsByOrganization(index: index, assignments: assignments)
    }

    public func projects(of organization: String) -> Set<String> { projectsByOrganization[organization] ?? [] }

    public func decide(_ principal: Principal?, _ action: Action, project: String? = nil) -> Decision {
        if action == .everyone { return .allow }
        guard let principal else { return .signIn }
        let role = principal.role
        let allowed: Bool
        switch action {
        case .everyone, .signedIn: allowed = true
        case .viewUnpublished: allowed = role != .reporter
        case .report:
            switch role {
            case .admin, .coordinator: allowed = true
            case .reporter: allowed = project.map { projects(of: principal.organizationId).contains($0) } ?? false
            case .viewer: allowed = false
            }
        case .review, .unlock, .viewAudit, .manageRounds, .revisePlan: allowed = role == .admin || role == .coordinator
        case .manageAccounts, .manageOrganizations, .managePlan, .manageTokens: allowed = role == .admin
        }
        return allowed ? .allow : .forbidden
    }

    /// Reporters are held to period locks; coordinators and admins are not.
    public func bypassesLocks(_ principal: Principal) -> Bool { principal.role == .admin || principal.role == .coordinator }
}
