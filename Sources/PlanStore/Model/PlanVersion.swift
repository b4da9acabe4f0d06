import PlanCore

/// A plan file as loaded into the store. Loading the same bytes again is a no-op; a changed
/// file becomes a new version and the old one is kept, so facts keep the plan they were reported under.
public struct PlanVersion: Hashable, Sendable {
    public var id: Int64
    public var planId: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    public var fileName: String
    public var loadedAt: Timestamp
    public var loadedBy: String
}

/// What loading a plan file did.
public struct PlanLoadOutcome: Sendable {
    public var version: PlanVersion
    /// False when the same file was already stored (nothing was written).
    public var isNew: Bool
}
