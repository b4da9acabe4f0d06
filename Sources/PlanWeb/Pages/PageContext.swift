import Foundation
import PlanCore

/// What every page knows: the language, the as-of date, the read model, and the helpers that
/// write numbers, dates and statuses the way a reader of that language expects.
struct PageContext {
    let model: ReadModel
    /// The plan as of the page's day: the version in force then, judged.
    let view: PlanView
    let language: Language
    let catalog: Catalog
    /// The as-of date asked for with `?asOf=`, or nil for today.
    let asOf: CalendarDay?
    let path: String
    /// This page in the other language, keeping its query (`asOf`, `q`, `status`).
    let switchURL: String
    /// Who is signed in, if anyone.
    var principal: Principal? = Principal.current
    /// The site's address as readers reach it (`--public-url`), for what leaves the site: a
    /// chart's file, the code that embeds it.
    var address = WorkspaceSettings().publicURL

    var assessment: PlanAssessment { view.assessment }
    var index: PlanIndex { view.index }
    var plan: Plan { view.plan }
    var ko: Bool { language == .ko }

    /// The query suffix that keeps the as-of date on every link.
    var qs: String { asOf.map { "?asOf=\($0.iso)" } ?? "" }

    func money(_ won: Int64) -> String { QuantityFormatter.format(Double(won), unit: .won, language: language) }
    func jobs(_ n: Int64) -> String { QuantityFormatter.format(Double(n), unit: .item, language: language, noun: "jobs") }

    /// An amount reached so far, or "nothing reported" when no year was reported: a total of
    /// nothing is not a total of zero, and a reader must not take one for the other.
    func reached(_ amount: String, reported: Bool) -> String { reported ? amount : catalog["not_reported"] }

    /// Whether any budget execution, or any jobs figure, was reported for the projects at these positions.
    func reported(budgetOf projects: some Sequence<Int>) -> Bool { projects.contains { !assessment.budget[$0].years.isEmpty } }
    func reported(jobsOf projects: some Sequence<Int>) -> Bool { projects.contains { !assessment.jobs[$0].years.isEmpty } }
    func value(_ v: Double, _ i: Indicator) -> String { QuantityFormatter.format(v, unit: i.unit, language: language) }
    /// A count with thousands separators: 31,659.
    func count(_ n: Int) -> String { QuantityFormatter.grouped(Double(n), maxDecimals: 0) }
    func percent(_ share: Double?) -> String { share.map { QuantityFormatter.grouped(($0 * 100).rounded(), maxDecimals: 0) + "%" } ?? "–" }
    func day(_ d: CalendarDay) -> String { ko ? d.korean : d.english }

    func status(_ s: IndicatorStatus) -> [String: Any] {
        ["label": catalog.status(s), "key": s.rawValue, "colour": SVG.colour(s)]
    }

    func status(_ s: TaskStatus) -> [String: Any] {
        ["label": catalog.task(s), "key": s.rawValue, "colour": SVG.colour(s)]
    }

    func text(_ t: LocalizedText?) -> String? { t?[language] }

    /// The fields the layout uses.
    func layout(title: String, page: String) -> [String: Any] {
        let other: Language = ko ? .en : .ko
        let shownDay = asOf ?? model.today.day
        return [
            "lang": language.rawValue,
            "other_lang": other.rawValue,
            "switch_url": switchURL,
            "t": catalog.strings,
            "title": title,
            "plan_title": plan.title[language],
            "as_of": day(shownDay),
            "as_of_iso": shownDay.iso,
            "today_iso": model.today.day.iso,
            "plan_start_iso": plan.start.start.iso,
            "path": path,
            "past": asOf != nil,
            "today_url": path,
            "version": model.version,
            "sample": model.hasSampleData,
            "published_outcomes": model.hasPublishedOutcomes && !model.hasSampleData,
            "qs": qs,
            "page_\(page)": true,
            "signed_in": principal != nil,
            "show_as_of": ["home", "pillar", "project", "indicator", "reforms", "slipping"].contains(page),
            "user_name": principal?.displayName ?? "",
            "has_revisions": model.history.isRevised,
            "ended_banner": view.ending.map { RevisionsPage.banner($0, self) } ?? false,
        ]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Adds `other`'s entries, replacing existing ones.
    func merging(_ other: [String: Any]) -> [String: Any] {
        merging(other) { _, new in new }
    }
}
