import Foundation
import PlanCore
import PlanStore
import Testing
@testable import PlanWeb

/// The Digital New Deal as it really went: the published outcomes load through the ordinary
/// import, every value keeps its source, and the verdicts they give are the ones a reader works
/// out by hand from the published figures and docs/method.md.
@Suite("Published outcomes")
struct PublishedOutcomesTests {
    static func assessment(_ site: Site, _ day: String) -> (PlanAssessment, PlanIndex) {
        let model = site.model
        return (model.assessment(asOf: CalendarDay(iso: day)!), model.index)
    }

    static func verdict(_ a: (PlanAssessment, PlanIndex), _ id: String) -> IndicatorAssessment {
        a.0.indicators[a.1.indicatorIndex[id]!]
    }

    @Test("every row of the file lands, each with its source, and the audit chain holds")
    func loadsWhole() async throws {
        let site = try await WebFixture.published.value
        let text = String(decoding: EmbeddedFiles.data(PublishedOutcomes.file)!, as: UTF8.self)
        var reader = CSVReader(text: text)
        _ = try reader.next()
        var rows = 0
        while try reader.next() != nil { rows += 1 }
        let all = site.model.facts.observations
        #expect(all.count == rows && rows >= 50)
        #expect(all.allSatisfy { $0.record.source != nil && $0.record.provenance?.url != nil && $0.record.provenance?.published != nil })
        #expect(all.allSatisfy { $0.record.recordedBy == PublishedOutcomes.actor })
        #expect(site.model.hasPublishedOutcomes && !site.model.hasSampleData)
        let v = try await site.store!.verifyAudit()
        #expect(v.isIntact && v.facts == rows)
    }

    @Test("public data opened: the 2021 target of 142,000 is achieved the day 147,000 is published, not before")
    func publicDataOpened() async throws {
        let site = try await WebFixture.published.value
        // The plan asks for 142,000 datasets opened by the end of 2021, counted cumulatively. On
        // 26 January 2022 only 49,000 (2020) and 105,000 (21 July 2021) had been published:
        // neither reaches 142,000, and no total from the end of 2021 or later is known, so the
        // passed milestone cannot be judged yet.
        let before = Self.verdict(Self.assessment(site, "2022-01-26"), "1-1.public-data-opened")
        #expect(before.passedMilestones.first?.status == .notYetAssessable)
        // On 27 January 2022 the ministry published 147,000 for 2021: at least 142,000, achieved.
        let after = Self.verdict(Self.assessment(site, "2022-01-27"), "1-1.public-data-opened")
        #expect(after.passedMilestones.first?.status == .achieved && after.passedMilestones.first?.value == 147_000)
    }

    @Test("smart green industrial complexes: 10 by 2022 and 15 by 2025, both reached")
    func smartIndustrialComplexes() async throws {
        let site = try await WebFixture.published.value
        // Baseline 7 designated (2020). By mid-2022, 10 designated in 2021 had been published: the 2022 target
        // of 10 is met before its due date.
        #expect(Self.verdict(Self.assessment(site, "2022-06-30"), "4-2.smart-industrial-complexes").status == .achieved)
        // After the plan: 15 by 2022 (published April 2023) already met the 2025 target of 15 — a running total
        // that reached its floor before the due date: achieved, final.
        let end = Self.verdict(Self.assessment(site, "2026-06-30"), "4-2.smart-industrial-complexes")
        #expect(end.status == .achieved && end.isFinal && end.latest?.value == 15 && end.passedMilestones.first?.status == .achieved)
    }

