import Foundation
import Testing
@testable import PlanCore

/// The parts of the plan format that put a version on the record (`revision`, `ended`, the plan's
/// and a pillar's own commitments), each problem reported at its place.
@Suite("Revisions and endings in the plan file")
struct PlanRevisionFormatTests {
    /// `PlanLoaderErrorTests.valid` as a revision with an ending and the plan's own commitments.
    static let valid = PlanLoaderErrorTests.valid.replacingOccurrences(of: "organizations:\n", with: """
    published: 2020-07-14
    budget:
      - {by: 2022, totalCost: 5조원, treasury: 4조원}
      - {by: 2025, treasury: 9조원, note: {ko: 국비만 발표, en: Treasury only}}
    jobs:
      - {by: 2025, count: 20만}
    revision:
      effective: 2021-07-14
      title: {ko: 2.0 개정, en: Version 2.0}
      sources:
        - id: pr
          publisher: {ko: 과학기술정보통신부, en: Ministry of Science and ICT}
          url: https://example.go.kr/pr?id=1&page=2
          published: 2021-07-14
          quote: 국비 9조원
      explanations:
        - {about: budget plan, sources: [pr]}
      notGiven:
        - {ko: 총사업비는 발표되지 않았다., en: No total cost was published.}
    ended:
      on: 2022-09-28
      kind: replaced
      successor: {ko: 새 전략, en: New strategy}
      summary: {ko: 새 전략으로 대체됨, en: Replaced by a new strategy}
      sources:
        - {id: news, publisher: {ko: 신문, en: A newspaper}, url: "https://news.example/a", published: 2022-09-29}
      continued:
        - {indicator: 1-1.share, successorTarget: {ko: 100% 유지, en: Keep 100%}, source: news}
    organizations:

    """)

    let tests = PlanLoaderErrorTests()

