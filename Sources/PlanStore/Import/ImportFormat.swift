import Foundation
import PlanCore

/// The columns of each import file (`docs/import-formats.md`), with the Korean headers a
/// spreadsheet template uses as aliases.
public struct ImportFormat: Sendable {
    public let kind: FactKind
    public let columns: [String]
    public let required: [String]

    public static func of(_ kind: FactKind) -> ImportFormat {
        switch kind {
        case .observation:
            return ImportFormat(kind: kind, columns: ["indicator_id", "period", "value", "status", "source"] + Provenance.columns + ["note", "basis", "corrects"],
                                required: ["indicator_id", "period", "value"])
        case .budget:
            return ImportFormat(kind: kind, columns: ["project_id", "fiscal_year", "allocated", "executed", "status", "source"] + Provenance.columns + ["note"],
                                required: ["project_id", "fiscal_year", "allocated", "executed"])
        case .jobs:
            return ImportFormat(kind: kind, columns: ["project_id", "year", "jobs", "status", "source"] + Provenance.columns + ["note"],
                                required: ["project_id", "year", "jobs"])
        case .taskStatus:
            return ImportFormat(kind: kind, columns: ["task_id", "date", "progress", "evidence", "source"] + Provenance.columns + ["note"],
                                required: ["task_id", "date", "progress", "evidence"])
        }
    }

    /// Korean column names accepted in place of the English ones.
    public static let koreanAliases: [String: String] = [
        "지표id": "indicator_id", "지표": "indicator_id", "기간": "period", "값": "value", "실적": "value",
        "상태": "status", "출처": "source", "비고": "note", "메모": "note", "사업id": "project_id", "프로젝트id": "project_id",
        "프로젝트": "project_id", "회계연도": "fiscal_year", "배정액": "allocated", "예산액": "allocated", "집행액": "executed",
        "연도": "year", "일자리": "jobs", "과제id": "task_id", "과제": "task_id", "기준일": "date", "일자": "date",
        "추진상태": "progress", "진행상황": "progress", "근거": "evidence", "발표기관": "source", "출처기관": "source",
        "출처제목": "source_title", "자료명": "source_title", "출처url": "source_url", "출처주소": "source_url", "url": "source_url",
        "발표일": "source_date", "출처일자": "source_date", "공표일": "source_date", "인용": "source_quote", "인용문": "source_quote",
        "출처인용": "source_quote", "정의차이": "definition_note", "정의주석": "definition_note", "정의비고": "definition_note",
        "집계기준": "basis", "측정기준": "basis", "산정기준": "basis", "정정대상": "corrects", "정정대상발표일": "corrects",
    ]

    /// Worksheet names that say a workbook's sheet holds this kind (compared without case or
    /// spaces, contained in the name); a workbook without one is read from its first sheet.
    public var sheetNames: [String] {
        switch kind {
        case .observation: return ["observations", "실적", "성과지표"]
        case .budget: return ["budget", "예산", "사업비"]
        case .jobs: return ["jobs", "일자리"]
        case .taskStatus: return ["tasks", "과제"]
        }
    }

    /// Columns a template carries for the reader (the indicator's or task's name), ignored on import.
    public static let labelColumns: Set<String> = ["name", "label", "이름", "지표명", "과제명", "항목", "항목명"]

    /// The columns that hold what is reported; a row with all of them blank (a template row
    /// left unfilled) is skipped.
    public var valueColumns: [String] {
        switch kind {
        case .observation: return ["value"]
        case .budget: return ["allocated", "executed"]
        case .jobs: return ["jobs"]
        case .taskStatus: return ["progress", "evidence"]
        }
    }

    /// The canonical name of a header cell, or nil when it is not a column of this format.
    public func column(for header: String) -> String? {
        let key = header.trimmingCharacters(in: .whitespaces).lowercased()
        if columns.contains(key) { return key }
        let compact = key.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: " ", with: "")
        if let alias = Self.koreanAliases[compact], columns.contains(alias) { return alias }
        return nil
    }

    /// The blank template a reporter downloads: the header, in Korean or English.
    public func templateHeader(korean: Bool) -> [String] {
        korean ? columns.map(Self.koreanName) : columns
    }

    /// The Korean header a template uses for a column.
    public static func koreanName(_ column: String) -> String {
        let preferred: [String: String] = [
            "indicator_id": "지표ID", "period": "기간", "value": "값", "status": "상태", "source": "출처", "note": "비고",
            "project_id": "사업ID", "fiscal_year": "회계연도", "allocated": "배정액", "executed": "집행액", "year": "연도",
            "jobs": "일자리", "task_id": "과제ID", "date": "기준일", "progress": "추진상태", "evidence": "근거",
            "source_title": "출처 제목", "source_url": "출처 URL", "source_date": "발표일", "source_quote": "인용문", "definition_note": "정의 차이",
            "basis": "집계 기준", "corrects": "정정 대상 발표일",
        ]
        return preferred[column] ?? column
    }
}

extension TaskStatusReport.Progress {
    /// Reads `notStarted`, `inProgress`, `done` or their Korean words (미착수, 추진 중, 완료).
    public init?(reading s: String) {
        let t = s.trimmingCharacters(in: .whitespaces)
        switch t.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "") {
        case "notstarted", "미착수", "착수전": self = .notStarted
        case "inprogress", "추진중", "진행중", "추진": self = .inProgress
        case "done", "완료", "완료됨": self = .done
        default: return nil
        }
    }
}