    @Test("public cloud: the published shares count information systems, not the plan's hardware, so they are shown but never judged against 17%")
    func cloudTransition() async throws {
        let site = try await WebFixture.published.value
        let a = Self.verdict(Self.assessment(site, "2023-06-30"), "1-3.cloud-transition")
        // The plan's baseline is 17% of 224,000 hardware units (2020). The survey published 13.3% (2021) and 18.0% (2022) of
        // information systems: another basis. Compared with 17% they would read as a fall and a crawl that nobody measured,
        // so both are left out. Without a comparable value the 2022 milestone of 50% cannot be settled (a level needs the
        // value of its due period) and the 2025 target has no value after the baseline: not yet assessable, saying why.
        #expect(a.status == .notYetAssessable && a.reason == .noValueAfterBaseline && a.passedMilestones.first?.status == .notYetAssessable)
        #expect(a.flags.contains(.otherBasisLeftOut) && a.otherBasisCount == 2)
        #expect(AssessmentExplanation.indicator(a, site.model.index.indicator("1-3.cloud-transition")!).ko.contains("집계 기준이 다른 값 2개(정보시스템 수 기준 이용률)는 기준치·목표와 견줄 수 없어"))
        // The definition note and the basis travel with every value.
        let cloud = site.model.history(of: "1-3.cloud-transition")
        #expect(cloud.allSatisfy { $0.record.provenance?.definitionNote != nil && $0.basis?.hasPrefix("정보시스템 수") == true })
    }

    @Test("data market: the preliminary 19.27 trillion of March 2021 is judged as provisional, and the final 20 trillion corrects it in December")
    func dataMarketCorrected() async throws {
        let site = try await WebFixture.published.value
        // CAGR from 16.8조 (end of 2019) to the 2022 target of 30조, due 1,096 days later.
        // On 19 March 2021 the preliminary 19.2736조 for 2020 (366 days after the baseline) is known: 19.2736 / 16.8 = 1.147238,
        // projected to the due date 16.8 × 1.147238^(1,096 / 366) = 16.8 × e^(0.137356 × 2.99454) = 16.8 × 1.508815 = 25.348조;
        // r = (25.348 − 16.8) / (30 − 16.8) = 8.548 / 13.2 = 0.648: moderate progress, and the value is flagged provisional.
        let march = Self.verdict(Self.assessment(site, "2021-03-19"), "1-1.data-market-size")
        #expect(march.status == .moderateProgress && march.latest?.status == .provisional && march.flags.contains(.provisionalValue))
        #expect(abs((march.ratio ?? 0) - 0.6476) < 0.0005)
        // On 29 December 2021 the final 20조 replaces it at once: 20 / 16.8 = 1.190476, 16.8 × e^(0.174353 × 2.99454) = 16.8 × 1.685636
        // = 28.319조; r = (28.319 − 16.8) / 13.2 = 0.873: still moderate, no longer provisional.
        let december = Self.verdict(Self.assessment(site, "2021-12-29"), "1-1.data-market-size")
        #expect(december.status == .moderateProgress && december.latest?.value == 20e12 && !december.flags.contains(.provisionalValue))
        #expect(abs((december.ratio ?? 0) - 0.8726) < 0.0005)
        // The final figure is a revision of the preliminary one, not a second figure: it supersedes it.
        let history = site.model.history(of: "1-1.data-market-size").filter { $0.period == .year(2020)! }
        #expect(history.count == 2 && history[1].record.supersedes == history[0].record.id && history[0].status == .provisional)
        try await WebFixture.withClient(site) { client in
            let page = try await client.fetch("/indicators/1-1.data-market-size?asOf=2022-01-01")
            #expect(page.body.contains("<del>19.27조원</del>") || page.body.contains("<del>19조 2,736억원</del>"), "the corrected figure is struck through")
        }
    }

    @Test("WiFi classrooms: 230,000 general classrooms in June 2021 prove the 2020 step of 240,000 missed; the 310,000 of all classrooms is left out")
    func wifiClassrooms() async throws {
        let site = try await WebFixture.published.value
        // The plan's 80,000 (June 2020) and 240,000 (end of 2020) count general classrooms. A running total only grows, so
        // the first total known after the due date, 230,000 on 30 June 2021, short of 240,000, proves the 2020 step missed.
        // The 310,000 of the same day counts special and study rooms too: compared with 240,000 it would have read as met.
        let a = Self.verdict(Self.assessment(site, "2021-07-08"), "2-1.wifi-classrooms")
        let step = try #require(a.passedMilestones.first)
        #expect(step.status == .missed && step.value == 230_000)
        #expect(a.flags.contains(.otherBasisLeftOut) && a.otherBasisCount == 1)
        // Against 380,000 by 2022 (due 914 days after June 2020, of which 365 passed): (230,000 − 80,000) / (380,000 − 80,000)
        // = 0.5 of the change in 365 / 914 = 0.399 of the time, so r = 0.5 / 0.399 = 1.25: on track.
        #expect(a.status == .onTrack && abs((a.ratio ?? 0) - 1.2521) < 0.0005)
    }

