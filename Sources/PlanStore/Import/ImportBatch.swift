import PlanCore

/// What an import writes besides its rows: who, from which file, in which state.
public struct ImportBatch: Sendable {
    public var kind: FactKind
    public var fileName: String
    public var sha256: String
    public var encoding: TextEncoding
    public var actor: Actor
    /// Approve the rows in the same transaction (admins).
    public var approve: Bool
    public var planVersion: Int64?
    public var at: Timestamp
    /// Written with the rows, in the same transaction (coordinators told that values wait).
    public var notifications: [OutgoingNotification] = []

    public init(kind: FactKind, fileName: String, sha256: String, encoding: TextEncoding, actor: Actor, approve: Bool,
                planVersion: Int64?, at: Timestamp) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.encoding = encoding
        self.actor = actor
        self.approve = approve
        self.planVersion = planVersion
        self.at = at
    }
}

/// An import as remembered by the store, to refuse the same file twice.
public struct ImportRecord: Sendable, Hashable {
    public var id: Int64
    public var kind: FactKind
    public var fileName: String
    public var sha256: String
    public var rows: Int
    public var at: Timestamp
    public var by: String
}

/// What an import did.
public struct ImportSummary: Sendable, Hashable {
    public var importId: Int64
    public var rows: Int
    public var firstId: Int64?
    public var lastId: Int64?
    public var state: ApprovalState
    public var encoding: TextEncoding
    public var seconds: Double
    /// The worksheet read, when the file was a workbook.
    public var sheet: String? = nil
}