    func check(replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> (yaml: String, diagnostics: [Diagnostic]) {
        #expect(Self.valid.contains(old), "the fixture has no '\(old)'", sourceLocation: sourceLocation)
        let yaml = Self.valid.replacingOccurrences(of: old, with: new)
        return (yaml, PlanLoader.load(yaml: yaml, file: "t.yaml").diagnostics)
    }

    @Test("the revision fixture is valid and reads into the plan")
    func valid() throws {
        let result = PlanLoader.load(yaml: Self.valid, file: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = try result.get()
        #expect(plan.published == CalendarDay(iso: "2020-07-14") && plan.effective == CalendarDay(iso: "2021-07-14"))
        #expect(plan.budget.map(\.committed) == [4_000_000_000_000, 9_000_000_000_000] && plan.budget[1].totalCost == nil)
        #expect(plan.revision?.sources.first?.quote == "국비 9조원" && plan.revision?.notGiven.count == 1)
        #expect(plan.ended?.kind == .replaced && plan.ended?.continuation(of: "1-1.share")?.source == "news")
    }

    @Test("a revision's day must be a day, and later than the plan's publication")
    func effectiveDay() {
        tests.expectOne(check(replacing: "effective: 2021-07-14", with: "effective: 2021-7-14"), at: "2021-7-14", "must be a day written YYYY-MM-DD")
        tests.expectOne(check(replacing: "effective: 2021-07-14", with: "effective: 2020-07-01"), at: "2020-07-01", "not after the plan was published (2020-07-14)")
    }

    @Test("a revision names its sources, each once, with an address that cannot become markup")
    func sources() {
        tests.expectOne(check(replacing: "{about: budget plan, sources: [pr]}", with: "{about: budget plan, sources: [rp]}"), at: "rp]", "unknown source 'rp'; did you mean 'pr'?")
        tests.expectOne(check(replacing: "url: https://example.go.kr/pr?id=1&page=2", with: "url: \"https://example.go.kr/\\\"onmouseover=x\""),
                        at: "\"https", "the address contains '\"'")
        tests.expectOne(check(replacing: "url: https://example.go.kr/pr?id=1&page=2", with: "url: javascript:alert(1)"), at: "javascript", "not a web address")
        tests.expectOne(check(replacing: "url: https://example.go.kr/pr?id=1&page=2", with: "url: https://예시.kr/"), at: "https://예시", "U+C608")
        let duplicate = check(replacing: "    - {id: news,", with: "    - {id: news, publisher: {ko: 또, en: Again}}\n    - {id: news,")
        #expect(duplicate.diagnostics.map(\.message).contains { $0.hasPrefix("duplicate source id 'news' in 'ended' (first defined at line") }, "\(duplicate.diagnostics)")
        let misspelt = check(replacing: "  sources:\n    - id: pr", with: "  sourcez:\n    - id: pr").diagnostics.map(\.message)
        #expect(misspelt.contains { $0.hasPrefix("unknown key 'sourcez' in 'revision'; did you mean 'sources'?") } && misspelt.contains { $0.contains("missing required field 'sources'") })
    }

    @Test("an ending has a kind, a successor when replaced, a day after the version took effect, and known indicators")
    func ending() {
        tests.expectOne(check(replacing: "  kind: replaced\n", with: ""), at: "on: 2022-09-28", "missing required field 'kind' in 'ended'")
        tests.expectOne(check(replacing: "  successor: {ko: 새 전략, en: New strategy}\n", with: ""), at: "on: 2022-09-28", "names its successor")
        tests.expectOne(check(replacing: "  kind: replaced", with: "  kind: abandoned"), at: "abandoned", "not one of: discontinued, replaced")
        tests.expectOne(check(replacing: "on: 2022-09-28", with: "on: 2021-01-01"), at: "2021-01-01", "before this version took effect (2021-07-14)")
        tests.expectOne(check(replacing: "{indicator: 1-1.share,", with: "{indicator: 1-1.shar,"), at: "1-1.shar,", "unknown indicator '1-1.shar'; did you mean '1-1.share'? in 'ended.continued'")
        tests.expectOne(check(replacing: "source: news}", with: "source: wire}"), at: "wire}", "unknown source 'wire' in 'continued'")
    }

    @Test("a commitment states at least one figure, and an amount of unstated kind stands alone")
    func commitments() {
        tests.expectOne(check(replacing: "- {by: 2025, treasury: 9조원, note: {ko: 국비만 발표, en: Treasury only}}", with: "- {by: 2025, note: {ko: 없음, en: none}}"),
                        at: "{by: 2025, note", "give 'totalCost' (총사업비), 'treasury' (국고) or both, or 'amount'")
        tests.expectOne(check(replacing: "- {by: 2025, treasury: 9조원,", with: "- {by: 2025, treasury: 9조원, amount: 9조원,"), at: "9조원, note", "'amount' is for money whose kind the source does not state")
        tests.expectOne(check(replacing: "- {by: 2025, treasury: 9조원,", with: "- {by: 2025, treasury: 3조원,"), at: "3조원", "the treasury share by 2025 is smaller than by 2022")
        tests.expectOne(check(replacing: "    title: {ko: 기둥, en: Pillar}\n", with: "    title: {ko: 기둥, en: Pillar}\n    budget:\n      - {by: 2030, amount: 1조원}\n"),
                        at: "2030", "outside the plan's period")
    }

    @Test("the bundled Digital New Deal revision: its changes computed from the versions, each explained by a source it names")
    func digitalNewDeal() throws {
        let family = try PlanFamily.load(path: Repo.path("Plans/digital-new-deal.yaml"))
        #expect(family.members.map(\.name) == ["digital-new-deal.yaml", "digital-new-deal-2.0.yaml"])
        let history = PlanHistory(family.members.map(\.plan))
        let record = try #require(history.revisions.first)
        let revision = try #require(record.revision)
        #expect(record.effective == CalendarDay(iso: "2021-07-14") && history.revisions.count == 1)
        #expect(record.changes.map(\.description) == [
            "~ budget plan by 2025: 총사업비 58.2조원, 국고 44.8조원 → 국고 49조원",
            "+ pillar 5: 초연결 신산업 육성",
            "+ budget pillar 5 by 2025: 2.6조원(재원 구분 없음)",
            "+ project 5-1: 메타버스·블록체인 등 초연결 신산업 육성",
            "~ target 1-1.big-data-platforms by 2025: 30개 → 31개",
            "+ investment 5-1.large-projects: XR·블록체인·IoT 대형 프로젝트",
            "+ investment 5-1.public-cloud-first: 공공부문 민간 클라우드 우선 이용",
            "+ investment 5-1.open-metaverse-platform: 개방형 메타버스 플랫폼 개발 지원",
            "+ investment 5-1.blockchain-innovation-centre: 블록체인 기술혁신 지원센터",
            "+ investment 5-1.iot-testbeds: IoT 테스트베드 고도화",
            "+ investment 5-1.core-technologies: VR·AR·블록체인·디지털 트윈 핵심원천기술",
            "+ reform 5-1.legal-framework: 초연결 신산업 법제도 정비",
        ])
        #expect(record.changes.filter { $0.kind == .raised }.map(\.subject) == ["budget plan by 2025", "target 1-1.big-data-platforms by 2025"])
        // Every change is explained, every explanation covers a change and names sources the revision has.
        for change in record.changes { #expect(revision.explanation(of: change) != nil, "\(change) has no source") }
        for e in revision.explanations {
            #expect(record.changes.contains { revision.explanation(of: $0) == e }, "'\(e.about)' explains nothing")
            #expect(!e.sources.isEmpty && e.sources.allSatisfy { revision.source($0) != nil })
        }
        // As of a day, the version in force: the original before 14 July 2021, 2.0 from then on.
        #expect(history.inForce(on: CalendarDay(iso: "2021-07-13")!).number == 0 && history.inForce(on: CalendarDay(iso: "2021-07-14")!).number == 1)
        #expect(history.ending(asOf: CalendarDay(iso: "2022-09-27")!) == nil && history.ending(asOf: CalendarDay(iso: "2022-09-28")!)?.kind == .replaced)
        // Nothing marked in the sources as recollection is encoded: no 2.0 total cost and no 2.0 jobs figure.
        #expect(history.latest.plan.budget.last?.totalCost == nil && history.latest.plan.jobs == history.original.plan.jobs)
    }
}
