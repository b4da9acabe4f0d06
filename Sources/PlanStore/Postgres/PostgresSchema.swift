import Foundation
/// The PostgreSQL schema, as versioned forward-only migrations, written for this dialect.
/// Ids are assigned by the store under a transaction-level advisory lock, so the audit chain
/// and fact ranges stay contiguous across several `planwatch serve` processes.
enum PostgresSchema {
    struct Migration {
        var version: Int
        var name: String
        var sql: String
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "plans, organizations, imports, facts and the audit chain", sql: initial),
        Migration(version: 2, name: "the directory: accounts, organizations, sessions, tokens, unlocks", sql: directory),
        Migration(version: 3, name: "observations by indicator, for keyed writes", sql: PortableSQL.observationsByIndicator),
        Migration(version: 4, name: "parsed plans beside their files, for fast starts", sql: """
            CREATE TABLE plan_snapshots (
                version_id BIGINT PRIMARY KEY REFERENCES plan_versions(id),
                format TEXT NOT NULL,
                bytes BYTEA NOT NULL
            );
            """),
        Migration(version: 5, name: "yearly and returned observations, for the reporting status", sql: PortableSQL.yearlyAndReturnedObservations),
        Migration(version: 6, name: "the publication behind each fact: title, address, date, quote, definition note",
                  sql: PortableSQL.provenanceColumns + "\n" + FactKind.allCases.map(provenanceFixed).joined(separator: "\n")),
        Migration(version: 7, name: "who submitted each fact, for four eyes on approval", sql: PortableSQL.submittedBy),
        Migration(version: 8, name: "API tokens expire and record their last use", sql: tokenExpiry),
        Migration(version: 9, name: "the basis each observation was counted on", sql: PortableSQL.observationBasis + "\n" + basisFixed),
    ]

    /// The basis of an observation never changes once written, like its value.
    static let basisFixed = """
    CREATE TRIGGER observations_basis_fixed BEFORE UPDATE ON observations FOR EACH ROW WHEN (NEW.basis IS DISTINCT FROM OLD.basis) \
    EXECUTE FUNCTION planwatch_append_only();
    """

    /// The provenance of a fact never changes once written, like its value.
    static func provenanceFixed(_ kind: FactKind) -> String {
        let t = kind.table
        let changed = FactKind.provenanceColumns.map { "NEW.\($0) IS DISTINCT FROM OLD.\($0)" }.joined(separator: " OR ")
        return "CREATE TRIGGER \(t)_provenance_fixed BEFORE UPDATE ON \(t) FOR EACH ROW WHEN (\(changed)) EXECUTE FUNCTION planwatch_append_only();"
    }

    /// As `SQLiteSchema.tokenExpiry`, in this dialect.
    static let tokenExpiry = """
    ALTER TABLE directory ADD COLUMN used_at BIGINT;
    UPDATE directory SET value = jsonb_set(value::jsonb, '{expiresAt}', to_jsonb(GREATEST((value::jsonb->>'createdAt')::bigint + \(APIToken.defaultLifetimeDays * 86_400),
        extract(epoch FROM now())::bigint + \(APIToken.upgradeGraceDays * 86_400))))::text
        WHERE kind = 'token' AND value::jsonb->'expiresAt' IS NULL;
    """

    /// Accounts and the other small mutable records, as JSON by kind and key (`Directory`).
    /// It replaces the unused `organizations` table of version 1.
    static let directory = """
    CREATE TABLE directory (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (kind, key)
    );
    INSERT INTO directory (kind, key, value, updated_at)
        SELECT 'organization', id, json_build_object('id', id, 'nameEn', COALESCE(name_en, name_ko), 'nameKo', name_ko)::text, created_at FROM organizations;
    DROP TABLE organizations;
    """

    static let commonColumns = """
        value_status TEXT NOT NULL CHECK (value_status IN ('provisional','final')),
        source TEXT,
        note TEXT,
        recorded_at BIGINT NOT NULL,
        recorded_by TEXT NOT NULL,
        plan_version BIGINT,
        import_id BIGINT,
        state TEXT NOT NULL CHECK (state IN ('draft','submitted','approved','returned')),
        submitted_at BIGINT,
        decided_at BIGINT,
        decided_by TEXT,
        return_reason TEXT
        """

    static func appendOnly(_ kind: FactKind) -> String {
        let t = kind.table
        let changed = (kind.immutableColumns + (kind == .observation ? ["period_end"] : []))
            .map { "NEW.\($0) IS DISTINCT FROM OLD.\($0)" }.joined(separator: " OR ")
        return """
        CREATE TRIGGER \(t)_no_delete BEFORE DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION planwatch_append_only();
        CREATE TRIGGER \(t)_no_truncate BEFORE TRUNCATE ON \(t) FOR EACH STATEMENT EXECUTE FUNCTION planwatch_append_only();
        CREATE TRIGGER \(t)_values_fixed BEFORE UPDATE ON \(t) FOR EACH ROW WHEN (\(changed)) EXECUTE FUNCTION planwatch_append_only();
        CREATE TRIGGER \(t)_state_forward BEFORE UPDATE OF state ON \(t) FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state)
            EXECUTE FUNCTION planwatch_state_forward();
        """
    }

    static let initial = """
    CREATE FUNCTION planwatch_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'facts are append-only: % rows are never deleted and their values never change; record a revision instead', TG_TABLE_NAME;
    END $$;
    CREATE FUNCTION planwatch_state_forward() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT ((OLD.state = 'draft' AND NEW.state = 'submitted') OR (OLD.state = 'submitted' AND NEW.state IN ('approved','returned'))) THEN
            RAISE EXCEPTION 'a fact''s workflow state only moves forward (% to %)', OLD.state, NEW.state;
        END IF;
        RETURN NEW;
    END $$;
    CREATE TABLE plan_versions (
        id BIGINT PRIMARY KEY,
        plan_id TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        content BYTEA NOT NULL,
        loaded_at BIGINT NOT NULL,
        loaded_by TEXT NOT NULL
    );
    CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name_ko TEXT NOT NULL,
        name_en TEXT,
        created_at BIGINT NOT NULL
    );
    CREATE TABLE imports (
        id BIGINT PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        rows BIGINT NOT NULL,
        encoding TEXT NOT NULL,
        at BIGINT NOT NULL,
        by TEXT NOT NULL,
        approved BOOLEAN NOT NULL
    );
    CREATE INDEX imports_by_content ON imports(kind, sha256);
    CREATE TABLE observations (
        id BIGINT PRIMARY KEY,
        indicator_id TEXT NOT NULL,
        period TEXT NOT NULL,
        period_end INTEGER NOT NULL,
        value DOUBLE PRECISION,
        text TEXT,
        supersedes BIGINT REFERENCES observations(id),
        \(commonColumns),
        CHECK (value IS NOT NULL OR text IS NOT NULL)
    );
    CREATE INDEX observations_waiting ON observations(state) WHERE state IN ('draft','submitted');
    CREATE TABLE budget_executions (
        id BIGINT PRIMARY KEY,
        project_id TEXT NOT NULL,
        fiscal_year INTEGER NOT NULL,
        allocated BIGINT NOT NULL CHECK (allocated >= 0),
        executed BIGINT NOT NULL CHECK (executed >= 0),
        supersedes BIGINT REFERENCES budget_executions(id),
        \(commonColumns)
    );
    CREATE INDEX budget_by_project ON budget_executions(project_id, fiscal_year);
    CREATE TABLE jobs_reports (
        id BIGINT PRIMARY KEY,
        project_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        jobs BIGINT NOT NULL CHECK (jobs >= 0),
        supersedes BIGINT REFERENCES jobs_reports(id),
        \(commonColumns)
    );
    CREATE INDEX jobs_by_project ON jobs_reports(project_id, year);
    CREATE TABLE task_status_reports (
        id BIGINT PRIMARY KEY,
        task_id TEXT NOT NULL,
        as_of_day TEXT NOT NULL,
        progress TEXT NOT NULL CHECK (progress IN ('notStarted','inProgress','done')),
        evidence TEXT NOT NULL,
        supersedes BIGINT REFERENCES task_status_reports(id),
        \(commonColumns)
    );
    CREATE INDEX task_status_by_task ON task_status_reports(task_id, as_of_day);
    \(FactKind.allCases.map(appendOnly).joined(separator: "\n"))
    CREATE TABLE audit_events (
        seq BIGINT PRIMARY KEY,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_by_entity ON audit_events(entity);
    CREATE FUNCTION planwatch_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit chain is append-only'; END $$;
    CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION planwatch_audit_append_only();
    CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION planwatch_audit_append_only();
    """
}

extension PostgresSchema {
    /// The statements of a migration, one by one: PostgreSQL's extended protocol runs one
    /// statement per query. Splits at a `;` that ends a line outside a `$$` function body.
    static func statements(_ sql: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody, line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !s.isEmpty { out.append(s) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { out.append(rest) }
        return out
    }
}
