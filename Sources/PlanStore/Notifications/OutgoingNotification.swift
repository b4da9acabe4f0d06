import PlanCore

/// A notification to write to the outbox, made before the event's transaction and written
/// inside it, so the event and its notifications are stored together or not at all.
public struct OutgoingNotification: Sendable, Hashable {
    /// Unique: the outbox keeps one notification per key, so a reminder enqueued twice (two
    /// servers, a restart) is kept once.
    public var key: String
    /// The account's username.
    public var recipient: String
    public var recipientName: String
    public var organizationId: String
    public var kind: NotificationKind
    public var language: Language
    public var subject: String
    public var body: String
    /// The workspace path it is about (`/admin/rounds/3`); the sender adds the site's address.
    public var link: String
    /// The address at the time of the event; nil: the inbox only.
    public var email: String?

    public init(key: String, recipient: String, recipientName: String, organizationId: String, kind: NotificationKind, language: Language,
                subject: String, body: String, link: String, email: String?) {
        self.key = key
        self.recipient = recipient
        self.recipientName = recipientName
        self.organizationId = organizationId
        self.kind = kind
        self.language = language
        self.subject = subject
        self.body = body
        self.link = link
        self.email = email
    }
}

/// A notification as the outbox holds it: an inbox entry, and an email on its way or sent.
public struct StoredNotification: Sendable, Hashable {
    public var id: Int64
    public var content: OutgoingNotification
    /// The left part of the email's Message-ID, fixed when it is written, so every attempt
    /// sends the same Message-ID.
    public var messageToken: String
    public var createdAt: Timestamp
    public var readAt: Timestamp?
    public var mailState: MailState
    public var attempts: Int
    public var nextAttemptAt: Timestamp
    public var sentAt: Timestamp?
    public var lastError: String?

    public init(id: Int64, content: OutgoingNotification, messageToken: String, createdAt: Timestamp, readAt: Timestamp?, mailState: MailState,
                attempts: Int, nextAttemptAt: Timestamp, sentAt: Timestamp?, lastError: String?) {
        self.id = id
        self.content = content
        self.messageToken = messageToken
        self.createdAt = createdAt
        self.readAt = readAt
        self.mailState = mailState
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.lastError = lastError
    }
}
