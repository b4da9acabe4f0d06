import PlanCore

/// The words of the notifications about draft revisions of the plan. Like every notification,
/// they name the revision and its dates, never a figure of it.
extension NotificationText {
    static func revisionTitle(_ title: LocalizedText, _ l: Language) -> String { quoted(title.text(l), l) }

    public static func revisionSubmitted(name: String, submitter: String, title: LocalizedText, effective: CalendarDay, changes: Int,
                                         _ l: Language) -> Message {
        let t = revisionTitle(title, l)
        if l == .ko {
            return (prefix + "계획 변경안 검토 요청: \(t)", """
                \(greeting(name, l))

                계획 변경안 \(t)\(KoreanParticle.subject(after: t)) 제출되어 검토를 기다리고 있습니다. 변경 내용과 근거를 확인하신 후 승인 또는 반려하여 주시기 바랍니다.
                변경안을 작성하거나 제출한 사람은 승인할 수 없습니다.

                  - 제출: \(submitter)
                  - 시행일: \(day(effective, l))
                  - 변경 사항: \(changes)건
                """)
        }
        return (prefix + "A revision of the plan waits for review: \(t)", """
            \(greeting(name, l))

            The draft revision \(t) has been submitted and is waiting for your review. Please check its changes and sources, then approve or return it.
            Nobody who wrote or submitted the draft may approve it.

              - Submitted by: \(submitter)
              - Takes effect: \(day(effective, l))
              - Changes: \(changes)
            """)
    }

    public static func revisionReturned(name: String, title: LocalizedText, reason: String, _ l: Language) -> Message {
        let t = revisionTitle(title, l)
        let reasonText = MailLines.indent(reason, by: "    ")
        if l == .ko {
            return (prefix + "계획 변경안 반려 안내: \(t)", """
                \(greeting(name, l))

                계획 변경안 \(t)\(KoreanParticle.subject(after: t)) 반려되었습니다. 반려 사유를 확인하신 후 보완하여 다시 제출하여 주시기 바랍니다.

                  - 반려 사유: \(reasonText)
                """)
        }
        return (prefix + "A revision of the plan was returned: \(t)", """
            \(greeting(name, l))

            The draft revision \(t) was returned. Please read the reason, revise the draft and submit it again.

              - Reason: \(reasonText)
            """)
    }

    public static func revisionApproved(name: String, title: LocalizedText, effective: CalendarDay, _ l: Language) -> Message {
        let t = revisionTitle(title, l)
        if l == .ko {
            return (prefix + "계획 변경안 승인 안내: \(t)", """
                \(greeting(name, l))

                계획 변경안 \(t)\(KoreanParticle.subject(after: t)) 승인되어 계획의 새 판으로 등록되었습니다. \(day(effective, l))부터 적용되며, 변경 이력은 누리집의 목표 변경 이력에 공개됩니다.
                """)
        }
        return (prefix + "A revision of the plan was approved: \(t)", """
            \(greeting(name, l))

            The draft revision \(t) was approved and is now a version of the plan. It applies from \(day(effective, l)), and its changes are public on the site's record of revisions.
            """)
    }
}
