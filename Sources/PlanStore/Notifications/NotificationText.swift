import PlanCore

/// The words of every notification, in Korean as a ministry writes to another (short, polite,
/// 공문 style) and in English. Nothing here carries a reported figure: a notification names
/// items, periods, counts and a reviewer's reason, never a value, so an email forwarded or
/// read over a shoulder shows nothing unpublished.
public enum NotificationText {
    public typealias Message = (subject: String, body: String)

    static let prefix = "[Planwatch] "

    /// `2022. 7. 15.(금)`, as Korean official letters write a date; `Friday 15 July 2022`.
    public static func day(_ d: CalendarDay, _ l: Language) -> String {
        let weekday = ((d.ordinal % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday; 0 is Sunday.
        if l == .ko { return "\(d.year). \(d.month). \(d.day).(\(["일", "월", "화", "수", "목", "금", "토"][weekday]))" }
        let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(days[weekday]) \(d.day) \(months[d.month - 1]) \(d.year)"
    }

    static func greeting(_ name: String, _ l: Language) -> String {
        l == .ko ? "\(name) 님, 안녕하십니까." : "Dear \(name),"
    }

    static func quoted(_ title: String, _ l: Language) -> String { l == .ko ? "「\(title)」" : "\"\(title)\"" }

    static func count(_ n: Int, _ l: Language, one: String, many: String) -> String {
        l == .ko ? "\(one) \(n)건" : "\(n) \(n == 1 ? one : many)"
    }

    /// What a round asks of an organization, counted: `성과지표 12건, 예산 집행 2건`.
    public static func itemCounts(_ items: [RoundProgress.Item], index: PlanIndex, _ l: Language) -> String {
        var parts: [String] = []
        let observations = items.filter { $0.kind == .observation }.count
        let budget = items.filter { $0.kind == .budget }.count
        let jobs = items.filter { $0.kind == .jobs }.count
        let tasks = items.filter { $0.kind == .taskStatus }
        let reforms = tasks.filter { index.taskIndex[$0.subject].map { index.tasks[$0].kind == .reform } ?? false }.count
        if observations > 0 { parts.append(count(observations, l, one: l == .ko ? "성과지표" : "indicator", many: "indicators")) }
        if budget > 0 { parts.append(count(budget, l, one: l == .ko ? "예산 집행" : "budget execution report", many: "budget execution reports")) }
        if jobs > 0 { parts.append(count(jobs, l, one: l == .ko ? "일자리" : "jobs report", many: "jobs reports")) }
        let investments = tasks.count - reforms
        if investments > 0 {
            parts.append(l == .ko ? "과제 추진 상황 \(investments)건" : "progress on \(investments) \(investments == 1 ? "task" : "tasks")")
        }
        if reforms > 0 { parts.append(l == .ko ? "제도 개선 추진 상황 \(reforms)건" : "progress on \(reforms) \(reforms == 1 ? "reform" : "reforms")") }
        return parts.joined(separator: ", ")
    }

    /// One reported item, without its value: `성과지표 「데이터 시장 규모」 2025년`.
    public static func item(_ key: FactKey, index: PlanIndex, _ l: Language) -> String {
        let period = (try? PeriodParser.period(key.period)).map { $0.text(l) } ?? key.period
        func project(_ id: String) -> String { index.project(id).map { "\($0.id) \($0.title.text(l))" } ?? id }
        switch key.kind {
        case .observation:
            let name = index.indicatorIndex[key.subject].map { index.indicators[$0].name.text(l) } ?? key.subject
            return l == .ko ? "성과지표 「\(name)」 \(period)" : "indicator \"\(name)\", \(period)"
        case .budget: return l == .ko ? "예산 집행 \(period) (\(project(key.subject)))" : "budget execution \(period) (\(project(key.subject)))"
        case .jobs: return l == .ko ? "일자리 \(period) (\(project(key.subject)))" : "jobs \(period) (\(project(key.subject)))"
        case .taskStatus:
            let task = index.taskIndex[key.subject].map { index.tasks[$0] }
            let title = task?.title.text(l) ?? key.subject
            if task?.kind == .reform { return l == .ko ? "제도 개선 추진 상황 「\(title)」" : "progress of reform \"\(title)\"" }
            return l == .ko ? "과제 추진 상황 「\(title)」" : "progress of task \"\(title)\""
        }
    }

    /// A list of items, at most ten, then how many more.
    static func list(_ items: [String], _ l: Language, indent: String = "  - ") -> String {
        var lines = items.prefix(10).map { indent + $0 }
        if items.count > 10 { lines.append(indent + (l == .ko ? "외 \(items.count - 10)건" : "and \(items.count - 10) more")) }
        return lines.joined(separator: "\n")
    }

    /// What an organization still owes, by stage.
    static func owed(_ c: RoundProgress.Counts, _ l: Language) -> String {
        var lines: [String] = []
        if c.missing > 0 { lines.append(l == .ko ? "미입력: \(c.missing)건" : "not entered: \(c.missing)") }
        if c.draft > 0 { lines.append(l == .ko ? "임시 저장: \(c.draft)건" : "saved as drafts, not submitted: \(c.draft)") }
        if c.returned > 0 { lines.append(l == .ko ? "반려 후 미제출: \(c.returned)건" : "returned and not yet resubmitted: \(c.returned)") }
        return list(lines, l)
    }

    public static func roundOpened(name: String, office: String, organization: String, round: ReportingRound, items: String,
                                   _ l: Language) -> Message {
        let title = round.title.text(l)
        let due = day(round.due, l)
        if l == .ko {
            return (prefix + "「\(title)」 자료 제출 요청(기한: \(round.due.year). \(round.due.month). \(round.due.day).)", """
                \(greeting(name, l))

                \(office)에서 「\(title)」\(KoreanParticle.object(after: title)) 시작하였습니다. 귀 기관(\(organization))에서 제출하실 자료는 아래와 같습니다.

                  - 대상 기간: \(round.period.korean)
                  - 제출 자료: \(items)
                  - 제출 기한: \(due)

                기한까지 Planwatch에 입력하고 제출하여 주시기 바랍니다.
                """)
        }
        return (prefix + "Reporting round \"\(title)\": please report by \(due)", """
            \(greeting(name, l))

            The reporting round "\(title)" has been opened by \(office). Your organization (\(organization)) is asked for:

              - Period covered: \(round.period.english)
              - Items: \(items)
              - Due: \(due)

            Please enter and submit them in Planwatch by the due date.
            """)
    }

    public static func dueSoon(name: String, organization: String, round: ReportingRound, daysLeft: Int, owed c: RoundProgress.Counts,
                               _ l: Language) -> Message {
        let title = round.title.text(l)
        let due = day(round.due, l)
        if l == .ko {
            let when = daysLeft == 1 ? "내일입니다" : "\(daysLeft)일 남았습니다"
            let subject = daysLeft == 1 ? "「\(title)」 제출 기한이 내일입니다 (미제출 \(c.owed)건)" : "「\(title)」 제출 기한 \(daysLeft)일 전 안내 (미제출 \(c.owed)건)"
            return (prefix + subject, """
                \(greeting(name, l))

                「\(title)」의 제출 기한(\(due))이 \(when). 귀 기관(\(organization))에서 아직 제출하지 않은 자료는 \(c.owed)건입니다.

                \(owed(c, l))

                기한 내에 제출하여 주시기 바랍니다.
                """)
        }
        let when = daysLeft == 1 ? "tomorrow" : "in \(daysLeft) days"
        return (prefix + "\"\(title)\" is due \(when) (\(c.owed) \(c.owed == 1 ? "item" : "items") outstanding)", """
            \(greeting(name, l))

            The reporting round "\(title)" is due \(when), on \(due). Your organization (\(organization)) still has \(c.owed) \(c.owed == 1 ? "item" : "items") to submit:

            \(owed(c, l))

            Please submit them by the due date.
            """)
    }

    public static func overdue(name: String, organization: String, round: ReportingRound, owed c: RoundProgress.Counts, _ l: Language) -> Message {
        let title = round.title.text(l)
        let due = day(round.due, l)
        if l == .ko {
            return (prefix + "「\(title)」 제출 기한 경과 안내 (미제출 \(c.owed)건)", """
                \(greeting(name, l))

                「\(title)」의 제출 기한(\(due))이 지났으나, 귀 기관(\(organization))의 자료 \(c.owed)건이 아직 제출되지 않았습니다.

                \(owed(c, l))

                조속히 제출하여 주시기 바랍니다.
                """)
        }
        return (prefix + "\"\(title)\" is past due (\(c.owed) \(c.owed == 1 ? "item" : "items") outstanding)", """
            \(greeting(name, l))

            The reporting round "\(title)" was due on \(due), and \(c.owed) \(c.owed == 1 ? "item" : "items") from your organization (\(organization)) \(c.owed == 1 ? "has" : "have") not been submitted yet:

            \(owed(c, l))

            Please submit them as soon as possible.
            """)
    }

    /// To the office the day after a due date: who is late, or that nobody is.
    public static func lateSummary(name: String, round: ReportingRound, late: [(organization: String, owed: Int)], _ l: Language) -> Message {
        let title = round.title.text(l)
        let due = day(round.due, l)
        if late.isEmpty {
            if l == .ko {
                return (prefix + "「\(title)」 모든 기관 기한 내 제출", """
                    \(greeting(name, l))

                    「\(title)」의 제출 기한(\(due))까지 모든 기관이 자료 제출을 마쳤습니다.
                    """)
            }
            return (prefix + "\"\(title)\": every organization reported on time", """
                \(greeting(name, l))

                Every organization had submitted everything for the reporting round "\(title)" by its due date, \(due).
                """)
        }
        if l == .ko {
            return (prefix + "「\(title)」 기한 내 미제출 기관 \(late.count)곳", """
                \(greeting(name, l))

                「\(title)」의 제출 기한(\(due))이 지났습니다. 기한까지 제출을 마치지 않은 기관은 다음과 같습니다.

                \(list(late.map { "\($0.organization): 미제출 \($0.owed)건" }, l))

                자세한 현황은 Planwatch의 점검별 현황에서 확인하실 수 있습니다.
                """)
        }
        return (prefix + "\"\(title)\": \(late.count) \(late.count == 1 ? "organization" : "organizations") missed the due date", """
            \(greeting(name, l))

            The reporting round "\(title)" was due on \(due). These organizations had not submitted everything by then:

            \(list(late.map { "\($0.organization): \($0.owed) \($0.owed == 1 ? "item" : "items") outstanding" }, l))

            The round's page in Planwatch has the details.
            """)
    }

    public static func submitted(name: String, submitter: String, project: String, items: [String], _ l: Language) -> Message {
        if l == .ko {
            return (prefix + "제출 자료 검토 요청 (\(project), \(items.count)건)", """
                \(greeting(name, l))

                아래 자료 \(items.count)건이 제출되어 검토를 기다리고 있습니다. 확인하신 후 승인 또는 반려하여 주시기 바랍니다.

                  - 제출: \(submitter)
                  - 사업: \(project)
                  - 자료:
                \(list(items, l, indent: "    · "))
                """)
        }
        return (prefix + "\(items.count) \(items.count == 1 ? "item waits" : "items wait") for review (\(project))", """
            \(greeting(name, l))

            \(items.count == 1 ? "An item has" : "\(items.count) items have") been submitted and \(items.count == 1 ? "is" : "are") waiting for your review. Please approve or return \(items.count == 1 ? "it" : "them").

              - Submitted by: \(submitter)
              - Project: \(project)
              - Items:
            \(list(items, l, indent: "    · "))
            """)
    }

    public static func returned(name: String, items: [String], reason: String, _ l: Language) -> Message {
        // The reason's own lines stay inside its entry of the list.
        let reasonText = MailLines.indent(reason, by: "    ")
        if l == .ko {
            return (prefix + "제출 자료 반려 안내 (\(items.count)건)", """
                \(greeting(name, l))

                제출하신 자료 \(items.count)건이 반려되었습니다. 반려 사유를 확인하신 후 보완하여 다시 제출하여 주시기 바랍니다.

                  - 반려 사유: \(reasonText)
                  - 자료:
                \(list(items, l, indent: "    · "))
                """)
        }
        return (prefix + "\(items.count) submitted \(items.count == 1 ? "item was" : "items were") returned", """
            \(greeting(name, l))

            \(items.count == 1 ? "An item you submitted was" : "\(items.count) items you submitted were") returned. Please read the reason, correct \(items.count == 1 ? "it" : "them") and submit again.

              - Reason: \(reasonText)
              - Items:
            \(list(items, l, indent: "    · "))
            """)
    }

    public static func approved(name: String, items: [String], _ l: Language) -> Message {
        if l == .ko {
            return (prefix + "제출 자료 승인 안내 (\(items.count)건)", """
                \(greeting(name, l))

                제출하신 자료 \(items.count)건이 승인되어 공개되었습니다.

                \(list(items, l))
                """)
        }
        return (prefix + "\(items.count) submitted \(items.count == 1 ? "item was" : "items were") approved", """
            \(greeting(name, l))

            \(items.count == 1 ? "An item you submitted was" : "\(items.count) items you submitted were") approved and \(items.count == 1 ? "is" : "are") now published:

            \(list(items, l))
            """)
    }

    /// The end of every email: where to act, and where to turn notifications off.
    public static func footer(link: String, preferences: String, _ l: Language) -> String {
        if l == .ko {
            return "\n\n바로 가기: \(link)\n\n※ 이 메일은 발신 전용입니다. 알림 설정: \(preferences)\n"
        }
        return "\n\nOpen: \(link)\n\nThis message was sent automatically; replies are not read. Notification settings: \(preferences)\n"
    }
}

/// Text laid out inside a notification.
enum MailLines {
    /// The second and later lines of `text` indented, so a multi-line reason stays one entry.
    static func indent(_ text: String, by prefix: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : prefix + $0.element }.joined(separator: "\n")
    }
}
