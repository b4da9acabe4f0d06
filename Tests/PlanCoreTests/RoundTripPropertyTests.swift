import PropertyBased
import Testing
@testable import PlanCore

@Suite("Round trips hold for any input")
struct RoundTripPropertyTests {
    @Test("any period prints and parses back, in ISO and in the plan's shorthand")
    func periodRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 2000...2099), Gen.int(in: 0...4), Gen.int(in: 1...12), Gen.int(in: 1...28)) { year, kind, n, d in
            let period: Period
            switch kind {
            case 0: period = .year(year)!
            case 1: period = .half(year, (n - 1) % 2 + 1)!
            case 2: period = .quarter(year, (n - 1) % 4 + 1)!
            case 3: period = .month(year, n)!
            default: period = .day(year, n, d)!
            }
            #expect((try? PeriodParser.period(period.iso)) == period)
            #expect((try? PeriodParser.period(period.shorthand)) == period)
            #expect(period.start <= period.end)
        }
    }

    @Test("any whole number written with thousands separators reads back exactly")
    func groupedRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...999_999_999_999)) { n in
            let text = QuantityFormatter.grouped(Double(n), maxDecimals: 0)
            #expect((try? KoreanNumberParser.number(text)) == Double(n))
        }
    }

    @Test("any amount written with Korean number words reads back exactly")
    func koreanWordsRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...9_999), Gen.int(in: 0...9_999), Gen.int(in: 1...999)) { jo, eok, man in
            let text = "\(jo)조 \(eok)억 \(man)만원"
            let expected = Double(jo) * 1e12 + Double(eok) * 1e8 + Double(man) * 1e4
            #expect((try? KoreanNumberParser.parse(text).value) == expected, "\(text)")
        }
    }

    @Test("calendar ordinals are a bijection")
    func ordinalRoundTrip() async {
        await propertyCheck(count: 1000, input: Gen.int(in: -100_000...1_000_000)) { n in
            #expect(CalendarDay(ordinal: n).ordinal == n)
        }
    }
}
