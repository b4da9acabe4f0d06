extension ImportFormat {
    /// The template's columns in a workbook, headed as `templateHeader` heads them: ids,
    /// periods, years and words are text cells (`@`), so `2021-06` typed into the template stays
    /// a month and `1-1` stays a project instead of becoming dates; amounts are `#,##0`; days
    /// are dates; the value is left to what is typed (`79%`, `4.9만`, `49000`).
    public func templateColumns(korean: Bool) -> [XLSXColumn] {
        zip(columns, templateHeader(korean: korean)).map { column, header in XLSXColumn(header, style: Self.templateStyle(column)) }
    }

    static func templateStyle(_ column: String) -> XLSXColumn.Style {
        switch column {
        case "value": return .general
        case "allocated", "executed", "jobs": return .grouped
        case "date", "source_date": return .date
        default: return .text
        }
    }
}
