import Foundation
import PlanCore

/// What both stores share in reading and writing rounds and the outbox, so the two dialects
/// cannot drift apart in meaning.
enum OutboxRow {
    /// A fresh Message-ID token: 128 random bits.
    static func newToken() -> String { UUID().uuidString.lowercased() }

    static func notification(id: Int64, key: String, recipient: String, recipientName: String, organizationId: String, kind: String,
                             language: String, subject: String, body: String, link: String, email: String?, messageToken: String,
                             createdAt: Int64, readAt: Int64?, mailState: String, attempts: Int, nextAttemptAt: Int64, sentAt: Int64?,
                             lastError: String?) -> StoredNotification {
        let content = OutgoingNotification(key: key, recipient: recipient, recipientName: recipientName, organizationId: organizationId,
                                           kind: NotificationKind(rawValue: kind) ?? .roundOpened, language: Language(rawValue: language) ?? .ko,
                                           subject: subject, body: body, link: link, email: email)
        return StoredNotification(id: id, content: content, messageToken: messageToken, createdAt: Timestamp(seconds: createdAt),
                                  readAt: readAt.map(Timestamp.init), mailState: MailState(rawValue: mailState) ?? .none, attempts: attempts,
                                  nextAttemptAt: Timestamp(seconds: nextAttemptAt), sentAt: sentAt.map(Timestamp.init), lastError: lastError)
    }

    static func round(id: Int64, titleKo: String, titleEn: String?, period: String, items: String, due: String, openedAt: Int64,
                      openedBy: String, closedAt: Int64?, closedBy: String?) throws -> ReportingRound {
        guard let p = try? PeriodParser.period(period), let day = CalendarDay(iso: due) else {
            throw StoreError.invalid("round #\(id) has an unreadable period or due date (\(period), \(due))")
        }
        return ReportingRound(id: id, key: "r\(id)", title: LocalizedText(ko: titleKo, en: titleEn), period: p,
                              items: items.split(separator: ",").compactMap { ReportingRound.Item(rawValue: String($0)) }, due: day,
                              openedAt: Timestamp(seconds: openedAt), openedBy: openedBy, closedAt: closedAt.map(Timestamp.init), closedBy: closedBy)
    }

    /// What the audit chain records of a round.
    static func auditView(_ r: ReportingRound) -> JSONValue {
        .compactObject([("titleKo", .string(r.title.ko)), ("titleEn", r.title.en.map(JSONValue.string) ?? .null),
                        ("period", .string(r.period.iso)), ("items", .array(r.items.map { .string($0.rawValue) })), ("due", .string(r.due.iso))])
    }

    /// The columns a delivery outcome sets.
    struct Finish {
        var state: MailState
        var sentAt: Int64?
        var nextAttemptAt: Int64?
        var lastError: String?

        init(_ outcome: DeliveryOutcome, at: Timestamp) {
            switch outcome {
            case .sent: self.init(state: .sent, sentAt: at.seconds)
            case .retry(let when, let error): self.init(state: .pending, nextAttemptAt: when.seconds, lastError: String(error.prefix(500)))
            case .failed(let error): self.init(state: .failed, lastError: String(error.prefix(500)))
            case .expired: self.init(state: .expired, lastError: "not sent within \(OutboxPolicy.maxAgeSeconds / 86_400) days")
            }
        }

        init(state: MailState, sentAt: Int64? = nil, nextAttemptAt: Int64? = nil, lastError: String? = nil) {
            self.state = state
            self.sentAt = sentAt
            self.nextAttemptAt = nextAttemptAt
            self.lastError = lastError
        }
    }
}

/// How long the outbox keeps trying, and how it waits between tries.
public enum OutboxPolicy {
    /// A notification not sent within this long of its event is not sent at all (it stays in the inbox).
    public static let maxAgeSeconds: Int64 = 3 * 86_400
    /// Attempts before a notification is given up as failed.
    public static let maxAttempts = 25

    /// The wait before attempt `attempts + 1`: `first` doubled each time, at most 64 times `first`
    /// and at most an hour.
    public static func backoff(attempts: Int, first: Int64) -> Int64 {
        let doubled = first << Int64(min(max(attempts - 1, 0), 6))
        return min(doubled, max(first, 3600))
    }
}
