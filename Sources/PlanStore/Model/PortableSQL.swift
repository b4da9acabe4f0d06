/// Migration statements both dialects read the same way, written once. Everything that differs
/// (types, triggers, id assignment) stays in `SQLiteSchema` and `PostgresSchema`.
enum PortableSQL {
    /// Migration 6: the publication behind each fact (`Provenance`), in every fact table.
    static let provenanceColumns = FactKind.allCases.flatMap { kind in
        FactKind.provenanceColumns.map { "ALTER TABLE \(kind.table) ADD COLUMN \($0) TEXT;" }
    }.joined(separator: "\n")

    static let observationsByIndicator = "CREATE INDEX observations_by_indicator ON observations(indicator_id, period);"

    /// Partial indexes: yearly values for the reporting status, returned values for reporters.
    static let yearlyAndReturnedObservations = """
        CREATE INDEX observations_yearly ON observations(period) WHERE length(period) = 4;
        CREATE INDEX observations_returned ON observations(state) WHERE state = 'returned';
        """

    /// Who moved each fact from draft to submitted, so an approval can refuse them (four eyes).
    /// Empty for facts recorded as submitted, whose submitter is their recorder.
    static let submittedBy = FactKind.allCases.map { "ALTER TABLE \($0.table) ADD COLUMN submitted_by TEXT;" }.joined(separator: "\n")

    /// Migration 9: the basis each observation was counted on (`Observation.basis`), empty for
    /// the plan's own.
    static let observationBasis = "ALTER TABLE observations ADD COLUMN basis TEXT;"
}
