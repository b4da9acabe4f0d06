/// Every route that needs more than being on the internet, with the action it performs.
/// The authorization matrix test walks this table for every role; a route the router has
/// that is not here fails that test, and a mutating request with no rule is refused.
public enum AccessRules {
    public static let all: [AccessRule] = [
        // Signing in and out.
        AccessRule(.get, "/signin", .everyone),
        AccessRule(.post, "/signin", .everyone, form: true),
        AccessRule(.post, "/signout", .signedIn, form: true),
        AccessRule(.get, "/admin", .signedIn),
        AccessRule(.get, "/admin/password", .signedIn),
        AccessRule(.post, "/admin/password", .signedIn, form: true),
        // Reporting.
        AccessRule(.get, "/admin/projects/:project/report", .report, project: "project"),
        AccessRule(.post, "/admin/projects/:project/report", .report, project: "project", form: true),
        AccessRule(.get, "/admin/projects/:project/tasks", .report, project: "project"),
        AccessRule(.post, "/admin/projects/:project/tasks", .report, project: "project", form: true),
        AccessRule(.get, "/admin/projects/:project/upload", .report, project: "project"),
        AccessRule(.post, "/admin/projects/:project/upload", .report, project: "project", upload: true),
        AccessRule(.get, "/admin/projects/:project/template.csv", .report, project: "project"),
        AccessRule(.get, "/admin/projects/:project/template.xlsx", .report, project: "project"),
        AccessRule(.post, "/admin/projects/:project/unlock", .unlock, project: "project", form: true),
        // Review and monitoring.
        AccessRule(.get, "/admin/queue", .viewUnpublished),
        AccessRule(.post, "/admin/queue", .review, form: true),
        AccessRule(.get, "/admin/status", .viewUnpublished),
        AccessRule(.get, "/admin/audit", .viewAudit),
        // The quarterly review, on the page and as files (a Hangul document among them).
        AccessRule(.get, "/admin/review", .viewUnpublished),
        AccessRule(.get, "/admin/review/:format", .viewUnpublished),
        // Reporting rounds.
        AccessRule(.get, "/admin/rounds", .viewUnpublished),
        AccessRule(.post, "/admin/rounds", .manageRounds, form: true),
        AccessRule(.get, "/admin/rounds/:round", .viewUnpublished),
        AccessRule(.post, "/admin/rounds/:round/close", .manageRounds, form: true),
        AccessRule(.get, "/admin/rounds/:round/status.csv", .viewUnpublished),
        AccessRule(.get, "/admin/rounds/:round/status.xlsx", .viewUnpublished),
        // Each person's notifications, email address and calendar feed.
        AccessRule(.get, "/admin/inbox", .signedIn),
        AccessRule(.post, "/admin/inbox", .signedIn, form: true),
        AccessRule(.get, "/admin/preferences", .signedIn),
        AccessRule(.post, "/admin/preferences", .signedIn, form: true),
        AccessRule(.post, "/admin/preferences/calendar", .signedIn, form: true),
        // Draft revisions of the plan (docs/workflow.md, "Revising the plan").
        AccessRule(.get, "/admin/drafts", .revisePlan),
        AccessRule(.post, "/admin/drafts", .revisePlan, form: true),
        AccessRule(.post, "/admin/drafts/upload", .revisePlan, upload: true),
        AccessRule(.get, "/admin/drafts/:draft", .revisePlan),
        AccessRule(.get, "/admin/drafts/:draft/plan.yaml", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/upload", .revisePlan, upload: true),
        AccessRule(.post, "/admin/drafts/:draft/approve", .revisePlan, form: true),
        AccessRule(.post, "/admin/drafts/:draft/return", .revisePlan, form: true),
        AccessRule(.post, "/admin/drafts/:draft/discard", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/revision", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/revision", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/plan", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/plan", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/pillars/:pillar", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/pillars/:pillar", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/projects/:project", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/projects/:project", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/projects/:project/new-indicator", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/projects/:project/new-indicator", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/projects/:project/new-task", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/projects/:project/new-task", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/indicators/:indicator", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/indicators/:indicator", .revisePlan, form: true),
        AccessRule(.post, "/admin/drafts/:draft/indicators/:indicator/drop", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/tasks/:task", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/tasks/:task", .revisePlan, form: true),
        AccessRule(.post, "/admin/drafts/:draft/tasks/:task/drop", .revisePlan, form: true),
        AccessRule(.get, "/admin/drafts/:draft/tasks/:task/new-indicator", .revisePlan),
        AccessRule(.post, "/admin/drafts/:draft/tasks/:task/new-indicator", .revisePlan, form: true),
        // Administration.
        AccessRule(.get, "/admin/accounts", .manageAccounts),
        AccessRule(.post, "/admin/accounts", .manageAccounts, form: true),
        AccessRule(.post, "/admin/accounts/:username", .manageAccounts, form: true),
        AccessRule(.get, "/admin/organizations", .manageOrganizations),
        AccessRule(.post, "/admin/organizations", .manageOrganizations, form: true),
        AccessRule(.post, "/admin/organizations/assign", .manageOrganizations, form: true),
        AccessRule(.get, "/admin/tokens", .manageTokens),
        AccessRule(.post, "/admin/tokens", .manageTokens, form: true),
        AccessRule(.post, "/admin/tokens/:id/revoke", .manageTokens, form: true),
        AccessRule(.get, "/admin/plan", .managePlan),
        AccessRule(.post, "/admin/plan", .managePlan, upload: true),
        // The API for machine clients (bearer tokens).
        AccessRule(.post, "/api/v1/projects/:id/reports", .report, project: "id"),
        AccessRule(.post, "/api/v1/projects/:id/reports/submit", .report, project: "id"),
        AccessRule(.post, "/api/v1/reports/:kind/:id/approve", .review),
        AccessRule(.post, "/api/v1/reports/:kind/:id/return", .review),
    ]

    /// The rule for a request and its path parameters, if any.
    public static func match(_ method: HTTPRequest.Method, _ path: String) -> (AccessRule, [String: String])? {
        for rule in all {
            if let parameters = rule.match(method, path) { return (rule, parameters) }
        }
        return nil
    }
}

import HTTPTypes
