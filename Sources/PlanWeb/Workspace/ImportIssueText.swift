import PlanCore
import PlanStore

/// An import problem in the reader's language, with columns named as the template names them.
enum ImportIssueText {
    static func text(_ issue: ImportIssue, _ c: PageContext) -> String {
        let korean = c.language == .ko
        func column(_ name: String) -> String { korean ? ImportFormat.koreanName(name) : name }
        func f(_ key: String, _ values: [String: String] = [:]) -> String { c.catalog.format("imp_" + key, values) }
        switch issue {
        case .unreadable(let detail): return f("unreadable", ["detail": detail])
        case .emptyFile(let columns): return f("empty", ["columns": columns.map(column).joined(separator: ", ")])
        case .unknownColumn(let cell, let columns): return f("unknown_column", ["cell": cell, "columns": columns.map(column).joined(separator: ", ")])
        case .duplicateColumn(let name): return f("duplicate_column", ["column": column(name)])
        case .missingColumn(let name): return f("missing_column", ["column": column(name)])
        case .fieldCount(let found, let expected): return f("field_count", ["found": String(found), "expected": String(expected)])
        case .status(let s): return f("status", ["value": s])
        case .duplicateRow(let first, _): return f("duplicate_row", ["line": String(first)])
        case .periodNotStarted(let p, _): return f("period_not_started", ["period": p])
        case .period(let s, _): return f("period", ["value": s])
        case .year(let s): return f("year", ["value": s])
        case .yearNotStarted(let y): return f("year_not_started", ["year": String(y)])
        case .amountUnit(let s, _, let name, let money), .amountNotNumber(let s, let name, let money, _):
            return f(money ? "amount_money" : "amount_count", ["value": s, "column": column(name)])
        case .amountNotWhole(let s, let name): return f("amount_whole", ["value": s, "column": column(name)])
        case .unknownIndicator(let id, let hint): return f("unknown_indicator", ["id": id]) + (hint.map { " " + f("did_you_mean", ["id": $0]) } ?? "")
        case .value(let error): return FormValues.message(error, c)
        case .unknownTask(let id, let hint): return f("unknown_task", ["id": id]) + (hint.map { " " + f("did_you_mean", ["id": $0]) } ?? "")
        case .progress(let s): return f("progress", ["value": s])
        case .evidenceMissing: return c.catalog["err_evidence"]
        case .unknownProject(let id, _, _): return f("unknown_project", ["id": id])
        case .sourceURL(let s): return f("source_url", ["value": s])
        case .sourceDate(let s): return f("source_date", ["value": s])
        case .sourceDateInFuture(let s, _): return f("source_date_future", ["value": s])
        case .sourceDateBeforePeriodEnd(let s, let end): return f("source_date_early", ["value": s, "end": end])
        case .sourceDetailsWithoutSource: return f("source_missing")
        case .controlCharacter(let name): return f("control_character", ["column": column(name)])
        case .correctsNotADay(let s): return f("corrects_day", ["value": s])
        case .correctsWithoutSourceDate: return f("corrects_own_date")
        case .correctsNotEarlier(let s, let published): return f("corrects_not_earlier", ["value": s, "published": published])
        case .correctsNoRow(let s): return f("corrects_no_row", ["value": s])
        case .tooLong(let name, let limit): return f("too_long", ["column": column(name), "limit": FormValues.grouped(Int64(limit))])
        case .characterXMLCannotCarry(let name): return f("character", ["column": column(name)])
        case .nothingReported: return f("nothing_reported")
        case .timeUp(let seconds): return f("time_up", ["seconds": String(seconds)])
        }
    }

    /// "2025.csv 3행: …" — the row as the spreadsheet numbers it, then what is wrong; in a
    /// workbook the cell as Excel names it, "2025.xlsx Sheet1!C7: …".
    static func located(_ located: LocatedImportIssue, file: String, _ c: PageContext) -> String {
        let place = located.cell.map { "\(file) \($0)" }
            ?? (located.line > 0 ? c.catalog.format("imp_at", ["file": file, "line": String(located.line)]) : file)
        return "\(place): \(text(located.issue, c))"
    }
}
