import Crypto
import PlanCore

/// A revision of the plan in the making, as the store keeps it: its content (what the web keeps
/// there: the draft's changes against `baseVersion` as a `PlanDelta`, or the whole next version
/// as a plan file) and where it stands. `lock` rises with every change, so an edit
/// made on a copy that someone else has changed since is refused, never silently applied.
///
/// editing → submitted → approved (a plan version) | returned → submitted …; editing or
/// returned → discarded.
public struct PlanDraftRecord: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case editing, submitted, returned, approved, discarded

        /// A draft whose content may still change.
        public var isOpen: Bool { self == .editing || self == .returned }
    }

    public var id: Int64
    public var planId: String
    /// The stored plan version the draft revises: it must still be the newest when approved.
    public var baseVersion: Int64
    public var state: State
    public var lock: Int64
    /// The revision's title, kept beside the file for lists.
    public var title: LocalizedText
    public var sha256: String
    /// Everyone who changed its content (four eyes: none of them may approve it).
    public var authors: [String]
    public var createdAt: Timestamp
    public var createdBy: String
    public var updatedAt: Timestamp
    public var updatedBy: String
    public var submittedAt: Timestamp?
    public var submittedBy: String?
    public var decidedAt: Timestamp?
    public var decidedBy: String?
    public var returnReason: String?
    /// The plan version the approval stored.
    public var approvedVersion: Int64?
    /// The content, when it was read (lists leave it out).
    public var content: [UInt8]?

    public init(id: Int64, planId: String, baseVersion: Int64, state: State, lock: Int64, title: LocalizedText, sha256: String,
                authors: [String], createdAt: Timestamp, createdBy: String, updatedAt: Timestamp, updatedBy: String,
                submittedAt: Timestamp? = nil, submittedBy: String? = nil, decidedAt: Timestamp? = nil, decidedBy: String? = nil,
                returnReason: String? = nil, approvedVersion: Int64? = nil, content: [UInt8]? = nil) {
        self.id = id
        self.planId = planId
        self.baseVersion = baseVersion
        self.state = state
        self.lock = lock
        self.title = title
        self.sha256 = sha256
        self.authors = authors
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.returnReason = returnReason
        self.approvedVersion = approvedVersion
        self.content = content
    }

    /// The name its file is stored under once approved: `digital-new-deal-draft-3.yaml`.
    public var fileName: String { "\(planId)-draft-\(id).yaml" }

    /// Whether `actor` wrote any of it or submitted it, and so may not approve it.
    public func isOwn(_ actor: Actor) -> Bool { authors.contains(actor.id) || submittedBy == actor.id }
}

/// A new draft: the plan it revises and its first content.
public struct NewPlanDraft: Sendable {
    public var planId: String
    public var baseVersion: Int64
    public var title: LocalizedText
    public var content: [UInt8]
    /// `opened` from the plan in force, or `uploaded` from a file.
    public var origin: String
    public var fileName: String?

    public init(planId: String, baseVersion: Int64, title: LocalizedText, content: [UInt8], origin: String, fileName: String? = nil) {
        self.planId = planId
        self.baseVersion = baseVersion
        self.title = title
        self.content = content
        self.origin = origin
        self.fileName = fileName
    }
}

/// A change of a draft's content, with what the audit chain records of it.
public struct PlanDraftChange: Sendable {
    public var expectedLock: Int64
    public var title: LocalizedText
    public var content: [UInt8]
    /// What changed, in a few words (`indicator 1-2.smart-factories`, `upload plan.yaml`).
    public var summary: String

    public init(expectedLock: Int64, title: LocalizedText, content: [UInt8], summary: String) {
        self.expectedLock = expectedLock
        self.title = title
        self.content = content
        self.summary = summary
    }
}

/// What both stores share about drafts, so the two dialects cannot drift apart in meaning.
enum PlanDraftRows {
    static func table(id: String, int: String, blob: String) -> String {
        """
        CREATE TABLE plan_drafts (
            id \(id),
            plan_id TEXT NOT NULL,
            base_version \(int) NOT NULL REFERENCES plan_versions(id),
            state TEXT NOT NULL CHECK (state IN ('editing','submitted','returned','approved','discarded')),
            lock_version \(int) NOT NULL,
            title_ko TEXT NOT NULL,
            title_en TEXT,
            content \(blob) NOT NULL,
            sha256 TEXT NOT NULL,
            authors TEXT NOT NULL,
            created_at \(int) NOT NULL,
            created_by TEXT NOT NULL,
            updated_at \(int) NOT NULL,
            updated_by TEXT NOT NULL,
            submitted_at \(int),
            submitted_by TEXT,
            decided_at \(int),
            decided_by TEXT,
            return_reason TEXT,
            approved_version \(int) REFERENCES plan_versions(id)
        );
        CREATE INDEX plan_drafts_by_state ON plan_drafts(state, id);
        """
    }

    static let columns = """
        id, plan_id, base_version, state, lock_version, title_ko, title_en, sha256, authors, created_at, created_by, updated_at, updated_by,
        submitted_at, submitted_by, decided_at, decided_by, return_reason, approved_version
        """

    static func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).hex }

    /// Authors are kept as one line each.
    static func authors(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
    static func authors(_ list: [String]) -> String { list.joined(separator: "\n") }

    static func adding(_ actor: Actor, to authors: [String]) -> [String] { authors.contains(actor.id) ? authors : authors + [actor.id] }

    /// The states a move may start from.
    static func allowed(from state: PlanDraftRecord.State, to target: PlanDraftRecord.State) -> Bool {
        switch target {
        case .submitted: return state.isOpen
        case .returned, .approved: return state == .submitted
        case .discarded: return state.isOpen
        // A change of content.
        case .editing: return state.isOpen
        }
    }

    static func action(_ state: PlanDraftRecord.State) -> String {
        switch state {
        case .editing: return "plan-draft.save"
        case .submitted: return "plan-draft.submit"
        case .returned: return "plan-draft.return"
        case .approved: return "plan-draft.approve"
        case .discarded: return "plan-draft.discard"
        }
    }

    static func view(_ d: PlanDraftRecord) -> [(String, JSONValue)] {
        [("planId", .string(d.planId)), ("baseVersion", .int(d.baseVersion)), ("state", .string(d.state.rawValue)), ("lock", .int(d.lock)),
         ("sha256", .string(d.sha256))]
    }

    /// Why a change or move of `draft` (expected at `lock`) cannot be made, if it cannot.
    static func refusal(_ draft: PlanDraftRecord?, id: Int64, lock: Int64, to target: PlanDraftRecord.State) -> StoreError? {
        guard let draft else { return .notFound("plan draft #\(id)") }
        if draft.lock != lock {
            return .conflict("plan draft #\(id) was changed by \(draft.updatedBy) since it was read (version \(lock), now \(draft.lock))")
        }
        if !allowed(from: draft.state, to: target) {
            return .conflict("plan draft #\(id) is \(draft.state.rawValue) and cannot be \(target == .editing ? "changed" : target.rawValue)")
        }
        return nil
    }
}
