import Testing
@testable import PlanCore

@Suite("Reading a reported value")
struct ObservationValueTests {
    let index = PlanIndex(Repo.digitalNewDeal)

    /// 1-1.public-data-opened counts datasets, with a number due in 2021 and words due in 2025.
    @Test("a numeric indicator takes words only in the year a qualitative target of it falls due")
    func wordsOnlyWhereDue() throws {
        let indicator = try #require(index.indicator("1-1.public-data-opened"))
        let in2024 = ObservationValue.read("많이", for: indicator, period: Period.year(2024)!)
        #expect(throws: ValueError.self) { try in2024.get() }
        #expect(try ObservationValue.read("데이터 표준화 완료", for: indicator, period: Period.year(2025)!).get() == .text("데이터 표준화 완료"))
        #expect(try ObservationValue.read("15.1만개", for: indicator, period: Period.year(2025)!).get() == .number(151_000))
    }

    @Test("particles follow the last syllable, digits read aloud")
    func particles() {
        #expect(KoreanParticle.object(after: "2025년") == "을")
        #expect(KoreanParticle.object(after: "2020년 하반기") == "를")
        #expect(KoreanParticle.topic(after: "2031") == "은")
        #expect(KoreanParticle.topic(after: "2025") == "는")
    }
}
