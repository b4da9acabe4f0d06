import Crypto
import Foundation
import PlanCore

/// Imports a CSV file or Excel workbook of facts (`docs/import-formats.md`): checks it was not imported before,
/// reads and validates it as a stream, and has the store write it in one transaction.
/// Nothing is written unless every row is valid.
public struct Importer: Sendable {
    public struct Request: Sendable {
        public var kind: FactKind
        public var path: String
        public var fileName: String
        public var actor: Actor
        public var approve: Bool
        /// Import even when identical content was imported before.
        public var again: Bool
        public var today: CalendarDay

        public init(kind: FactKind, path: String, fileName: String? = nil, actor: Actor, approve: Bool, again: Bool, today: CalendarDay) {
            self.kind = kind
            self.path = path
            self.fileName = fileName ?? (path as NSString).lastPathComponent
            self.actor = actor
            self.approve = approve
            self.again = again
            self.today = today
        }
    }

    public let store: any Store
    public let index: PlanIndex
    public let planVersion: Int64?

    public init(store: any Store, index: PlanIndex, planVersion: Int64?) {
        self.store = store
        self.index = index
        self.planVersion = planVersion
    }

    /// SHA-256 of a file's bytes, read in chunks.
    public static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.notFound(FileManager.default.fileExists(atPath: path) ? "cannot read \(path)" : "no such file: \(path)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty { hasher.update(data: data) }
        return hasher.finalize().hex
    }

    /// Runs the import. `progress` is called every 50,000 rows with (rows, bytes) from the writer.
    public func run(_ request: Request, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> ImportSummary {
        let sha = try Self.sha256(path: request.path)
        return try await run(request, sha256: sha, progress: progress) { () throws(ImportRowSource.OpenFailure) -> ImportRowSource in
            try ImportRowSource(path: request.path, fileName: request.fileName, kind: request.kind, index: index, today: request.today)
        }
    }

    /// Imports a file already in memory: an upload through the web form, or the sample data.
    /// The rows are recorded at `at`: now, or a past reporting round for the sample data.
    public func run(_ request: Request, bytes: [UInt8], at: Timestamp = .now) async throws -> ImportSummary {
        let sha = SHA256.hash(data: bytes).hex
        return try await run(request, sha256: sha, at: at, progress: nil) { () throws(ImportRowSource.OpenFailure) -> ImportRowSource in
            try ImportRowSource(bytes: bytes, fileName: request.fileName, kind: request.kind, index: index, today: request.today)
        }
    }

    func run(_ request: Request, sha256 sha: String, at: Timestamp = .now, progress: (@Sendable (Int, Int) -> Void)?,
             rows makeRows: () throws(ImportRowSource.OpenFailure) -> ImportRowSource) async throws -> ImportSummary {
        if !request.again, let earlier = try await store.findImport(kind: request.kind, sha256: sha) {
            throw StoreError.duplicateImport(earlier)
        }
        let rows: ImportRowSource
        do {
            rows = try makeRows()
        } catch {
            throw StoreError.importRejected(diagnostics: [Diagnostic(file: request.fileName, line: error.line, column: error.line > 0 ? 1 : 0,
                                                                     message: error.message)], total: 1)
        }
        rows.onProgress = progress
        var batch = ImportBatch(kind: request.kind, fileName: request.fileName, sha256: sha, encoding: rows.encoding, actor: request.actor,
                                approve: request.approve, planVersion: planVersion, at: at)
        if !request.approve {
            batch.notifications = try await Notifier(store: store, index: index).imported(request.kind, fileName: request.fileName, actor: request.actor)
        }
        var summary = try await store.importFacts(batch, rows: rows)
        summary.sheet = rows.sheet
        return summary
    }
}
