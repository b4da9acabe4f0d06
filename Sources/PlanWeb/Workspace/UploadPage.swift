import Hummingbird
import PlanCore
import PlanStore

/// `/admin/projects/{id}/upload`: a CSV saved from Excel, checked by the same validation as
/// `planwatch import`, every problem listed by line and column, nothing recorded unless all
/// rows are good. `template.csv` is the blank file for the project, with its ids filled in.
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
                 "template": "/admin/projects/\(project.id)/template.csv?kind=\(k.importName)"]
            },
            "max": "\(ws.site.settings.maxUploadBytes >> 20)MB",
        ].merging(errors.values)
        return ws.render("upload", request, title: "\(project.id) \(project.title[c.language]) · \(c.catalog["upload_title"])",
                         current: "/admin", values: values, status: status)
    }

    static func upload(_ request: Request, _ ws: Workspace, project projectId: String) async throws -> Response {
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
        // Validating a 10 MB file is heavy work: it waits its turn with the other heavy work.
        let today = ws.site.model.today.day
        let read = await ws.site.holder.work.run { () -> Result<(ImportRowSource, [FactEntry]), TextChunks.Failure> in
            do throws(TextChunks.Failure) {
                let rows = try ImportRowSource(bytes: file.bytes, fileName: name, kind: kind, index: index, today: today)
                var entries: [FactEntry] = []
                while let entry = rows.next() { entries.append(entry) }
                return .success((rows, entries))
            } catch {
                return .failure(error)
            }
        }
        let rows: ImportRowSource, entries: [FactEntry]
        switch read {
        case .success(let done): (rows, entries) = done
        case .failure(let error):
            return show(request, ws, project: projectId, problems: ["\(name): \(ImportIssueText.text(.unreadable(error.message), c))"], total: 1,
                        status: .unprocessableContent)
        }
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

    /// The blank file for a project: its ids, a name column for the reader, the period to report.
    static func template(_ request: Request, _ ws: Workspace, project projectId: String) -> Response {
        let model = ws.site.model
        guard let position = model.index.projectIndex[projectId] else { return ws.pages.errorPage(status: .notFound, request: request) }
        let kind = kinds.first { $0.importName == request.uri.queryParameters.get("kind") } ?? .observation
        let c = ws.context(request)
        let format = ImportFormat.of(kind)
        let year = String(model.today.day.year - 1)
        var table = CSVTable(fileName: "\(projectId)-\(kind.importName).csv", header: [c.ko ? "항목명" : "name"] + format.templateHeader(korean: c.ko))
        func row(_ name: String, _ values: [String: String]) {
            table.rows.append([.text(name)] + format.columns.map { .text(values[$0]) })
        }
        switch kind {
        case .observation:
            for i in model.index.indicators.indices where model.index.projectOfIndicator[i] == position {
                let indicator = model.index.indicators[i]
                row(indicator.name[c.language], ["indicator_id": indicator.id, "period": year])
            }
        case .budget:
            row(model.index.projects[position].title[c.language], ["project_id": projectId, "fiscal_year": year])
        case .jobs:
            row(model.index.projects[position].title[c.language], ["project_id": projectId, "year": year])
        case .taskStatus:
            for t in model.index.tasks.indices where model.index.projectOfTask[t] == position {
                row(model.index.tasks[t].title[c.language], ["task_id": model.index.tasks[t].id, "date": model.today.day.iso])
            }
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                               .contentDisposition: "attachment; filename=\"\(table.fileName)\""],
                        body: .init(byteBuffer: ByteBuffer(string: table.csv)))
    }
}
