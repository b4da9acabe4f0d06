/// What every reported fact carries besides its value: identity, revision and approval.
///
/// Facts are append-only. A correction is a new record whose `supersedes` names the old one;
/// approval sets `approvedAt`. Together they let any past state be rebuilt exactly.
public struct FactRecord: Hashable, Sendable {
    public var id: Int64
    public var recordedAt: Timestamp
    public var recordedBy: String
    /// When the coordinating office approved (published) it; nil while not approved.
    public var approvedAt: Timestamp?
    public var supersedes: Int64?
    /// Who published the figure (or, for figures reported without a publication, where it comes from).
    public var source: String?
    public var note: String?
    /// The publication behind the figure: title, date, address, quote and definition note.
    public var provenance: Provenance?

    public init(id: Int64, recordedAt: Timestamp, recordedBy: String = "", approvedAt: Timestamp? = nil,
                supersedes: Int64? = nil, source: String? = nil, note: String? = nil, provenance: Provenance? = nil) {
        self.id = id
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.approvedAt = approvedAt
        self.supersedes = supersedes
        self.source = source
        self.note = note
        self.provenance = provenance
    }

    /// Whether the fact was recorded and approved before the cutoff of `asOf`.
    public func isKnown(_ asOf: AsOf) -> Bool {
        guard let approvedAt else { return false }
        return asOf.knows(recordedAt) && asOf.knows(approvedAt)
    }
}

/// Whether a reported value may still change (provisional) or is the settled figure (final).
public enum ValueStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case provisional, final
}
