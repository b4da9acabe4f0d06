import Foundation
import PlanCore

/// What publication details must be to be stored, whichever way they arrive (a CSV row, a form,
/// the API): a web address, a day that has come and that follows the end of the period the
/// figure is for (a figure published before then is a forecast, not an outcome), a publisher
/// whenever any detail is given, and no control characters.
public enum ProvenanceRules {
    /// The provenance of `parts` (by `Provenance.columns` name; blank parts left out), with every
    /// problem and the column it is in. Nil when no part is given.
    public static func check(_ parts: [String: String], source: String?, periodEnd: CalendarDay?, today: CalendarDay)
        -> (provenance: Provenance?, problems: [(column: String, issue: ImportIssue)]) {
        var problems: [(column: String, issue: ImportIssue)] = []
        var kept: [String: String] = [:]
        for column in Provenance.columns {
            guard let text = parts[column], !text.isEmpty else { continue }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
                problems.append((column, .controlCharacter(column: column)))
                continue
            }
            if !XMLText.canCarry(text) {
                problems.append((column, .characterXMLCannotCarry(column: column)))
                continue
            }
            kept[column] = text
        }
        guard !kept.isEmpty else { return (nil, problems) }
        if source?.isEmpty ?? true { problems.append(("source", .sourceDetailsWithoutSource)) }
        if let url = kept["source_url"], !isWebAddress(url) { problems.append(("source_url", .sourceURL(url))) }
        var published: CalendarDay?
        if let text = kept["source_date"] {
            published = CalendarDay(iso: text) ?? (try? PeriodParser.period(text)).flatMap { $0.granularity == .day ? $0.end : nil }
            if let day = published {
                if day > today { problems.append(("source_date", .sourceDateInFuture(day.iso, today: today.iso))) }
                if let periodEnd, day <= periodEnd { problems.append(("source_date", .sourceDateBeforePeriodEnd(day.iso, periodEnd: periodEnd.iso))) }
            } else {
                problems.append(("source_date", .sourceDate(text)))
            }
        }
        let provenance = Provenance(title: kept["source_title"], url: kept["source_url"], published: published, quote: kept["source_quote"],
                                    definitionNote: kept["definition_note"])
        return (provenance, problems)
    }

    /// An address a source may be cited by (`SourceAddress`): absolute http(s), ASCII as RFC
    /// 3986 allows, with nothing that could close an attribute.
    public static func isWebAddress(_ s: String) -> Bool { SourceAddress.problem(s) == nil }
}
