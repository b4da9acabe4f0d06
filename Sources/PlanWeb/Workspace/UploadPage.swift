import Hummingbird
import PlanCore
import PlanStore

/// `/admin/projects/{id}/upload`: a CSV file or an Excel workbook (.xlsx), checked by the same
/// validation as `planwatch import`, every problem listed by line (or cell, `Sheet1!C7`),
/// nothing recorded unless all rows are good. `template.csv` and `template.xlsx` are the blank file for the project, with its ids filled in.
enum UploadPage {
    static let kinds: [FactKind] = [.observation, .budget, .jobs, .taskStatus]

    static func show(_ request: Request, _ ws: Workspace, project projectId: String, problems: [String] = [], total: Int = 0,
                     status: HTTPResponse.Status = .ok) -> Response {
        let model = ws.site.model
        guard let project = model.index.project(projectId) else { return ws.pages.errorPage(status: .notFound, request: request) }
        let c = ws.context(request)
        // A choice left out is that field's fault; a refused file's problems are listed under the
        // summary's link to the file field.
        var errors = FormErrors()
        if problems == [c.catalog["upload_pick_kind"]] {
            errors.add("kind", problems[0])
        } else if problems == [c.catalog["upload_no_file"]] {
            errors.add("file", problems[0])
        } else if !problems.isEmpty {
            errors.add("file", c.catalog["upload_rejected"])
            errors.details = problems
            errors.more = total > problems.count ? c.catalog.format("upload_more_problems", ["count": String(total - problems.count)]) : ""
        }
        let values: [String: Any] = [
            "project": ["id": project.id, "title": project.title[c.language]],
            "kinds": kinds.map { k in
                ["value": k.importName, "label": c.catalog["kind_\(k.rawValue)"],
                 "template": "/admin/projects/\(project.id)/template.csv?kind=\(k.importName)",
                 "template_xlsx": "/admin/projects/\(project.id)/template.xlsx?kind=\(k.importName)"]
            },
            "max": "\(ws.site.settings.maxUploadBytes >> 20)MB",
        ].merging(errors.values)
        return ws.render("upload", request, title: "\(project.id) \(project.title[c.language]) · \(c.catalog["upload_title"])",
                         current: "/admin", values: values, status: status)
    }

    static func upload(_ request: Request, _ ws: Workspace, project projectId: String, context: SiteRequestContext) async throws -> Response {
        guard let workflow = ws.site.workflow, let principal = Principal.current else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let index = ws.site.model.index
        guard let kind = kinds.first(where: { $0.importName == form["kind"] }) else {
            return show(request, ws, project: projectId, problems: [c.catalog["upload_pick_kind"]], total: 1, status: .unprocessableContent)
        }
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return show(request, ws, project: projectId, problems: [c.catalog["upload_no_file"]], total: 1, status: .unprocessableContent)
        }
        let name = file.fileName.isEmpty ? "upload.csv" : file.fileName
        // Validating a 10 MB file is heavy work: it waits its turn with the other uploads (never
        // with public pages), stops when its time is up, and stops when its client goes away.
        let today = ws.site.model.today.day
        let budget = ImportBudget(seconds: ws.site.settings.uploadSeconds)
        let stopWatching = await context.watchClient { budget.cancel() }
        let read = await ws.site.holder.uploads.run { () -> Result<(ImportRowSource, [FactEntry]), ImportRowSource.OpenFailure> in
            do throws(ImportRowSource.OpenFailure) {
                let rows = try ImportRowSource(bytes: file.bytes, fileName: name, kind: kind, index: index, today: today, budget: budget)
                var entries: [FactEntry] = []
                while let entry = rows.next() { entries.append(entry) }
                return .success((rows, entries))
            } catch {
                return .failure(error)
            }
        }
        await stopWatching()
        let rows: ImportRowSource, entries: [FactEntry]
        switch read {
        case .success(let done): (rows, entries) = done
        case .failure(let error):
            let issue = budget.stopped.map(ImportBudget.issue) ?? .unreadable(error.message)
            return show(request, ws, project: projectId, problems: ["\(name): \(ImportIssueText.text(issue, c))"], total: 1, status: .unprocessableContent)
        }
        if budget.isCancelled { return Response(status: .noContent) }
        if rows.hasErrors {
            return show(request, ws, project: projectId, problems: rows.issues.map { ImportIssueText.located($0, file: name, c) }, total: rows.errorCount,
                        status: .unprocessableContent)
        }
        guard !entries.isEmpty else {
            return show(request, ws, project: projectId, problems: [c.catalog["upload_empty"]], total: 1, status: .unprocessableContent)
        }
        do {
            try await workflow.record(entries, project: projectId, submit: true, actor: principal.actor,
                                      bypassLocks: ws.site.policy.bypassesLocks(principal), at: .now)
        } catch WorkflowError.rejected(let problems) {
            let lines = problems.map { "\(name): \(c.catalog.format("upload_row", ["row": String($0.entry + 1)])): \(c.catalog["err_workflow_\($0.reason.rawValue)"]) (\($0.key.subject) \($0.key.period))" }
            return show(request, ws, project: projectId, problems: Array(lines.prefix(100)), total: lines.count, status: .conflict)
        }
        return ws.redirect("/admin/projects/\(projectId)/upload", done: "uploaded")
    }

    /// The blank file for a project (`ImportTemplate`), as CSV or as a workbook (`xlsx`).
    static func template(_ request: Request, _ ws: Workspace, project projectId: String, xlsx: Bool = false) -> Response {
        let model = ws.site.model
        guard let position = model.index.projectIndex[projectId] else { return ws.pages.errorPage(status: .notFound, request: request) }
        let kind = kinds.first { $0.importName == request.uri.queryParameters.get("kind") } ?? .observation
        let template = ImportTemplate(project: projectId, position: position, kind: kind, model: model, language: ws.context(request).language)
        let body: [UInt8], type: String, name: String
        if xlsx {
            do { body = try template.xlsx() } catch { return ws.pages.errorPage(status: .internalServerError, request: request) }
            (type, name) = (XLSXDownload.contentType, template.fileStem + ".xlsx")
        } else {
            (body, type, name) = (Array(template.csv.csv.utf8), "text/csv; charset=utf-8", template.fileStem + ".csv")
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store", .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
