import Foundation
import PackagePlugin

/// Embeds text files into a module at build time, so the `planwatch` binary carries its
/// default plan, templates and method page and runs from any directory without a resource folder.
@main
struct EmbedResources: BuildToolPlugin {
    /// Folders and files (relative to the package root) embedded into each target.
    static let folders: [String: [String]] = [
        "PlanCore": ["Plans"],
        "PlanWeb": ["Sources/PlanWeb/Templates", "Sources/PlanWeb/Static", "Sources/PlanWeb/Localization", "Sources/PlanWeb/openapi.yaml", "docs", "Examples/demo", "Data/digital-new-deal-outcomes.csv"],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let folders = Self.folders[target.name] else { return [] }
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in folders {
            let dir = root.appending(path: folder)
            if (try? dir.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(dir)
                continue
            }
            guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in e where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                if url.lastPathComponent.hasPrefix(".") { continue }
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = [output.path, root.path]
        arguments += inputs.map(\.path)
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) files into \(target.name)",
            executable: try context.tool(named: "EmbedTool").url,
            arguments: arguments,
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
