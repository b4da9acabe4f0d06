import Foundation
import Logging
import PlanCore
import PlanStore
import ServiceLifecycle

/// How `planwatch serve` delivers the outbox (`--smtp-url` and its options).
public struct MailSettings: Sendable {
    public var relay: SMTPRelay
    /// The site's public address, for the links in emails (`--public-url`).
    public var siteURL: String
    /// How long a claimed email stays this server's before another may try it (`--smtp-lease-seconds`).
    public var leaseSeconds: Int64
    /// The wait before the first retry (`--smtp-retry-seconds`), doubled after each failure.
    public var firstRetrySeconds: Int64
    public var pollInterval: Duration

    public init(relay: SMTPRelay, siteURL: String, leaseSeconds: Int64 = 600, firstRetrySeconds: Int64 = 30, pollInterval: Duration = .seconds(2)) {
        self.relay = relay
        self.siteURL = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        self.leaseSeconds = leaseSeconds
        self.firstRetrySeconds = firstRetrySeconds
        self.pollInterval = pollInterval
    }
}

/// Delivers the outbox through the relay, one email at a time, on one connection kept open
/// while there is work.
///
/// Each email is claimed with a lease before it is sent (`Store.claimNotification`) and marked
/// sent as soon as the relay has accepted it, so servers sharing a database never send the
/// same one, and one that stopped mid-way leaves it to be sent by whoever claims it after its
/// lease. What this guarantees is at-least-once delivery to the relay with a stable Message-ID:
/// the only duplicate left is a crash in the moment between the relay's "250" and the commit
/// that marks the email sent (docs/operations.md). While the relay is down, emails wait with
/// a backoff that doubles (`OutboxPolicy.backoff`); one not sent within three days is dropped
/// from the outbox and stays in the inbox.
struct OutboxSender: Service {
    let store: any Store
    let settings: MailSettings
    let logger: Logger
    /// This process's name on the leases it takes.
    let owner = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"

    func run() async {
        await cancelWhenGracefulShutdown { await deliver() }
    }

    private func deliver() async {
        var connection: SMTPConnection?
        var failures = 0
        defer { connection?.close() }
        while !Task.isCancelled {
            let now = Timestamp.now
            let claimed: StoredNotification?
            do {
                claimed = try await store.claimNotification(owner: owner, leaseSeconds: settings.leaseSeconds, at: now)
            } catch {
                logger.warning("could not read the outbox: \(error)")
                claimed = nil
            }
            guard let n = claimed else {
                if let c = connection {
                    await c.quit()
                    connection = nil
                }
                if (try? await Task.sleep(for: settings.pollInterval)) == nil { return }
                continue
            }
            if now.seconds - n.createdAt.seconds > OutboxPolicy.maxAgeSeconds {
                await finish(n, .expired)
                continue
            }
            let message: MailMessage
            do {
                message = try compose(n)
            } catch {
                await finish(n, .failed("\(error)"))
                continue
            }
            do {
                if connection == nil || connection?.isActive == false { connection = try await SMTPConnection.open(settings.relay) }
                try await connection!.send(message)
                await finish(n, .sent)
                failures = 0
            } catch let failure as SMTPFailure where failure.isPermanentForMessage {
                logger.warning("the relay refused notification #\(n.id) for good: \(failure)")
                await finish(n, .failed(failure.description))
                if (try? await connection?.reset()) == nil {
                    connection?.close()
                    connection = nil
                }
            } catch {
                failures += 1
                connection?.close()
                connection = nil
                if n.attempts >= OutboxPolicy.maxAttempts {
                    await finish(n, .failed("gave up after \(n.attempts) attempts: \(error)"))
                } else {
                    let wait = OutboxPolicy.backoff(attempts: n.attempts, first: settings.firstRetrySeconds)
                    await finish(n, .retry(at: Timestamp(seconds: Timestamp.now.seconds + wait), error: "\(error)"))
                }
                // The relay is down or refusing: the whole sender waits too, doubling each time.
                let pause = min(OutboxPolicy.backoff(attempts: failures, first: settings.firstRetrySeconds), 300)
                logger.warning("could not send notification #\(n.id) (attempt \(n.attempts)): \(error); trying again in \(pause) s")
                if (try? await Task.sleep(for: .seconds(pause))) == nil { return }
            }
        }
    }

    /// The email of a notification, with the site's links added.
    func compose(_ n: StoredNotification) throws -> MailMessage {
        let c = n.content
        guard let email = c.email else { throw MailError.invalidAddress("") }
        let to = try MailAddress(name: c.recipientName, address: email)
        let body = c.body + NotificationText.footer(link: settings.siteURL + c.link, preferences: settings.siteURL + "/admin/preferences", c.language)
        return MailMessage(from: settings.relay.from, to: to, subject: c.subject, body: body,
                           messageID: "<\(n.messageToken)@\(settings.relay.from.domain)>", date: n.createdAt)
    }

    /// Records an outcome even while the server shuts down: an email the relay took must be
    /// marked sent, or it would be sent again after its lease.
    private func finish(_ n: StoredNotification, _ outcome: DeliveryOutcome) async {
        let store = store, owner = owner
        do {
            let held = try await Task { try await store.finishNotification(id: n.id, owner: owner, outcome: outcome, at: .now) }.value
            if !held { logger.warning("notification #\(n.id): the lease passed to another sender before the outcome was recorded") }
        } catch {
            logger.error("could not record what became of notification #\(n.id): \(error)")
        }
    }
}

/// Sends the rounds' reminders when their day comes, on every server; the store keeps each
/// one to a single sending (`ReportingRounds.sendReminders`).
struct ReminderService: Service {
    let site: Site
    let interval: Duration

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    if let rounds = site.rounds {
                        let written = try await rounds.sendReminders(at: .now)
                        if written > 0 { site.logger.info("wrote \(written) reminders to the outbox") }
                    }
                } catch {
                    site.logger.warning("could not send the rounds' reminders: \(error)")
                }
                if (try? await Task.sleep(for: interval)) == nil { return }
            }
        }
    }
}
