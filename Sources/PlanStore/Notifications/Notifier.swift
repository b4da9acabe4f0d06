import Foundation
import PlanCore

/// Decides who hears of an event and writes them their notification, each in their own
/// language, leaving out the kinds they turned off. It reads the people concerned before the
/// event's transaction; the store writes what it returns inside that transaction.
///
/// - A reporting organization's people are its reporters.
/// - The office is every coordinator and administrator.
/// - A value's reporter is the person who submitted it (or recorded it); a value that came
///   through an API token or the command line goes to the reporters of its project's organizations.
public struct Notifier: Sendable {
    public let store: any Store
    public let index: PlanIndex

    public init(store: any Store, index: PlanIndex) {
        self.store = store
        self.index = index
    }

    /// Everyone a notification may go to, read once per event.
    public struct People: Sendable {
        public var accounts: [Account]
        public var organizations: [String: OrganizationRecord]
        public var projectsByOrganization: [String: Set<String>]

        public func reporters(of organization: String) -> [Account] {
            accounts.filter { $0.organizationId == organization && $0.role == .reporter }
        }

        /// Coordinators and administrators.
        public var office: [Account] { accounts.filter { $0.role == .coordinator || $0.role == .admin } }

        public func organizations(of project: String) -> [String] {
            projectsByOrganization.filter { $0.value.contains(project) }.map(\.key).sorted()
        }

        public func name(of organization: String, _ l: Language) -> String {
            organizations[organization].map { l == .ko ? $0.nameKo : $0.nameEn } ?? organization
        }

        public func account(_ actor: String) -> Account? {
            guard actor.hasPrefix("user:") else { return nil }
            let name = actor.dropFirst(5)
            return accounts.first { $0.username == name }
        }
    }

