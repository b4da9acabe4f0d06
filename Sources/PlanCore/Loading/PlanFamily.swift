import Foundation

/// A plan file and its revisions, found beside it by name: the revisions of `plans/city.yaml`
/// are `plans/city-*.yaml` files with the same plan id and a `revision` block. The repository
/// keeps each version of a plan as a whole file, so the record of what changed is computed from
/// the versions themselves, never written by hand.
public struct PlanFamily: Sendable {
    /// One version's file: its bytes, the name it is recorded under, and the plan it holds.
    public struct Member: Sendable {
        public let bytes: [UInt8]
        public let name: String
        public let plan: Plan
    }

    /// In the order the versions took effect.
    public let members: [Member]

    /// The plan file at `path` and the revisions beside it. Throws the diagnostics of the first
    /// file that does not load.
    public static func load(path: String) throws -> PlanFamily {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        let files = [name] + revisionNames(of: name, among: siblings)
        let read: [(String, Data?)] = files.map { file in
            (file, FileManager.default.contents(atPath: directory.isEmpty ? file : (directory as NSString).appendingPathComponent(file)))
        }
        return try family(read.map { ($0.0, $0.1) })
    }

    /// The default plan and its revisions as built into the executable.
    public static func bundled(_ relativePath: String = BundledPlan.defaultRelativePath) throws -> PlanFamily {
        let name = (relativePath as NSString).lastPathComponent
        let folder = (relativePath as NSString).deletingLastPathComponent
        let siblings = BundledPlan.paths.filter { ($0 as NSString).deletingLastPathComponent == folder }.map { ($0 as NSString).lastPathComponent }
        let files = [name] + revisionNames(of: name, among: siblings)
        return try family(files.map { ($0, BundledPlan.data((folder as NSString).appendingPathComponent($0))) })
    }

    /// The version a revision file revises: of the plan files beside `path` with the same plan
    /// id, the one that took effect last before `plan` did (nil when there is none, or `plan`
    /// is not a revision). Files that do not load are skipped: `plan check` checks one file.
    public static func previousVersion(of plan: Plan, at path: String) -> (name: String, plan: Plan)? {
        guard plan.revision != nil else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        var best: (name: String, plan: Plan)?
        for sibling in siblings.sorted() where sibling != name && (sibling.hasSuffix(".yaml") || sibling.hasSuffix(".yml")) {
            let full = directory.isEmpty ? sibling : (directory as NSString).appendingPathComponent(sibling)
            guard let other = PlanLoader.load(path: full).plan, other.id == plan.id, other.effective < plan.effective else { continue }
            if best.map({ $0.plan.effective < other.effective }) ?? true { best = (sibling, other) }
        }
        return best
    }

    /// Files named `<stem>-<anything>.yaml` beside `<stem>.yaml`, sorted.
    static func revisionNames(of name: String, among siblings: [String]) -> [String] {
        let stem = (name as NSString).deletingPathExtension
        return siblings.filter { $0 != name && $0.hasPrefix(stem + "-") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
    }

    private static func family(_ files: [(String, Data?)]) throws -> PlanFamily {
        var members: [Member] = []
        for (index, (name, data)) in files.enumerated() {
            guard let data else {
                if index == 0 { throw DiagnosticsError([Diagnostic(file: name, line: 1, column: 1, message: "no such file")]) }
                continue
            }
            let plan = try PlanLoader.load(data: data, file: name).get()
            // A sibling of another plan, or a plain copy, is not a revision of this one.
            if index > 0, plan.id != members.first?.plan.id || plan.revision == nil { continue }
            members.append(Member(bytes: [UInt8](data), name: name, plan: plan))
        }
        return PlanFamily(members: members.sorted { $0.plan.effective < $1.plan.effective })
    }
}
