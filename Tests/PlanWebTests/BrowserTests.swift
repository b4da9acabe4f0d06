import Foundation
import HummingbirdTesting
import Testing
@testable import PlanWeb

/// The site in real headless Chromium (`Tests/Browser/browse.py`): every page in both
/// languages, every link, the key numbers, the language switch, phone widths and screenshots;
/// (`Tests/Browser/editor.py`) a revision of the plan made, refused, submitted and approved in the editor;
/// and (`Tests/Browser/accessibility.py`) every page type of the demo site, the published
/// site and the workspace in both languages with no axe-core violation of WCAG 2.1 A/AA and
/// no Nu HTML Checker error (docs/accessibility.md).
/// Runs when `PLANWATCH_TEST_BROWSER=1` (as `.ci/run` sets it); screenshots go to
/// `$PLANWATCH_SCREENSHOTS` or `.build/screenshots`, the checked HTML to its `html` folder.
@Suite struct BrowserTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["PLANWATCH_TEST_BROWSER"] == "1" }

    @Test(.enabled(if: BrowserTests.enabled, "set PLANWATCH_TEST_BROWSER=1 to run the browser check"))
    func siteWorksInChromium() async throws {
        try await run(script: "browse.py", site: try await WebFixture.demo.value, expect: "browser check passed")
    }

    @Test(.enabled(if: BrowserTests.enabled, "set PLANWATCH_TEST_BROWSER=1 to run the browser check"))
    func reportingWorkflowWorksInChromium() async throws {
        try await run(script: "workflow.py", site: try await WorkspaceFixture.make().site, expect: "workflow check passed")
    }

    @Test(.enabled(if: BrowserTests.enabled, "set PLANWATCH_TEST_BROWSER=1 to run the browser check"))
    func planEditorWorksInChromium() async throws {
        try await run(script: "editor.py", site: try await EditorFixture.make().site, expect: "editor check passed")
    }

    @Test(.enabled(if: BrowserTests.enabled, "set PLANWATCH_TEST_BROWSER=1 to run the browser check"))
    func demoSiteIsAccessibleAndValid() async throws {
        try await run(script: "accessibility.py", site: try await WebFixture.demo.value, arguments: ["public", "demo"],
                      expect: "accessibility check of demo passed")
    }

    @Test(.enabled(if: BrowserTests.enabled, "set PLANWATCH_TEST_BROWSER=1 to run the browser check"))
    func publishedSiteIsAccessibleAndValid() async throws {
        try await run(script: "accessibility.py", site: try await WebFixture.published.value, arguments: ["public", "published"],
                      expect: "accessibility check of published passed")
    }

    @Test(.enabled(if: BrowserTests.enabled, "set PLANWATCH_TEST_BROWSER=1 to run the browser check"))
    func workspaceIsAccessibleAndValid() async throws {
        try await run(script: "accessibility.py", site: try await WorkspaceFixture.make().site, arguments: ["workspace", "workspace"],
                      expect: "accessibility check of workspace passed")
    }

    func run(script: String, site: Site, arguments: [String] = [], expect marker: String) async throws {
        let app = try buildApplication(site: site, configuration: WebConfiguration(port: 0))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shots = ProcessInfo.processInfo.environment["PLANWATCH_SCREENSHOTS"] ?? root.appendingPathComponent(".build/screenshots").path
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", root.appendingPathComponent("Tests/Browser/\(script)").path, "http://127.0.0.1:\(port)", shots] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // Wait off the cooperative pool, which the server and other tests share.
            let text = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                }
            }
            // The script's report (the pages checked, counts, the Nu checker's warnings) goes to the log.
            print("\(script) \(arguments.joined(separator: " ")):\n\(text)")
            #expect(process.terminationStatus == 0, "\(script) failed:\n\(text)")
            #expect(text.contains(marker))
        }
    }
}
