/// Where a reported value is in the workflow. Only approved values are published.
///
/// draft → submitted → approved | returned. A returned value is corrected by a new revision,
/// which goes through the same workflow; a value never goes back.
public enum ApprovalState: String, Sendable, Hashable, Codable, CaseIterable {
    case draft, submitted, approved, returned

    /// Whether the workflow allows moving from this state to `next`.
    public func canMove(to next: ApprovalState) -> Bool {
        switch (self, next) {
        case (.draft, .submitted), (.submitted, .approved), (.submitted, .returned): return true
        default: return false
        }
    }
}
