import Hummingbird
import PlanCore

/// The routes of the plan editor: draft revisions, each item's edit page, and the review.
enum DraftRoutes {
    static func register(on router: Router<SiteRequestContext>, _ ws: Workspace) {
        typealias Target = DraftItemPage.Target
        @Sendable func draft(_ c: SiteRequestContext) -> String { c.parameters.get("draft") ?? "" }
        @Sendable func id(_ c: SiteRequestContext, _ name: String) -> String { c.parameters.get(name) ?? "" }

        router.get("/admin/drafts") { request, _ in try await DraftsPage.show(request, ws) }
        router.post("/admin/drafts") { request, _ in try await DraftsPage.open(request, ws) }
        router.post("/admin/drafts/upload") { request, _ in try await DraftsPage.upload(request, ws) }
        router.get("/admin/drafts/:draft") { request, c in try await DraftPage.show(request, ws, draft: draft(c)) }
        router.get("/admin/drafts/:draft/plan.yaml") { request, c in try await DraftPage.download(request, ws, draft: draft(c)) }
        router.post("/admin/drafts/:draft/upload") { request, c in try await DraftPage.upload(request, ws, draft: draft(c)) }
        router.post("/admin/drafts/:draft/approve") { request, c in try await DraftPage.approve(request, ws, draft: draft(c)) }
        router.post("/admin/drafts/:draft/return") { request, c in try await DraftPage.returnDraft(request, ws, draft: draft(c)) }
        router.post("/admin/drafts/:draft/discard") { request, c in try await DraftPage.discard(request, ws, draft: draft(c)) }

        let items: [(String, @Sendable (SiteRequestContext) -> Target)] = [
            ("revision", { _ in Target(item: .revision) }),
            ("plan", { _ in Target(item: .plan) }),
            ("pillars/:pillar", { c in Target(item: .pillar(id(c, "pillar"))) }),
            ("projects/:project", { c in Target(item: .project(id(c, "project"))) }),
            ("projects/:project/new-indicator", { c in Target(item: .indicator(""), parent: .project(id(c, "project")), newKind: .indicator) }),
            ("projects/:project/new-task", { c in Target(item: .task(""), parent: .project(id(c, "project")), newKind: .task) }),
            ("indicators/:indicator", { c in Target(item: .indicator(id(c, "indicator"))) }),
            ("tasks/:task", { c in Target(item: .task(id(c, "task"))) }),
            ("tasks/:task/new-indicator", { c in Target(item: .indicator(""), parent: .task(id(c, "task")), newKind: .indicator) }),
        ]
        for (path, target) in items {
            router.get("/admin/drafts/:draft/\(path)") { request, c in try await DraftItemPage.show(request, ws, draft: draft(c), target: target(c)) }
            router.post("/admin/drafts/:draft/\(path)") { request, c in try await DraftItemPage.save(request, ws, draft: draft(c), target: target(c)) }
        }
        router.post("/admin/drafts/:draft/indicators/:indicator/drop") { request, c in
            try await DraftItemPage.drop(request, ws, draft: draft(c), item: .indicator(id(c, "indicator")))
        }
        router.post("/admin/drafts/:draft/tasks/:task/drop") { request, c in
            try await DraftItemPage.drop(request, ws, draft: draft(c), item: .task(id(c, "task")))
        }
    }
}
