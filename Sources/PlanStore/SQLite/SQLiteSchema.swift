/// The SQLite schema, as versioned forward-only migrations. Each runs in one transaction.
enum SQLiteSchema {
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
                version_id INTEGER PRIMARY KEY REFERENCES plan_versions(id),
                format TEXT NOT NULL,
                bytes BLOB NOT NULL
            );
            """),
        Migration(version: 5, name: "yearly and returned observations, for the reporting status", sql: PortableSQL.yearlyAndReturnedObservations),
        Migration(version: 6, name: "the publication behind each fact: title, address, date, quote, definition note",
                  sql: PortableSQL.provenanceColumns + "\n" + FactKind.allCases.map(provenanceFixed).joined(separator: "\n")),
        Migration(version: 7, name: "who submitted each fact, for four eyes on approval", sql: PortableSQL.submittedBy),
        Migration(version: 8, name: "API tokens expire and record their last use", sql: tokenExpiry),
        Migration(version: 9, name: "the basis each observation was counted on", sql: PortableSQL.observationBasis + "\n" + basisFixed),
        Migration(version: 10, name: "reporting rounds, their reminders, and the notifications outbox", sql: roundsAndOutbox),
        Migration(version: 11, name: "draft revisions of the plan, edited in the browser", sql: PlanDraftRows.table(id: "INTEGER PRIMARY KEY", int: "INTEGER", blob: "BLOB")),
    ]

    /// The basis of an observation never changes once written, like its value.
    static let basisFixed = """
    CREATE TRIGGER observations_basis_fixed BEFORE UPDATE ON observations WHEN NEW.basis IS NOT OLD.basis
    BEGIN SELECT RAISE(ABORT, 'facts are append-only: the basis of observations never changes; record a revision instead'); END;
    """

    /// Rounds the office opens; the reminders sent, once each; the outbox of notifications,
    /// which is also every person's inbox.
    static let roundsAndOutbox = """
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        title_ko TEXT NOT NULL,
        title_en TEXT,
        period TEXT NOT NULL,
        items TEXT NOT NULL,
        due_day TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        opened_by TEXT NOT NULL,
        closed_at INTEGER,
        closed_by TEXT
    );
    CREATE TABLE round_reminders (
        round_key TEXT NOT NULL,
        milestone TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (round_key, milestone)
    );
    \(outboxTable(id: "INTEGER PRIMARY KEY"))
    """

    /// The outbox, in either dialect (only the id column differs).
    static func outboxTable(id: String) -> String {
        """
        CREATE TABLE notifications (
            id \(id),
            key TEXT NOT NULL UNIQUE,
            recipient TEXT NOT NULL,
            recipient_name TEXT NOT NULL,
            organization_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            language TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            link TEXT NOT NULL,
            email TEXT,
            message_token TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL,
            read_at BIGINT,
            mail_state TEXT NOT NULL CHECK (mail_state IN ('none','pending','sent','failed','expired')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            lease_owner TEXT,
            lease_until BIGINT,
            sent_at BIGINT,
            last_error TEXT
        );
        CREATE INDEX notifications_by_recipient ON notifications(recipient, id);
        CREATE INDEX notifications_to_send ON notifications(next_attempt_at, id) WHERE mail_state = 'pending';
        """
    }

    /// The provenance of a fact never changes once written, like its value.
    static func provenanceFixed(_ kind: FactKind) -> String {
        let t = kind.table
        let changed = FactKind.provenanceColumns.map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR ")
        return """
        CREATE TRIGGER \(t)_provenance_fixed BEFORE UPDATE ON \(t) WHEN \(changed)
        BEGIN SELECT RAISE(ABORT, 'facts are append-only: the source of \(t) never changes; record a revision instead'); END;
        """
    }

    /// A column for the last use of a record (an API token), and an expiry for every token made
    /// before tokens had one: a year after it was made, but not sooner than 30 days from the
    /// upgrade, so no client stops without warning.
    static let tokenExpiry = """
    ALTER TABLE directory ADD COLUMN used_at INTEGER;
    UPDATE directory SET value = json_set(value, '$.expiresAt',
        max(json_extract(value, '$.createdAt') + \(APIToken.defaultLifetimeDays * 86_400), CAST(strftime('%s', 'now') AS INTEGER) + \(APIToken.upgradeGraceDays * 86_400)))
        WHERE kind = 'token' AND json_extract(value, '$.expiresAt') IS NULL;
    """

    /// Accounts and the other small mutable records, as JSON by kind and key (`Directory`).
    /// It replaces the unused `organizations` table of version 1.
    static let directory = """
    CREATE TABLE directory (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
    );
    INSERT INTO directory (kind, key, value, updated_at)
        SELECT 'organization', id, json_object('id', id, 'nameEn', COALESCE(name_en, name_ko), 'nameKo', name_ko), created_at FROM organizations;
    DROP TABLE organizations;
    """

    static let factStateCheck = "state IN ('draft','submitted','approved','returned')"

    /// Columns shared by every fact table after its own value columns.
    static let commonColumns = """
        value_status TEXT NOT NULL CHECK (value_status IN ('provisional','final')),
        source TEXT,
        note TEXT,
        recorded_at INTEGER NOT NULL,
        recorded_by TEXT NOT NULL,
        plan_version INTEGER,
        import_id INTEGER,
        state TEXT NOT NULL CHECK (\(factStateCheck)),
        submitted_at INTEGER,
        decided_at INTEGER,
        decided_by TEXT,
        return_reason TEXT
        """

    /// Triggers that make a fact table append-only: no DELETE, no change of a value column,
    /// and workflow state only forward (draft → submitted → approved | returned).
    static func appendOnly(_ kind: FactKind) -> String {
        let t = kind.table
        let changed = (kind.immutableColumns + (kind == .observation ? ["period_end"] : []))
            .map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR ")
        return """
        CREATE TRIGGER \(t)_no_delete BEFORE DELETE ON \(t)
        BEGIN SELECT RAISE(ABORT, 'facts are append-only: \(t) cannot be deleted; record a revision instead'); END;
        CREATE TRIGGER \(t)_values_fixed BEFORE UPDATE ON \(t) WHEN \(changed)
        BEGIN SELECT RAISE(ABORT, 'facts are append-only: a value of \(t) never changes; record a revision instead'); END;
        CREATE TRIGGER \(t)_state_forward BEFORE UPDATE OF state ON \(t)
        WHEN NOT ((OLD.state = 'draft' AND NEW.state = 'submitted') OR (OLD.state = 'submitted' AND NEW.state IN ('approved','returned')))
        BEGIN SELECT RAISE(ABORT, 'a fact''s workflow state only moves forward'); END;
        """
    }

    static let initial = """
    CREATE TABLE plan_versions (
        id INTEGER PRIMARY KEY,
        plan_id TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        content BLOB NOT NULL,
        loaded_at INTEGER NOT NULL,
        loaded_by TEXT NOT NULL
    );
    CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name_ko TEXT NOT NULL,
        name_en TEXT,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL,
        encoding TEXT NOT NULL,
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        approved INTEGER NOT NULL
    );
    CREATE INDEX imports_by_content ON imports(kind, sha256);
    CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        indicator_id TEXT NOT NULL,
        period TEXT NOT NULL,
        period_end INTEGER NOT NULL,
        value REAL,
        text TEXT,
        supersedes INTEGER REFERENCES observations(id),
        \(commonColumns),
        CHECK (value IS NOT NULL OR text IS NOT NULL)
    );
    CREATE INDEX observations_waiting ON observations(state) WHERE state IN ('draft','submitted');
    CREATE TABLE budget_executions (
        id INTEGER PRIMARY KEY,
        project_id TEXT NOT NULL,
        fiscal_year INTEGER NOT NULL,
        allocated INTEGER NOT NULL CHECK (allocated >= 0),
        executed INTEGER NOT NULL CHECK (executed >= 0),
        supersedes INTEGER REFERENCES budget_executions(id),
        \(commonColumns)
    );
    CREATE INDEX budget_by_project ON budget_executions(project_id, fiscal_year);
    CREATE TABLE jobs_reports (
        id INTEGER PRIMARY KEY,
        project_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        jobs INTEGER NOT NULL CHECK (jobs >= 0),
        supersedes INTEGER REFERENCES jobs_reports(id),
        \(commonColumns)
    );
    CREATE INDEX jobs_by_project ON jobs_reports(project_id, year);
    CREATE TABLE task_status_reports (
        id INTEGER PRIMARY KEY,
        task_id TEXT NOT NULL,
        as_of_day TEXT NOT NULL,
        progress TEXT NOT NULL CHECK (progress IN ('notStarted','inProgress','done')),
        evidence TEXT NOT NULL,
        supersedes INTEGER REFERENCES task_status_reports(id),
        \(commonColumns)
    );
    CREATE INDEX task_status_by_task ON task_status_reports(task_id, as_of_day);
    \(FactKind.allCases.map(appendOnly).joined(separator: "\n"))
    CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_by_entity ON audit_events(entity);
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'the audit chain is append-only'); END;
    """
}
