import Testing
@testable import PlanCore

/// The iCalendar feed's text as RFC 5545 writes it.
@Suite("iCalendar: folding, escaping, all-day events")
struct ICalendarTests {
    let calendar = ICalendar(productId: "-//Planwatch//Reporting rounds//KO", name: "Planwatch 제출 기한 (과학기술정보통신부)", events: [
        ICalendar.Event(uid: "r1.msit@planwatch", stamp: Timestamp(iso: "2022-06-20T01:00:00Z")!, day: CalendarDay(iso: "2022-07-15")!,
                        summary: "[제출 기한] 2022년 2분기 실적 점검; 예산, 일자리 \\ 과제",
                        description: "대상 기간: 2022년 2분기\n제출 자료: 성과지표, 예산 집행, 일자리, 과제 추진 상황, 제도 개선 추진 상황과 그 밖의 여러 자료가 아주 길게 이어집니다",
                        url: "http://127.0.0.1:8080/admin\r\nX-EVIL:1"),
    ])

    @Test("lines are CRLF, at most 75 octets, folded with one space without cutting a character")
    func folding() {
        let text = calendar.text
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.allSatisfy { String(validating: Array($0.utf8), as: UTF8.self) != nil })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:[제출 기한] 2022년 2분기 실적 점검\\; 예산\\, 일자리 \\\\ 과제\r\n"))
        #expect(unfolded.contains("DESCRIPTION:대상 기간: 2022년 2분기\\n제출 자료:"))
    }

    @Test("an all-day event on the due date, and nothing can start a property of its own")
    func event() {
        let unfolded = calendar.text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20220715\r\nDTEND;VALUE=DATE:20220716\r\n"))
        #expect(unfolded.contains("DTSTAMP:20220620T010000Z\r\n"))
        #expect(!unfolded.contains("\r\nX-EVIL"))
        #expect(unfolded.contains("URL;VALUE=URI:http://127.0.0.1:8080/adminX-EVIL:1\r\n"))
    }
}