    public func people() async throws -> People {
        let directory = Directory(store: store)
        let organizations = try await directory.organizations()
        return People(accounts: try await directory.accounts().filter { !$0.disabled },
                      organizations: Dictionary(organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                      projectsByOrganization: ReportingAssignments.projectsByOrganization(index: index, assignments: try await directory.assignments()))
    }

    /// One notification to `account`, or nil when they turned its kind off.
    static func to(_ account: Account, kind: NotificationKind, key: String, link: String,
                   _ message: (Language) -> NotificationText.Message) -> OutgoingNotification? {
        guard account.wants(kind) else { return nil }
        let l = account.notificationLanguage
        let (subject, body) = message(l)
        return OutgoingNotification(key: "\(key):\(account.username)", recipient: account.username, recipientName: account.displayName,
                                    organizationId: account.organizationId, kind: kind, language: l, subject: subject, body: body, link: link,
                                    email: account.email)
    }

    static func eventKey(_ kind: NotificationKind) -> String { "\(kind.rawValue):\(UUID().uuidString.lowercased())" }

    /// How an actor is named to the office: `과학기술정보통신부 이서연 님`, `Lee Seoyeon (Ministry of Science and ICT)`.
    static func submitter(_ actor: Actor, project: String, people: People, _ l: Language) -> String {
        if let account = people.account(actor.id) {
            let org = people.name(of: account.organizationId, l)
            return l == .ko ? "\(org) \(account.displayName) 님" : "\(account.displayName) (\(org))"
        }
        let orgs = people.organizations(of: project).map { people.name(of: $0, l) }.joined(separator: ", ")
        if actor.id.hasPrefix("token:") { return l == .ko ? "\(orgs)(API 연동)" : "\(orgs) (API)" }
        return l == .ko ? "명령줄 가져오기(\(actor.id))" : "a command-line import (\(actor.id))"
    }

    func projectName(_ id: String, _ l: Language) -> String {
        index.project(id).map { "\($0.id) \($0.title.text(l))" } ?? id
    }

    // MARK: Events

    /// To the office (but not the submitter): values of `project` wait for review.
    public func submitted(_ keys: [FactKey], project: String, actor: Actor) async throws -> [OutgoingNotification] {
        guard !keys.isEmpty else { return [] }
        let people = try await people()
        let key = Self.eventKey(.submitted)
        let sorted = keys.sorted()
        return people.office.filter { "user:\($0.username)" != actor.id }.compactMap { account in
            Self.to(account, kind: .submitted, key: key, link: "/admin/queue") { l in
                NotificationText.submitted(name: account.displayName, submitter: Self.submitter(actor, project: project, people: people, l),
                                           project: projectName(project, l), items: sorted.map { NotificationText.item($0, index: index, l) }, l)
            }
        }
    }

    /// To the office: a file of `kind` was imported for review (`planwatch import` without `--approve`).
    public func imported(_ kind: FactKind, fileName: String, actor: Actor) async throws -> [OutgoingNotification] {
        let people = try await people()
        let key = Self.eventKey(.submitted)
        return people.office.filter { "user:\($0.username)" != actor.id }.compactMap { account in
            Self.to(account, kind: .submitted, key: key, link: "/admin/queue") { l in
                NotificationText.submitted(name: account.displayName, submitter: Self.submitter(actor, project: "", people: people, l),
                                           project: fileName, items: [l == .ko ? "\(kind.table) 파일의 모든 행" : "every row of the \(kind.table) file"], l)
            }
        }
    }

    /// To each value's reporter: returned with `reason`, or approved.
    public func decided(_ facts: [StoredFact], approved: Bool, reason: String?, actor: Actor) async throws -> [OutgoingNotification] {
        guard !facts.isEmpty else { return [] }
        let people = try await people()
        var byRecipient: [String: (account: Account, keys: [FactKey], project: String)] = [:]
        for fact in facts {
            guard let project = fact.entry.draft.projectId(index) else { continue }
            let reporter = fact.submitter ?? fact.recordedBy
            let recipients = people.account(reporter).map { [$0] }
                ?? people.organizations(of: project).flatMap { people.reporters(of: $0) }
            for account in recipients where "user:\(account.username)" != actor.id {
                byRecipient[account.username, default: (account, [], project)].keys.append(fact.key)
            }
        }
        let kind: NotificationKind = approved ? .approved : .returned
        let key = Self.eventKey(kind)
        return byRecipient.keys.sorted().compactMap { username in
            let (account, keys, project) = byRecipient[username]!
            let link = approved ? "/projects/\(project)" : "/admin"
            return Self.to(account, kind: kind, key: key, link: link) { l in
                let items = keys.sorted().map { NotificationText.item($0, index: index, l) }
                return approved ? NotificationText.approved(name: account.displayName, items: items, l)
                    : NotificationText.returned(name: account.displayName, items: items, reason: reason ?? "", l)
            }
        }
    }

    /// To the reporters of every organization a new round asks something of.
    public static func roundOpened(_ round: ReportingRound, progress: RoundProgress, people: People, office: Actor,
                                   index: PlanIndex) -> [OutgoingNotification] {
        let openedBy = people.account(office.id)
        var out: [OutgoingNotification] = []
        for org in progress.organizations where !org.isEmpty {
            let items = progress.items[org] ?? []
            for account in people.reporters(of: org) {
                if let n = to(account, kind: .roundOpened, key: "round:\(round.key):opened", link: "/admin", { l in
                    let officeName = openedBy.map { l == .ko ? people.name(of: $0.organizationId, l) : "the " + people.name(of: $0.organizationId, l) }
                        ?? (l == .ko ? "총괄 부서" : "the coordinating office")
                    return NotificationText.roundOpened(name: account.displayName, office: officeName, organization: people.name(of: org, l),
                                                        round: round, items: NotificationText.itemCounts(items, index: index, l), l)
                }) { out.append(n) }
            }
        }
        return out
    }

    /// A round's reminder: before the due date to the organizations that still owe something;
    /// the day after it to those that are late, and to the office.
    public static func reminder(_ round: ReportingRound, milestone: ReminderMilestone, progress: RoundProgress,
                                people: People) -> [OutgoingNotification] {
        let key = "round:\(round.key):\(milestone.rawValue)"
        var out: [OutgoingNotification] = []
        var late: [(org: String, owed: Int)] = []
        for org in progress.organizations where !org.isEmpty {
            let counts = progress.counts(org)
            guard counts.owed > 0 else { continue }
            late.append((org, counts.owed))
            for account in people.reporters(of: org) {
                let kind: NotificationKind = milestone == .after1 ? .overdue : .dueSoon
                if let n = to(account, kind: kind, key: key, link: "/admin", { l in
                    milestone == .after1
                        ? NotificationText.overdue(name: account.displayName, organization: people.name(of: org, l), round: round, owed: counts, l)
                        : NotificationText.dueSoon(name: account.displayName, organization: people.name(of: org, l), round: round,
                                                   daysLeft: milestone == .before7 ? 7 : 1, owed: counts, l)
                }) { out.append(n) }
            }
        }
        if milestone == .after1 {
            for account in people.office {
                if let n = to(account, kind: .lateSummary, key: key, link: "/admin/rounds/\(round.key)", { l in
                    NotificationText.lateSummary(name: account.displayName, round: round,
                                                 late: late.map { (people.name(of: $0.org, l), $0.owed) }, l)
                }) { out.append(n) }
            }
        }
        return out
    }
}