    @Test("smart factories and AI training data: values counted on other bases are shown but never judged")
    func otherBasesAreNotJudged() async throws {
        let site = try await WebFixture.published.value
        let end = Self.assessment(site, "2026-06-30")
        // The programme's running total since 2014 (19,799 in 2020) would "reach" the plan's 12,000 before the plan began;
        // the 2020 supply (7,139) is another measure again. Neither counts what the plan counts, so nothing is judged.
        let factories = Self.verdict(end, "1-2.smart-factories-supplied")
        #expect(factories.status == .notYetAssessable && factories.otherBasisCount == 3 && factories.otherBases.count == 2)
        // AI training data: the 381 and 691 include 21 datasets built before 2020; only the 170 of 2020 is on the plan's basis.
        let datasets = Self.verdict(end, "1-1.ai-training-datasets")
        #expect(datasets.status == .notYetAssessable && datasets.otherBasisCount == 2 && datasets.baselineValue == 170)
        // Public data: the 2021 milestone stands on the tables (147,000 ≥ 142,000); the four portal listing counts are left out.
        let opened = Self.verdict(end, "1-1.public-data-opened")
        #expect(opened.passedMilestones.first?.status == .achieved && opened.passedMilestones.first?.value == 147_000 && opened.otherBasisCount == 4)
        // The ending summary shows the cloud's latest share, on its own basis, without counting it as met or short.
        let view = site.model.view(asOf: CalendarDay(iso: "2026-06-30")!)
        let summary = PlanEndingSummary(view.assessment, index: view.index, ending: view.ending) { position in
            var scratch: [Int] = []
            return view.series(position, in: site.model.observations, scratch: &scratch)
        }
        let cloud = summary.items.filter { view.index.indicators[$0.position].id == "1-3.cloud-transition" }
        #expect(!cloud.isEmpty && cloud.allSatisfy { $0.verdict == .noFigure && $0.evidence?.otherBasis == true && $0.evidence?.latest.value == 27.9 })
    }

    @Test("K-MOOC: 2,388 courses in December 2023 reach the 2025 target of 2,045, published on 7 February 2024")
    func kmooc() async throws {
        let site = try await WebFixture.published.value
        // The day before, the latest is 1,879 (30 January 2023): short of 2,045, so judged on its path (on track).
        #expect(Self.verdict(Self.assessment(site, "2024-02-06"), "2-2.k-mooc-courses").status == .onTrack)
        // 2,388 ≥ 2,045: achieved before the due date, not final.
        let a = Self.verdict(Self.assessment(site, "2024-02-07"), "2-2.k-mooc-courses")
        #expect(a.status == .achieved && !a.isFinal && a.latest?.value == 2_388)
    }

    @Test("edtech market: the 2019 figure of July 2020 alone puts the 2022 target of 7 trillion far out of reach")
    func edtech() async throws {
        let site = try await WebFixture.published.value
        // CAGR from 3.8조 (2018) with only 3.9515조 (2019) known: 3.9515 / 3.8 = 1.039868 in 365 days; to the end of 2022
        // (1,461 days) 3.8 × e^(0.039094 × 4.00274) = 3.8 × 1.169394 = 4.4437조; r = (4.4437 − 3.8) / (7 − 3.8) = 0.201: insufficient.
        let a = Self.verdict(Self.assessment(site, "2021-07-23"), "2-1.edtech-market-size")
        #expect(a.status == .insufficientProgress && abs((a.ratio ?? 0) - 0.2012) < 0.0005)
        // After the plan, no figure for 2022 or 2025 was published: neither target is settled.
        let end = Self.verdict(Self.assessment(site, "2026-06-30"), "2-1.edtech-market-size")
        #expect(end.status == .notYetAssessable && end.passedMilestones.first?.status == .notYetAssessable)
    }

