/// What a request wants to do, as the access policy sees it.
public enum Action: String, Sendable, CaseIterable {
    /// Open to everyone, signed in or not (the sign-in form itself).
    case everyone
    /// Any signed-in person: the workspace home, sign-out, one's own password.
    case signedIn
    /// Read values not yet published: drafts, submissions, the reporting status.
    case viewUnpublished
    /// Draft, submit, upload or correct values of one project.
    case report
    /// Approve or return submitted values.
    case review
    /// Let reporters change a locked period again.
    case unlock
    /// Open and close reporting rounds.
    case manageRounds
    /// Draft revisions of the plan, and approve or return another coordinator's.
    case revisePlan
    case manageAccounts
    case manageOrganizations
    case managePlan
    case manageTokens
    case viewAudit
}

/// The answer of the access policy.
public enum Decision: Sendable, Equatable {
    case allow
    /// Nobody is signed in: pages send the reader to sign in, the API answers 401.
    case signIn
    case forbidden
}
