import PlanCore

/// Who hears of a draft revision of the plan: the office when it waits for review (but not its
/// submitter), and its authors and submitter when it is returned or approved (but not the
/// person who decided).
extension Notifier {
    public func revisionSubmitted(_ draft: PlanDraftRecord, effective: CalendarDay, changes: Int, actor: Actor) async throws -> [OutgoingNotification] {
        let people = try await people()
        let key = Self.eventKey(.revisionSubmitted)
        return people.office.filter { "user:\($0.username)" != actor.id }.compactMap { account in
            Self.to(account, kind: .revisionSubmitted, key: key, link: "/admin/drafts/\(draft.id)") { l in
                NotificationText.revisionSubmitted(name: account.displayName, submitter: Self.person(actor, people: people, l), title: draft.title,
                                                   effective: effective, changes: changes, l)
            }
        }
    }

    public func revisionDecided(_ draft: PlanDraftRecord, approved: Bool, effective: CalendarDay, reason: String?, actor: Actor) async throws -> [OutgoingNotification] {
        let people = try await people()
        let kind: NotificationKind = approved ? .revisionApproved : .revisionReturned
        let key = Self.eventKey(kind)
        var names = draft.authors
        if let submitter = draft.submittedBy, !names.contains(submitter) { names.append(submitter) }
        return names.filter { $0 != actor.id }.compactMap { people.account($0) }.compactMap { account in
            Self.to(account, kind: kind, key: key, link: approved ? "/revisions" : "/admin/drafts/\(draft.id)") { l in
                approved ? NotificationText.revisionApproved(name: account.displayName, title: draft.title, effective: effective, l)
                    : NotificationText.revisionReturned(name: account.displayName, title: draft.title, reason: reason ?? "", l)
            }
        }
    }

    /// A person as the office names them: `과학기술정보통신부 이서연 님`.
    static func person(_ actor: Actor, people: People, _ l: Language) -> String {
        guard let account = people.account(actor.id) else { return actor.id }
        let org = people.name(of: account.organizationId, l)
        return l == .ko ? "\(org) \(account.displayName) 님" : "\(account.displayName) (\(org))"
    }
}
