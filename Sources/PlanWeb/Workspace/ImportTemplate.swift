import Foundation
import PlanCore
import PlanStore

/// The blank file a reporter downloads for a project: a name column for the reader, the
/// project's ids filled in, the period to report; the same rows and columns as CSV
/// (`template.csv`) or as a workbook (`template.xlsx`, Korean headers, frozen, typed columns).
struct ImportTemplate {
    var kind: FactKind
    var fileStem: String
    var nameHeader: String
    var format: ImportFormat
    var korean: Bool
    /// The reader's name for the row, and the values filled in by column.
    var rows: [(name: String, values: [String: String])] = []

    init(project projectId: String, position: Int, kind: FactKind, model: ReadModel, language: Language) {
        self.kind = kind
        fileStem = "\(projectId)-\(kind.importName)"
        korean = language == .ko
        nameHeader = korean ? "항목명" : "name"
        format = ImportFormat.of(kind)
        let year = String(model.today.day.year - 1)
        let index = model.index
        switch kind {
        case .observation:
            for i in index.indicators.indices where index.projectOfIndicator[i] == position {
                rows.append((index.indicators[i].name[language], ["indicator_id": index.indicators[i].id, "period": year]))
            }
        case .budget:
            rows.append((index.projects[position].title[language], ["project_id": projectId, "fiscal_year": year]))
        case .jobs:
            rows.append((index.projects[position].title[language], ["project_id": projectId, "year": year]))
        case .taskStatus:
            for t in index.tasks.indices where index.projectOfTask[t] == position {
                rows.append((index.tasks[t].title[language], ["task_id": index.tasks[t].id, "date": model.today.day.iso]))
            }
        }
    }

    var csv: CSVTable {
        var table = CSVTable(fileName: fileStem + ".csv", header: [nameHeader] + format.templateHeader(korean: korean))
        for row in rows { table.rows.append([.text(row.name)] + format.columns.map { .text(row.values[$0]) }) }
        return table
    }

    func xlsx() throws -> [UInt8] {
        let columns = [XLSXColumn(nameHeader)] + format.templateColumns(korean: korean)
        return try XLSXWriter.bytes { writer in
            try writer.startSheet(format.sheetNames[0], columns: columns)
            for row in rows {
                try writer.append([.text(row.name)] + zip(format.columns, columns.dropFirst()).map { name, column in
                    guard let v = row.values[name] else { return .empty }
                    if column.style == .date, let day = CalendarDay(iso: v) { return .day(day) }
                    return .text(v)
                })
            }
        }
    }
}
