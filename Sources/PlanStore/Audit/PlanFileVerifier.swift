import Crypto
import Foundation
import PlanCore

/// Checks the stored plans against the chain: every plan version was loaded by a `plan.load`
/// event, its file still has the SHA-256 that event recorded, and the parsed plan kept beside it
/// (`PlanSnapshot`, which the server reads instead of the file) is what the file says. Without
/// this, someone with write access to the database could change the targets the public sees
/// while every fact and event still verified.
enum PlanFileVerifier {
    /// With `versions`, only those plan versions are checked (an incremental walk's new loads).
    static func problems(_ store: any Store, events: [AuditEvent], versions: Set<Int64>? = nil) async throws -> [AuditVerification.Problem] {
        var loadedBy: [Int64: (seq: Int64, sha256: String)] = [:]
        for e in events where e.action == "plan.load" {
            if let version = e.after["version"]?.int, let sha = e.after["sha256"]?.string { loadedBy[Int64(version)] = (e.seq, sha) }
        }
        var problems: [AuditVerification.Problem] = []
        for version in try await store.planVersions() where versions?.contains(version.id) ?? true {
            guard let event = loadedBy[version.id] else {
                problems.append(.init(seq: nil, message: "plan version \(version.id) was stored outside the audit chain"))
                continue
            }
            guard let file = try await store.planFile(version: version.id), SHA256.hash(data: file).hex == event.sha256 else {
                problems.append(.init(seq: event.seq, message: "plan version \(version.id)'s file was changed after it was loaded (SHA-256 differs)"))
                continue
            }
            if let snapshot = try await store.planSnapshot(version: version.id, format: PlanSnapshot.format),
               PlanSnapshot.decode(snapshot) != PlanLoader.load(data: Data(file), file: version.fileName).plan {
                problems.append(.init(seq: event.seq, message: "the parsed plan kept for version \(version.id) differs from its file"))
            }
        }
        return problems
    }
}
