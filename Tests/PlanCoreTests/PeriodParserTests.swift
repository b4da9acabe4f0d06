import Testing
@testable import PlanCore

@Suite("Periods: the seed's shorthand and ISO forms")
struct PeriodParserTests {
    @Test("single periods written as the seed writes them", arguments: [
        ("'20", "2020"), ("'22년", "2022"), ("('21)", "2021"), ("'20.下", "2020-H2"), ("'20.上", "2020-H1"),
        ("('20.6)", "2020-06"), ("`20.6월", "2020-06"), ("('20.4월)", "2020-04"), ("'20.3분기", "2020-Q3"),
        ("'20.말", "2020"), ("'18.12", "2018-12"), ("20년", "2020"), ("'20.6.30", "2020-06-30"),
        ("2020", "2020"), ("2020-H2", "2020-H2"), ("2020-Q3", "2020-Q3"), ("2020-06", "2020-06"),
        ("2020-06-30", "2020-06-30"), ("2020년 6월", "2020-06"), ("2020년 6월 30일", "2020-06-30"), ("’19", "2019"),
    ])
    func single(text: String, iso: String) throws {
        #expect(try PeriodParser.period(text).iso == iso)
    }

    @Test("phrases: by, from, between and moved")
    func phrases() throws {
        #expect(try PeriodParser.expression("~'22") == .by(.year(2022)!))
        #expect(try PeriodParser.expression("~'21完") == .by(.year(2021)!))
        #expect(try PeriodParser.expression("(~'20.말)") == .by(.year(2020)!))
        #expect(try PeriodParser.expression("'22년까지") == .by(.year(2022)!))
        #expect(try PeriodParser.expression("'21.3월~") == .from(.month(2021, 3)!))
        #expect(try PeriodParser.expression("(19.11월~)") == .from(.month(2019, 11)!))
        #expect(try PeriodParser.expression("('21이후)") == .from(.year(2021)!))
        #expect(try PeriodParser.expression("('19~'24)") == .between(.year(2019)!, .year(2024)!))
        #expect(try PeriodParser.expression("('25 → '22)") == .moved(from: .year(2025)!, to: .year(2022)!))
        #expect(try PeriodParser.expression("('30 → '25년)").deadline == .year(2025)!)
        #expect(try PeriodParser.expression("'20.7시행") == .from(.month(2020, 7)!))
    }

    @Test("impossible and unreadable periods are refused with a reason", arguments: [
        "2021-02-29", "0000-00-00", "0000上", "0000년 말", "9999-99-99", "2020-13", "2020-H3", "'20.5분기", "'20.13", "yesterday", "", "'2020", "20200",
    ])
    func refused(text: String) {
        #expect(throws: PeriodParser.Failure.self) { try PeriodParser.period(text) }
    }

    @Test("start and end days")
    func bounds() {
        let h2 = Period.half(2020, 2)!
        #expect(h2.start.iso == "2020-07-01" && h2.end.iso == "2020-12-31")
        #expect(Period.quarter(2020, 1)!.end.iso == "2020-03-31")
        #expect(Period.month(2024, 2)!.end.iso == "2024-02-29")
        #expect(Period.month(2023, 2)!.end.iso == "2023-02-28")
        #expect(Period.year(2025)!.end.iso == "2025-12-31")
    }

    @Test("printing in Korean, English and shorthand")
    func printing() {
        let cases: [(Period, String, String, String)] = [
            (.year(2020)!, "2020년", "2020", "'20"),
            (.half(2020, 2)!, "2020년 하반기", "H2 2020", "'20.下"),
            (.quarter(2020, 3)!, "2020년 3분기", "Q3 2020", "'20.3분기"),
            (.month(2022, 12)!, "2022년 12월", "Dec 2022", "'22.12"),
            (.day(2020, 6, 30)!, "2020년 6월 30일", "30 Jun 2020", "'20.6.30"),
        ]
        for (p, ko, en, short) in cases {
            #expect(p.korean == ko)
            #expect(p.english == en)
            #expect(p.shorthand == short)
            #expect((try? PeriodParser.period(p.shorthand)) == p)
            #expect((try? PeriodParser.period(p.iso)) == p)
        }
    }

    @Test("periods order by when they close")
    func ordering() {
        #expect(Period.half(2020, 2)! < Period.year(2021)!)
        #expect(Period.month(2020, 6)! < Period.half(2020, 2)!)
        #expect(Period.year(2020)! < Period.half(2021, 1)!)
    }

    @Test("calendar days count exactly across leap years")
    func ordinals() {
        let a = CalendarDay(year: 2020, month: 1, day: 1)!
        let b = CalendarDay(year: 2021, month: 1, day: 1)!
        #expect(b.ordinal - a.ordinal == 366)
        #expect(CalendarDay(ordinal: a.ordinal + 59).iso == "2020-02-29")
        #expect(CalendarDay(year: 1970, month: 1, day: 1)!.ordinal == 0)
    }
}
