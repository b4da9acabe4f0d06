import PlanCore

/// The open-data export: the plan and every published (approved) fact, as CSV tables, one JSON
/// document, or a Frictionless Data Package (`datapackage.json` beside the CSV files).
///
/// Public downloads carry no personal data: who recorded or approved a value is kept in the
/// audit chain, not in the export.
public enum OpenDataExport {
    /// The observations table, its rows made by `observationRow`.
    public static func observationsTable<S: Sequence>(_ observations: S) -> CSVTable where S.Element == Observation {
        var table = CSVTable(fileName: "observations.csv", header: [
            "id", "indicator_id", "period", "value", "text", "value_status", "source",
        ] + Provenance.columns + ["note", "recorded_at", "approved_at", "supersedes", "basis"])
        table.rows = observations.sorted { $0.record.id < $1.record.id }.map(observationRow)
        return table
    }

    /// The start of `observations.csv`: the byte-order mark and the header.
    public static var observationsCSVStart: String { CSVTable.byteOrderMark + observationsTable([Observation]()).headerLine }

    /// Rows of `observations.csv`, as lines: how a file too large to build whole is written, a
    /// batch at a time, by the site and by `planwatch export`.
    public static func observationsCSVLines<C: Collection>(_ observations: C) -> String where C.Element == Observation {
        observations.map { CSVTable.line(observationRow($0)) }.joined()
    }

    /// One row of `observations.csv`.
    public static func observationRow(_ o: Observation) -> [CSVTable.Cell] {
        [.integer(o.record.id), .text(o.indicatorId), .text(o.period.iso), .number(o.value), .text(o.text), .text(o.status.rawValue),
         .text(o.record.source)] + provenanceCells(o.record)
            + [.text(o.record.note), .text(o.record.recordedAt.iso), .text(o.record.approvedAt?.iso), .integer(o.record.supersedes), .text(o.basis)]
    }

    /// The cells of a fact's provenance, in `Provenance.columns` order (empty when it has none).
    static func provenanceCells(_ record: FactRecord) -> [CSVTable.Cell] {
        (record.provenance?.columnValues ?? Array(repeating: nil, count: Provenance.columns.count)).map { .text($0) }
    }

    /// The plan's tables and the facts' tables without rows: what `datapackage.json` describes.
    /// A column's type is read from its cells when there are some and from its name when there
    /// are none, and the two agree for every fact table (`OpenDataTests`), so the descriptor of a
    /// national plan is made without writing ten million rows first.
    public static func schemaTables(plan: Plan) -> [CSVTable] {
        tables(plan: plan, facts: .empty)
    }

    /// The tables of the plan's version `plan` (the one in force), its record of revisions, and the facts.
    public static func tables(plan: Plan, history: PlanHistory, facts: FactSet) -> [CSVTable] {
        PlanCSV.tables(plan) + [PlanRecordCSV.table(history)] + factTables(facts)
    }

    public static func factTables(_ facts: FactSet) -> [CSVTable] {
        let observations = observationsTable(facts.observations)
        var budget = CSVTable(fileName: "budget_executions.csv", header: [
            "id", "project_id", "fiscal_year", "allocated_won", "executed_won", "value_status", "source",
        ] + Provenance.columns + ["note", "recorded_at", "approved_at", "supersedes"])
        for b in facts.budget.sorted(by: { $0.record.id < $1.record.id }) {
            budget.rows.append([.integer(b.record.id), .text(b.projectId), .integer(Int64(b.fiscalYear)), .integer(b.allocated), .integer(b.executed),
                                .text(b.status.rawValue), .text(b.record.source)] + provenanceCells(b.record) + [.text(b.record.note),
                                .text(b.record.recordedAt.iso), .text(b.record.approvedAt?.iso), .integer(b.record.supersedes)])
        }
        var jobs = CSVTable(fileName: "jobs_reports.csv", header: [
            "id", "project_id", "year", "jobs", "value_status", "source",
        ] + Provenance.columns + ["note", "recorded_at", "approved_at", "supersedes"])
        for j in facts.jobs.sorted(by: { $0.record.id < $1.record.id }) {
            jobs.rows.append([.integer(j.record.id), .text(j.projectId), .integer(Int64(j.year)), .integer(j.jobs), .text(j.status.rawValue),
                              .text(j.record.source)] + provenanceCells(j.record) + [.text(j.record.note), .text(j.record.recordedAt.iso),
                              .text(j.record.approvedAt?.iso), .integer(j.record.supersedes)])
        }
        var tasks = CSVTable(fileName: "task_status_reports.csv", header: [
            "id", "task_id", "date", "progress", "evidence", "source",
        ] + Provenance.columns + ["note", "recorded_at", "approved_at", "supersedes"])
        for t in facts.taskStatuses.sorted(by: { $0.record.id < $1.record.id }) {
            tasks.rows.append([.integer(t.record.id), .text(t.taskId), .text(t.asOfDay.iso), .text(t.progress.rawValue), .text(t.evidence),
                               .text(t.record.source)] + provenanceCells(t.record) + [.text(t.record.note), .text(t.record.recordedAt.iso),
                               .text(t.record.approvedAt?.iso), .integer(t.record.supersedes)])
        }
        return [observations, budget, jobs, tasks]
    }

