import PlanCore

/// The events that tell people something, each of which its recipients may turn off, except
/// a returned report: a reporter must always learn why their value came back.
public enum NotificationKind: String, Sendable, CaseIterable, Codable {
    /// The office opened a reporting round (to the organizations it asks).
    case roundOpened = "round-opened"
    /// 7 days and 1 day before a round's due date (to organizations with items still owed).
    case dueSoon = "due-soon"
    /// The day after the due date (to the organizations that are late).
    case overdue
    /// The day after the due date (to the coordinators: which organizations are late).
    case lateSummary = "late-summary"
    /// Values wait for review (to the coordinators).
    case submitted
    /// Values came back with a reason (to whoever reported them).
    case returned
    /// Values were approved and published (to whoever reported them).
    case approved
    /// A draft revision of the plan waits for a second coordinator (to the office).
    case revisionSubmitted = "revision-submitted"
    /// A draft revision came back with a reason (to whoever wrote or submitted it).
    case revisionReturned = "revision-returned"
    /// A draft revision was approved and became a version of the plan (to whoever wrote or submitted it).
    case revisionApproved = "revision-approved"

    /// A returned report or revision always reaches its author, who must learn why.
    public var canBeTurnedOff: Bool { self != .returned && self != .revisionReturned }

    /// Only the coordinating office (coordinators and administrators) receives these.
    public var isForOffice: Bool {
        switch self {
        case .submitted, .lateSummary, .revisionSubmitted, .revisionReturned, .revisionApproved: return true
        default: return false
        }
    }
}

/// Where a notification's email stands. An inbox entry exists whatever this says.
public enum MailState: String, Sendable, CaseIterable, Codable {
    /// The recipient has no email address: the workspace inbox only.
    case none
    /// Waiting for the sender (or for the relay to come back).
    case pending
    /// The relay accepted it.
    case sent
    /// The relay refused it for good (an unknown mailbox), or too many attempts failed.
    case failed
    /// Not sent within `OutboxPolicy.maxAgeSeconds` of the event (no relay was configured, or it was down for days).
    case expired
}

/// What became of one attempt to deliver a notification.
public enum DeliveryOutcome: Sendable, Equatable {
    case sent
    case retry(at: Timestamp, error: String)
    case failed(String)
    case expired
}
