import Testing
@testable import PlanCore

@Suite("Korean numbers: read exactly, written naturally")
struct KoreanNumberTests {
    @Test("the seed's own strings", arguments: [
        ("4.9만개", 49_000.0, "개"), ("3.2조원", 3_200_000_000_000, "원"), ("1,562개소", 1_562, "개소"),
        ("12만명", 120_000, "명"), ("15위", 15, "위"), ("15,200억원", 1_520_000_000_000, "원"),
        ("1천개", 1_000, "개"), ("0.5만명", 5_000, "명"), ("14.8%", 14.8, "%"), ("1,300종", 1_300, "종"),
        ("3,300만 어절", 33_000_000, "어절"), ("36,000억원", 3_600_000_000_000, "원"), ("5.8조원", 5_800_000_000_000, "원"),
        ("100.0%", 100, "%"), ("16.1만", 161_000, ""), ("4,075km", 4_075, "km"), ("2만개", 20_000, "개"),
    ])
    func seedStrings(text: String, value: Double, unit: String) throws {
        let q = try KoreanNumberParser.parse(text)
        #expect(q.value == value)
        #expect((q.unit?.symbol ?? "") == unit)
    }

    @Test("80% 이상 is at least 80 percent")
    func atLeast() throws {
        let q = try KoreanNumberParser.parse("80% 이상")
        #expect(q.value == 80 && q.unit == .percent && q.comparator == .atLeast)
    }

    @Test("a period in parentheses is the value's period; other remarks are kept")
    func parentheses() throws {
        let market = try KoreanNumberParser.parse("16.8조원('19)")
        #expect(market.value == 16_800_000_000_000 && market.period == .year(2019)!)
        let road = try KoreanNumberParser.parse("85km(2%)")
        #expect(road.value == 85 && road.unit?.symbol == "km" && road.remark == "2%")
    }

    @Test("a transition keeps where it started: 25cm→12cm")
    func transition() throws {
        let q = try KoreanNumberParser.parse("25cm→12cm")
        #expect(q.value == 12 && q.from == 25 && q.unit?.symbol == "cm")
    }

    @Test("a range borrows the right side's number word: 1,000~1,500만원")
    func range() throws {
        let q = try KoreanNumberParser.parse("1,000~1,500만원")
        #expect(q.value == 10_000_000 && q.upper == 15_000_000 && q.unit == .won)
    }

    @Test("compound numbers and negatives")
    func compound() throws {
        #expect(try KoreanNumberParser.parse("1조 2,000억원").value == 1_200_000_000_000)
        #expect(try KoreanNumberParser.parse("△6.1").value == -6.1)
        #expect(try KoreanNumberParser.number("1,234") == 1_234)
        #expect(try KoreanNumberParser.number("4.9만") == 49_000)
    }

    @Test("bad numbers are refused with the reason", arguments: [
        ("12,34", "grouping"), ("abc", "cannot read"), ("5쥐", "unknown unit"), ("", "empty"), ("1만 2조", "large to small"),
        ("1,2345", "grouping"), ("99999999999999999999", "too large"),
    ])
    func refused(text: String, reason: String) {
        do {
            _ = try KoreanNumberParser.parse(text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }

    @Test("Korean formatting: 58.1조원, 90.3만 개, 1,562개소, 15위")
    func koreanFormatting() {
        #expect(QuantityFormatter.korean(58_100_000_000_000, unit: .won) == "58.1조원")
        #expect(QuantityFormatter.korean(903_000, unit: .item) == "90.3만 개")
        #expect(QuantityFormatter.korean(1_562, unit: Unit.named("개소")) == "1,562개소")
        #expect(QuantityFormatter.korean(15, unit: .rank) == "15위")
        #expect(QuantityFormatter.korean(1_520_000_000_000, unit: .won) == "1.52조원")
        #expect(QuantityFormatter.korean(150_000_000_000, unit: .won) == "1,500억원")
        #expect(QuantityFormatter.korean(14.8, unit: .percent) == "14.8%")
        #expect(QuantityFormatter.korean(1_000_000_000_000, unit: .won) == "1조원")
        #expect(QuantityFormatter.korean(12, unit: Unit.named("과제")) == "12개 과제")
        #expect(QuantityFormatter.korean(33_000_000, unit: Unit.named("어절")) == "3,300만 어절")
    }

    @Test("English formatting: KRW 58.1 trillion, 903,000 jobs, 7th")
    func englishFormatting() {
        #expect(QuantityFormatter.english(58_100_000_000_000, unit: .won) == "KRW 58.1 trillion")
        #expect(QuantityFormatter.english(903_000, unit: .item, noun: "jobs") == "903,000 jobs")
        #expect(QuantityFormatter.english(1_562, unit: Unit.named("개소")) == "1,562 sites")
        #expect(QuantityFormatter.english(7, unit: .rank) == "7th")
        #expect(QuantityFormatter.english(150_000_000_000, unit: .won) == "KRW 150 billion")
        #expect(QuantityFormatter.ordinal(11) == "11th" && QuantityFormatter.ordinal(22) == "22nd" && QuantityFormatter.ordinal(3) == "3rd")
    }
}
