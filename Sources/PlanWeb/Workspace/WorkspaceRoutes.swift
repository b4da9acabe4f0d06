import Hummingbird

/// The signed-in workspace: sign-in, reporting forms, review, monitoring and administration.
/// Access to each route is decided by `AccessMiddleware` from `AccessRules`, never here.
enum WorkspaceRoutes {
    static func register(on router: Router<SiteRequestContext>, _ ws: Workspace) {
        router.get("/signin") { request, _ in SignInPages.page(request, ws) }
        router.post("/signin") { request, context in try await SignInPages.signIn(request, context, ws) }
        router.post("/signout") { request, _ in try await SignInPages.signOut(request, ws) }
        router.get("/admin") { request, _ in try await HomeWorkspacePage.show(request, ws) }
        router.get("/admin/password") { request, _ in PasswordPage.show(request, ws) }
        router.post("/admin/password") { request, _ in try await PasswordPage.change(request, ws) }

        router.get("/admin/projects/:project/report") { request, context in
            try await ReportForm.show(request, ws, project: context.parameters.get("project") ?? "")
        }
        router.post("/admin/projects/:project/report") { request, context in
            try await ReportForm.save(request, ws, project: context.parameters.get("project") ?? "")
        }
        router.get("/admin/projects/:project/tasks") { request, context in
            try await TaskStatusForm.show(request, ws, project: context.parameters.get("project") ?? "")
        }
        router.post("/admin/projects/:project/tasks") { request, context in
            try await TaskStatusForm.save(request, ws, project: context.parameters.get("project") ?? "")
        }
        router.get("/admin/projects/:project/upload") { request, context in
            UploadPage.show(request, ws, project: context.parameters.get("project") ?? "")
        }
        router.post("/admin/projects/:project/upload") { request, context in
            try await UploadPage.upload(request, ws, project: context.parameters.get("project") ?? "", context: context)
        }
        router.get("/admin/projects/:project/template.csv") { request, context in
            UploadPage.template(request, ws, project: context.parameters.get("project") ?? "")
        }
        router.get("/admin/projects/:project/template.xlsx") { request, context in
            UploadPage.template(request, ws, project: context.parameters.get("project") ?? "", xlsx: true)
        }
        router.post("/admin/projects/:project/unlock") { request, context in
            try await StatusPage.unlock(request, ws, project: context.parameters.get("project") ?? "")
        }

        router.get("/admin/queue") { request, _ in try await QueuePage.show(request, ws) }
        router.post("/admin/queue") { request, _ in try await QueuePage.decide(request, ws) }
        router.get("/admin/status") { request, _ in try await StatusPage.show(request, ws) }
        router.get("/admin/audit") { request, _ in try await AuditPage.show(request, ws) }
        router.get("/admin/review") { request, _ in await ReviewPage.show(request, ws) }
        router.get("/admin/review/:format") { request, context in
            await ReviewPage.download(request, ws, format: context.parameters.get("format") ?? "")
        }

        router.get("/admin/rounds") { request, _ in try await RoundsPage.show(request, ws) }
        router.post("/admin/rounds") { request, _ in try await RoundsPage.open(request, ws) }
        router.get("/admin/rounds/:round") { request, context in
            try await RoundsPage.detail(request, ws, key: context.parameters.get("round") ?? "")
        }
        router.post("/admin/rounds/:round/close") { request, context in
            try await RoundsPage.close(request, ws, key: context.parameters.get("round") ?? "")
        }
        router.get("/admin/rounds/:round/status.csv") { request, context in
            try await RoundsPage.download(request, ws, key: context.parameters.get("round") ?? "", xlsx: false)
        }
        router.get("/admin/rounds/:round/status.xlsx") { request, context in
            try await RoundsPage.download(request, ws, key: context.parameters.get("round") ?? "", xlsx: true)
        }
        router.get("/admin/inbox") { request, _ in try await InboxPage.show(request, ws) }
        router.post("/admin/inbox") { request, _ in try await InboxPage.markRead(request, ws) }
        router.get("/admin/preferences") { request, _ in try await PreferencesPage.show(request, ws) }
        router.post("/admin/preferences") { request, _ in try await PreferencesPage.save(request, ws) }
        router.post("/admin/preferences/calendar") { request, _ in try await PreferencesPage.calendar(request, ws) }
        router.get("/calendar/:feed") { request, context in try await CalendarFeedRoute.feed(request, ws, file: context.parameters.get("feed") ?? "") }

        router.get("/admin/accounts") { request, _ in try await AccountsPage.show(request, ws) }
        router.post("/admin/accounts") { request, _ in try await AccountsPage.add(request, ws) }
        router.post("/admin/accounts/:username") { request, context in
            try await AccountsPage.change(request, ws, username: context.parameters.get("username") ?? "")
        }
        router.get("/admin/organizations") { request, _ in try await OrganizationsPage.show(request, ws) }
        router.post("/admin/organizations") { request, _ in try await OrganizationsPage.add(request, ws) }
        router.post("/admin/organizations/assign") { request, _ in try await OrganizationsPage.assign(request, ws) }
        router.get("/admin/tokens") { request, _ in try await TokensPage.show(request, ws) }
        router.post("/admin/tokens") { request, _ in try await TokensPage.create(request, ws) }
        router.post("/admin/tokens/:id/revoke") { request, context in
            try await TokensPage.revoke(request, ws, id: context.parameters.get("id") ?? "")
        }
        router.get("/admin/plan") { request, _ in try await PlanVersionsPage.show(request, ws) }
        router.post("/admin/plan") { request, _ in try await PlanVersionsPage.load(request, ws) }
        DraftRoutes.register(on: router, ws)
    }
}
