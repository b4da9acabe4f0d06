import Foundation
import PlanCore

extension Store {
    /// The plan of a stored version: from its snapshot when one of this build's format is kept,
    /// otherwise parsed from its file (and the snapshot made, so the next start is fast).
    /// Throws the file's diagnostics when it no longer parses.
    public func plan(of version: PlanVersion) async throws -> Plan? {
        if let bytes = try await planSnapshot(version: version.id, format: PlanSnapshot.format), let plan = PlanSnapshot.decode(bytes) {
            return plan
        }
        guard let file = try await planFile(version: version.id) else { return nil }
        let plan = try PlanLoader.load(data: Data(file), file: "stored plan version \(version.id) (\(version.fileName))").get()
        // A cache: a store that cannot keep it still answers, only more slowly next time.
        if let bytes = try? PlanSnapshot.encode(plan) {
            try? await savePlanSnapshot(version: version.id, format: PlanSnapshot.format, bytes: bytes)
        }
        return plan
    }
}

extension Store {
    /// Every stored version of the plan of the latest version, as a history (nil when no plan
    /// is stored): what the site and the assessment of any date read. With `through`, the
    /// history as it stood when that version was the newest stored: what a draft opened from
    /// it revises.
    public func planHistory(through newest: Int64? = nil) async throws -> PlanHistory? {
        let versions = try await planVersions().filter { version in newest.map { version.id <= $0 } ?? true }
        guard let latest = versions.last else { return nil }
        var plans: [Plan] = []
        for version in versions where version.planId == latest.planId {
            if let plan = try await plan(of: version) { plans.append(plan) }
        }
        return plans.isEmpty ? nil : PlanHistory(plans)
    }
}