    @Test("GCI rank: 4th, published on 29 June 2021, achieves the 2022 target of 7th or better at once")
    func gciRank() async throws {
        let site = try await WebFixture.published.value
        // Before publication the rank after the 2020 baseline (15th) is unknown.
        #expect(Self.verdict(Self.assessment(site, "2021-06-28"), "1-4.gci-rank").status == .notYetAssessable)
        // 4th is 7th or better: achieved before the due date (not final).
        let a = Self.verdict(Self.assessment(site, "2021-07-01"), "1-4.gci-rank")
        #expect(a.status == .achieved && !a.isFinal && a.latest?.value == 4)
    }

    @Test("robot industry revenue: 5.89 trillion won in 2022 misses 11.8 trillion, and the compound trend barely moves towards 15 trillion")
    func robotRevenue() async throws {
        let site = try await WebFixture.published.value
        let a = Self.verdict(Self.assessment(site, "2024-06-30"), "1-2.robot-industry-revenue")
        // A level (an amount): 5.8933 trillion for 2022 against 11.8 trillion: the 2022 milestone is missed.
        #expect(a.passedMilestones.first?.status == .missed)
        // CAGR from 5.8 trillion (2018): 5.5 (2020), 5.6083 (2021), 5.8933 (2022) known by mid-2024. The line
        // through their logarithms grows 0.18% a year. Measured from its own start (method §7), that growth carries the
        // baseline over the 2,557 days to the end of 2025 to 5.8 × e^(0.0018213 × 2,557 / 365.25) = 5.874 trillion:
        // r = (5.874 − 5.8) / (15 − 5.8) = 0.0081, insufficient progress. (The second edition read the line's end,
        // 5.748 trillion, which starts below the baseline because of the 2020 dip, and said moving away, −0.0057;
        // the latest value, 5.8933 trillion, is above the baseline, and the pace is slow, not backwards.)
        #expect(a.status == .insufficientProgress && a.method == .cagr && a.path?.basis == .trend)
        #expect(abs((a.ratio ?? 0) - 0.00809) < 0.0005 && abs((a.path?.actualRate ?? 0) - 0.00182) < 0.0002)
    }

    @Test("after the plan's end the home page leads with how it ended, and every settled figure links to its source")
    func homeLeadsWithTheEnding() async throws {
        let site = try await WebFixture.published.value
        try await WebFixture.withClient(site) { client in
            let home = try await client.fetch("/?asOf=2026-06-30")
            #expect(home.body.contains("계획은 이렇게 끝났습니다") && home.body.contains("발표된 값으로 본 목표"))
            #expect(home.body.contains("class=\"banner published\""))
            #expect(home.body.contains("href=\"/indicators/4-2.smart-industrial-complexes?asOf=2026-06-30#fact-"))
            // The programme ended on 28 September 2022: from then on the home page leads with its
            // end; the day before, it does not.
            let during = try await client.fetch("/?asOf=2022-09-27")
            #expect(!during.body.contains("계획은 이렇게 끝났습니다"))
            let after = try await client.fetch("/?asOf=2022-09-28")
            #expect(after.body.contains("계획은 이렇게 끝났습니다"))
            let sources = try await client.fetch("/sources?lang=en")
            #expect(sources.status == .ok && sources.body.contains("https://etnews.com/20240109000185") && sources.body.contains("Definition differs"))
            let indicator = try await client.fetch("/indicators/1-1.public-data-opened")
            #expect(indicator.body.contains("id=\"fact-") && indicator.body.contains("<blockquote class=\"quote\" lang=\"ko\">"))
        }
    }
}