    /// Every table: the plan's, its record, then the facts'.
    public static func tables(plan: Plan, facts: FactSet) -> [CSVTable] {
        tables(plan: plan, history: PlanHistory(plan), facts: facts)
    }

    /// The plan and the facts as one JSON document.
    public static func json(plan: Plan, facts: FactSet) -> JSONValue {
        func rows(_ t: CSVTable) -> JSONValue {
            .array(t.rows.map { row in
                .object(zip(t.header, row).map { name, cell in
                    switch cell {
                    case .text(let s): return (name, .string(s))
                    case .number(let d): return (name, .number(d))
                    case .integer(let i): return (name, i.map { .int($0) } ?? .null)
                    }
                })
            })
        }
        let f = factTables(facts)
        return .object([
            ("plan", PlanJSON.document(plan)),
            ("facts", .object([("observations", rows(f[0])), ("budgetExecutions", rows(f[1])), ("jobsReports", rows(f[2])),
                               ("taskStatusReports", rows(f[3]))])),
        ])
    }

    /// `datapackage.json` describing `tables` (Frictionless Data Package, Table Schema).
    public static func dataPackage(plan: Plan, tables: [CSVTable], created: Timestamp) -> JSONValue {
        .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string(plan.id.lowercased())),
            ("title", .string("\(plan.title.ko) / \(plan.title.en ?? plan.title.ko)")),
            ("description", .string("The plan and every approved (published) value reported against it, from Planwatch.")),
            ("created", .string(created.iso)),
            ("licenses", .array([.object([("name", .string("KOGL-Type1")), ("title", .string("Korea Open Government License Type 1: attribution")),
                                          ("path", .string("https://www.kogl.or.kr/info/licenseType1.do"))])])),
            ("resources", .array(tables.map(resource))),
        ])
    }

    static func resource(_ t: CSVTable) -> JSONValue {
        let name = String(t.fileName.dropLast(4)).replacingOccurrences(of: "_", with: "-")
        let fields: [JSONValue] = t.header.enumerated().map { i, column in
            .object([("name", .string(column)), ("type", .string(fieldType(column, t, i)))])
        }
        var schema: [(String, JSONValue)] = [("fields", .array(fields)), ("missingValues", .array([.string("")]))]
        if let key = primaryKey[t.fileName] { schema.append(("primaryKey", .array(key.map { .string($0) }))) }
        return .object([
            ("name", .string(name)), ("path", .string(t.fileName)), ("profile", .string("tabular-data-resource")),
            ("format", .string("csv")), ("mediatype", .string("text/csv")), ("encoding", .string("utf-8-sig")),
            ("schema", .object(schema)),
        ])
    }

    static let primaryKey: [String: [String]] = [
        "projects.csv": ["project_id"], "indicators.csv": ["indicator_id"], "tasks.csv": ["task_id"],
        "observations.csv": ["id"], "budget_executions.csv": ["id"], "jobs_reports.csv": ["id"], "task_status_reports.csv": ["id"],
    ]

    /// The Table Schema type of a column, from what its cells hold.
    static func fieldType(_ column: String, _ t: CSVTable, _ i: Int) -> String {
        if column == "source_date" || column == "effective" { return "date" }
        var sawNumber = false, sawInteger = false
        for row in t.rows {
            switch row[i] {
            case .text: return "string"
            case .number(let d): if d != nil { sawNumber = true }
            case .integer(let v): if v != nil { sawInteger = true }
            }
        }
        if sawNumber { return "number" }
        if sawInteger { return "integer" }
        if column.hasSuffix("_won") || ["id", "supersedes", "year", "fiscal_year", "jobs", "revision"].contains(column) {
            return "integer"
        }
        if column == "value" { return "number" }
        return "string"
    }
}
