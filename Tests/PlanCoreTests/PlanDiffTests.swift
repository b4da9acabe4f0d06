import Foundation
import Testing
@testable import PlanCore

@Suite("Plan diff")
struct PlanDiffTests {
    @Test("a revised plan lists what moved: budgets, targets, tasks and laws")
    func revised() throws {
        let text = String(decoding: FileManager.default.contents(atPath: Repo.path("Plans/digital-new-deal.yaml"))!, as: UTF8.self)
        var revised = text.replacingOccurrences(of: "{by: 2025, totalCost: 6.7조원, treasury: 6.4조원,", with: "{by: 2025, totalCost: 7.2조원, treasury: 6.9조원,")
        revised = revised.replacingOccurrences(of: "- {due: 2025, value: 5위, column: 2025, asWritten: 5위}", with: "- {due: 2025, value: 3위, column: 2025, asWritten: 3위}")
        revised = revised.replacingOccurrences(of: "              - name: {ko: 민원처리법, en: Civil Petitions Treatment Act}\n                action: amend\n", with: "")
        #expect(revised != text)
        let old = try PlanLoader.load(yaml: text, file: "a.yaml").get()
        let new = try PlanLoader.load(yaml: revised, file: "b.yaml").get()
        let changes = PlanDiff.changes(from: old, to: new).map(\.description)
        #expect(changes.contains("~ budget 1-1 by 2025: 총사업비 6.7조원, 국고 6.4조원 → 총사업비 7.2조원, 국고 6.9조원"), "\(changes)")
        #expect(changes.contains("~ target 1-4.gci-rank by 2025: 5위 → 3위"), "\(changes)")
        #expect(changes.contains("- law 「민원처리법」: amend, task 1-1.mydata"), "\(changes)")
        #expect(changes.count == 3)
        #expect(PlanDiff.changes(from: old, to: old).isEmpty)
    }

    @Test("added and removed projects and indicators")
    func addedRemoved() throws {
        let a = try PlanLoader.load(path: Repo.path("Plans/example-city.yaml")).get()
        var b = a
        b.pillars[1].projects.removeAll()
        b.pillars[0].projects[0].indicators.removeLast()
        let changes = PlanDiff.changes(from: a, to: b)
        #expect(changes.contains { $0.kind == .removed && $0.subject == "project 2-1" })
        let dropped = changes.first { $0.kind == .removed && $0.subject == "indicator 1-1.hubs-outskirts" }
        #expect(dropped?.old?.en?.contains("kept") == true && dropped?.old?.ko.contains("보존") == true)
        #expect(PlanDiff.changes(from: b, to: a).contains { $0.kind == .added && $0.subject == "project 2-1" })
    }
}
