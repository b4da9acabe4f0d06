import Foundation

/// The plan files shipped inside the executable, so `planwatch` works from any directory.
public enum BundledPlan {
    /// The repository-relative path of the default plan.
    public static let defaultRelativePath = "Plans/digital-new-deal.yaml"

    /// The default plan file: `Plans/digital-new-deal.yaml` under the current directory when it
    /// exists (a checkout), otherwise the copy bundled with the executable.
    public static func defaultPath(currentDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        let local = (currentDirectory as NSString).appendingPathComponent(defaultRelativePath)
        if FileManager.default.fileExists(atPath: local) { return local }
        return bundledPath(named: "digital-new-deal")
    }

    /// The path of a plan bundled as a resource, by file name without extension.
    public static func bundledPath(named name: String) -> String? {
        Bundle.module.path(forResource: name, ofType: "yaml", inDirectory: "Plans")
    }
}
