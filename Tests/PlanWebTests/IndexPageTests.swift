import Foundation
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanWeb
import Testing

@Suite("The web app serves the plan")
struct IndexPageTests {
    static let plan: Plan = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return try! PlanLoader.load(path: url.path + "/Plans/digital-new-deal.yaml").get()
    }()

    @Test("the home page lists the four pillars and twelve projects, escaped")
    func home() async throws {
        let app = buildApplication(plan: Self.plan, configuration: WebConfiguration(port: 0))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"ko\">"))
                for pillar in Self.plan.pillars { #expect(html.contains(pillar.title.ko)) }
                for project in Self.plan.projects { #expect(html.contains("<li>\(project.id) ")) }
                #expect(html.contains("people&#39;s lives"))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(String(buffer: response.body) == "ok")
            }
        }
    }
}
