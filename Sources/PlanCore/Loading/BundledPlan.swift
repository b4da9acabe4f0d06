import Foundation

/// The plan files built into the executable, so `planwatch` works from any directory.
public enum BundledPlan {
    /// The repository-relative path of the default plan.
    public static let defaultRelativePath = "Plans/digital-new-deal.yaml"

    /// The default plan file when the current directory is a checkout, else nil
    /// (then the built-in copy is used).
    public static func localDefaultPath(currentDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        let local = (currentDirectory as NSString).appendingPathComponent(defaultRelativePath)
        return FileManager.default.fileExists(atPath: local) ? local : nil
    }

    /// The bytes of a plan file built into the executable, by its repository path.
    public static func data(_ relativePath: String = defaultRelativePath) -> Data? {
        EmbeddedFiles.data(relativePath)
    }

    /// Every plan file built into the executable.
    public static var paths: [String] { EmbeddedFiles.paths(under: "Plans") }

    /// Loads the default plan: the checkout's file when there is one, else the built-in copy.
    public static func loadDefault() -> PlanLoadResult {
        if let local = localDefaultPath() { return PlanLoader.load(path: local, displayName: defaultRelativePath) }
        guard let data = data() else {
            return PlanLoadResult(plan: nil, diagnostics: [Diagnostic(file: defaultRelativePath, line: 1, column: 1, message: "no built-in plan")])
        }
        return PlanLoader.load(data: data, file: "(built-in) " + defaultRelativePath)
    }
}
