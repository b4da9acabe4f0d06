/// The plan's record as one open-data table, `revisions.csv`: a row per change of every
/// revision (old → new, with the sources that announced it) and a row for the plan's end, so an
/// analyst can see in a spreadsheet when the goalposts moved and on whose word.
public enum PlanRecordCSV {
    public static let header = [
        "revision", "effective", "revision_title_ko", "revision_title_en", "kind", "item", "subject", "name_ko", "name_en",
        "old_ko", "new_ko", "old_en", "new_en", "note_ko", "note_en", "source_ids", "source_urls",
    ]

    public static func table(_ history: PlanHistory) -> CSVTable {
        var table = CSVTable(fileName: "revisions.csv", header: header)
        for record in history.revisions {
            let revision = record.revision
            for change in record.changes {
                let explanation = revision?.explanation(of: change)
                let sources = (explanation?.sources ?? []).compactMap { revision?.source($0) }
                table.rows.append([
                    .integer(Int64(record.number)), .text(record.effective.iso), .text(revision?.title.ko), .text(revision?.title.en),
                    .text(change.kind.rawValue), .text(change.item.descriptor), .text(change.subject), .text(change.name.ko), .text(change.name.en),
                    .text(change.old?.ko), .text(change.new?.ko), .text(change.old?.en), .text(change.new?.en),
                    .text(explanation?.note?.ko), .text(explanation?.note?.en),
                    .text(sources.map(\.id).joined(separator: ";")), .text(sources.compactMap(\.url).joined(separator: " ")),
                ])
            }
        }
        if let ending = history.latest.plan.ended {
            table.rows.append([
                .integer(nil), .text(ending.on.iso), .text(ending.successor?.ko), .text(ending.successor?.en),
                .text(ending.kind == .replaced ? "ended:replaced" : "ended:discontinued"), .text("plan"), .text("plan ended"),
                .text(history.latest.plan.title.ko), .text(history.latest.plan.title.en), .text(nil), .text(nil), .text(nil), .text(nil),
                .text(ending.summary.ko), .text(ending.summary.en), .text(ending.sources.map(\.id).joined(separator: ";")),
                .text(ending.sources.compactMap(\.url).joined(separator: " ")),
            ])
        }
        return table
    }
}
