/// The paragraph styles of a report in Hangul, each with its own paragraph shape and character
/// shape (the same number for all three in `Contents/header.xml`), set as a Korean office sets a
/// report: the title and headings in 맑은 고딕, the 개조식 text in 함초롬바탕, tables in small
/// 맑은 고딕 with a shaded header row. Sizes are in hundredths of a point, spacing in HWPUNIT
/// (1/7200 inch; 100 is one point).
enum HWPXStyle: Int, CaseIterable {
    case normal, body, title, subtitle, heading1, heading2, outline1, outline2, outline3, tableHeader, tableCell, note, footer

    enum Face: Int { case batang = 0, gothic = 1 }

    /// The names Hangul shows in its style list.
    var name: (ko: String, en: String) {
        switch self {
        case .normal: return ("바탕글", "Normal")
        case .body: return ("본문", "Body")
        case .title: return ("제목", "Title")
        case .subtitle: return ("부제", "Subtitle")
        case .heading1: return ("개요 1", "Outline 1")
        case .heading2: return ("개요 2", "Outline 2")
        case .outline1: return ("□ 항목", "Outline heading")
        case .outline2: return ("○ 항목", "Outline point")
        case .outline3: return ("- 항목", "Outline detail")
        case .tableHeader: return ("표 머리", "Table header")
        case .tableCell: return ("표 내용", "Table cell")
        case .note: return ("출처", "Source note")
        case .footer: return ("꼬리말", "Footer")
        }
    }

    var face: Face {
        switch self {
        case .title, .subtitle, .heading1, .heading2, .tableHeader, .tableCell, .footer: return .gothic
        default: return .batang
        }
    }

    var size: Int {
        switch self {
        case .title: return 2000
        case .heading1: return 1500
        case .heading2: return 1250
        case .outline1: return 1400
        case .outline2: return 1300
        case .outline3: return 1200
        case .subtitle, .normal, .body: return 1100
        case .tableHeader, .tableCell, .note: return 900
        case .footer: return 850
        }
    }

    var bold: Bool { [.title, .heading1, .heading2, .outline1, .tableHeader].contains(self) }
    var colour: String { self == .subtitle || self == .footer ? "#404040" : "#000000" }

    var align: String {
        switch self {
        case .title, .subtitle, .tableHeader: return "CENTER"
        case .tableCell, .footer, .note: return "LEFT"
        default: return "JUSTIFY"
        }
    }

    /// Left margin and first-line indent (negative: the mark hangs, and wrapped lines line up
    /// with the words after it).
    var left: Int {
        switch self {
        case .outline2: return 1300
        case .outline3: return 2600
        case .note: return 1800
        default: return 0
        }
    }

    var indent: Int {
        switch self {
        case .outline1: return -1400
        case .outline2: return -1300
        case .outline3: return -1200
        case .note: return -1800
        default: return 0
        }
    }

    var before: Int {
        switch self {
        case .heading1: return 2000
        case .heading2: return 1200
        case .outline1: return 1000
        case .outline2: return 300
        case .outline3: return 150
        case .body: return 300
        case .note: return 100
        default: return 0
        }
    }

    var after: Int {
        switch self {
        case .title: return 600
        case .subtitle: return 200
        case .heading1: return 600
        case .heading2: return 400
        case .body: return 300
        default: return 0
        }
    }

    /// Line spacing, percent of the font size.
    var lineSpacing: Int { [.tableHeader, .tableCell, .footer].contains(self) ? 130 : 160 }
    /// Headings stay on the page of what they introduce.
    var keepWithNext: Bool { [.title, .subtitle, .heading1, .heading2, .outline1].contains(self) }
}
