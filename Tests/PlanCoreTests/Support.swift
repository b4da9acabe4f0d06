import Foundation
@testable import PlanCore

/// Paths inside the repository, found from this file's location so tests run from any directory.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The Digital New Deal, loaded once for all tests.
    static let digitalNewDeal: Plan = {
        let result = PlanLoader.load(path: path("Plans/digital-new-deal.yaml"))
        guard let plan = result.plan else { fatalError("the seed plan does not load:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))") }
        return plan
    }()
}
