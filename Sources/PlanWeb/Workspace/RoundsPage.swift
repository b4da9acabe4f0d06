import Foundation
import HTTPTypes
import Hummingbird
import PlanCore
import PlanStore

/// `/admin/rounds`: the reporting rounds in force, the office's and each ended year's own, each
/// with how far it has come; the form with which the office opens one; and
/// `/admin/rounds/{key}`, where each organization stands in a round, as a table and as CSV or
/// Excel. Opening a round tells every organization it asks something of.
enum RoundsPage {
    static let periodParts = ["year", "H1", "H2", "Q1", "Q2", "Q3", "Q4"]

    static func show(_ request: Request, _ ws: Workspace, errors: FormErrors = FormErrors(), typed: [String: String] = [:],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let rounds = ws.site.rounds else { return ws.unavailable(request) }
        let c = ws.context(request)
        let model = ws.site.model
        let today = model.today.day
        let all = try await rounds.rounds(today: today).sorted { ($0.isOpen ? 0 : 1, $0.due) > ($1.isOpen ? 0 : 1, $1.due) }
        let progress = try await rounds.progress(all, projectsByOrganization: ws.site.policy.projectsByOrganization, today: today)
        let rows: [[String: Any]] = progress.map { p in
            let total = p.total
            return row(p.round, c, today: today).merging([
                "due_count": c.count(total.due), "approved": c.count(total.approved), "owed": c.count(total.owed),
                "share": c.percent(total.shareDone),
            ]) { $1 }
        }
        let plan = model.plan
        let years = Array(plan.start.start.year...max(plan.end.end.year, today.year))
        let chosenYear = Int(typed["period_year"] ?? "") ?? today.year
        let values: [String: Any] = [
            "rounds": rows, "has_rounds": !rows.isEmpty,
            "can_open": ws.site.policy.decide(Principal.current, .manageRounds) == .allow,
            "years": years.map { ["value": $0, "label": c.catalog.format("year_label", ["year": String($0)]), "selected": $0 == chosenYear] },
            "parts": periodParts.map { ["value": $0, "label": c.catalog["period_part_\($0)"], "selected": $0 == (typed["period_part"] ?? "year")] },
            "items": ReportingRound.Item.allCases.map { item in
                ["value": item.rawValue, "label": c.catalog["round_item_\(item.rawValue)"],
                 "checked": typed.isEmpty || typed["item.\(item.rawValue)"] != nil]
            },
            "typed_title_ko": typed["title_ko"] ?? "", "typed_title_en": typed["title_en"] ?? "",
            "typed_due": typed["due"] ?? today.adding(days: 30).iso, "min_due": today.iso,
            "yearly_rule": c.catalog.format("rounds_yearly_rule", ["days": String(ws.site.settings.dueAfterDays)]),
        ].merging(errors.values) { $1 }
        return ws.render("rounds", request, title: c.catalog["ws_rounds"], current: "/admin/rounds", values: values, status: status)
    }

    /// What every list of rounds shows of one.
    static func row(_ r: ReportingRound, _ c: PageContext, today: CalendarDay) -> [String: Any] {
        let days = r.due.ordinal - today.ordinal
        let when: String
        if !r.isOpen {
            when = c.catalog["round_closed"]
        } else if days < 0 {
            when = days == -1 ? c.catalog["round_day_late"] : c.catalog.format("round_days_late", ["days": String(-days)])
        } else if days == 0 {
            when = c.catalog["round_due_today"]
        } else if days == 1 {
            when = c.catalog["round_day_left"]
        } else {
            when = c.catalog.format("round_days_left", ["days": String(days)])
        }
        return ["key": r.key, "title": r.title.text(c.language), "link": "/admin/rounds/\(r.key)", "period": r.period.text(c.language),
                "items": r.items.map { c.catalog["round_item_\($0.rawValue)"] }.joined(separator: ", "),
                "due": c.day(r.due), "when": when, "late": r.isOpen && days < 0, "open": r.isOpen,
                "yearly": r.isYearly]
    }

    static func open(_ request: Request, _ ws: Workspace) async throws -> Response {
        guard let rounds = ws.site.rounds else { return ws.unavailable(request) }
        let form = SubmittedForm.current
        let c = ws.context(request)
        let typed = form.fields.compactMapValues(\.last)
        var errors = FormErrors()
        let year = Int(form.text("period_year"))
        let part = form.text("period_part")
        let period = year.flatMap { y in periodParts.contains(part) ? try? PeriodParser.period(part == "year" ? "\(y)" : "\(y)-\(part)") : nil }
        if period == nil { errors.add("round-period", c.catalog["err_round_period"]) }
        let due = CalendarDay(iso: form.text("due"))
        if due == nil { errors.add("round-due", c.catalog["err_round_due"]) }
        let items = ReportingRound.Item.allCases.filter { form["item.\($0.rawValue)"] != nil }
        let titleEn = form.text("title_en")
        let draft = RoundDraft(title: LocalizedText(ko: form.text("title_ko"), en: titleEn.isEmpty ? nil : titleEn), period: period ?? Period.year(2020)!,
                               items: items, due: due ?? ws.site.model.today.day)
        if let period, let due {
            for problem in RoundDraft(title: draft.title, period: period, items: items, due: due).problems(today: ws.site.model.today.day) {
                errors.add(fieldId(problem.field), c.catalog["err_round_\(problem.field == "due" ? "due_range" : problem.field)"])
            }
        } else {
            for problem in draft.problems(today: ws.site.model.today.day) where problem.field.hasPrefix("title") || problem.field == "items" {
                errors.add(fieldId(problem.field), c.catalog["err_round_\(problem.field)"])
            }
        }
        guard errors.isEmpty else { return try await show(request, ws, errors: errors, typed: typed, status: .unprocessableContent) }
        let round = try await rounds.open(draft, actor: ws.actor, at: .now)
        return ws.redirect("/admin/rounds/\(round.key)", done: "round_opened")
    }

    /// The form field a draft's problem is about.
    static func fieldId(_ field: String) -> String {
        switch field {
        case "title_ko": return "round-title-ko"
        case "title_en": return "round-title-en"
        case "items": return "round-item-indicators"
        default: return "round-due"
        }
    }

    /// One round: each organization's counts, and its items.
    static func detail(_ request: Request, _ ws: Workspace, key: String) async throws -> Response {
        guard let (progress, names) = try await load(ws, key: key, language: ws.context(request).language) else {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        let c = ws.context(request)
        let round = progress.round
        let orgRows: [[String: Any]] = progress.organizations.map { org in
            let n = progress.counts(org)
            return ["organization": org.isEmpty ? c.catalog["unassigned"] : names[org] ?? org,
                    "due": c.count(n.due), "missing": c.count(n.missing), "draft": c.count(n.draft), "submitted": c.count(n.submitted),
                    "returned": c.count(n.returned), "approved": c.count(n.approved), "late": c.count(n.late), "share": c.percent(n.shareDone),
                    "is_late": n.late > 0]
        }
        let total = progress.total
        var values: [String: Any] = row(round, c, today: ws.site.model.today.day)
        values.merge([
            "organizations": orgRows, "has_organizations": !orgRows.isEmpty,
            "total_due": c.count(total.due), "total_approved": c.count(total.approved), "total_submitted": c.count(total.submitted),
            "total_owed": c.count(total.owed), "total_late": c.count(total.late), "total_share": c.percent(total.shareDone),
            "csv": "/admin/rounds/\(round.key)/status.csv", "xlsx": "/admin/rounds/\(round.key)/status.xlsx",
            "can_close": !round.isYearly && round.isOpen && ws.site.policy.decide(Principal.current, .manageRounds) == .allow,
            "opened": round.isYearly ? c.catalog.format("round_yearly_note", ["days": String(ws.site.settings.dueAfterDays)])
                : c.catalog.format("round_opened_by", ["day": c.day(round.openedAt.koreanDay), "by": ActorName.display(round.openedBy)]),
            "rule": c.catalog[round.isYearly || round.period.granularity == .year ? "round_rule_year" : "round_rule_part"],
        ]) { $1 }
        return ws.render("round", request, title: "\(round.title.text(c.language)) · \(c.catalog["ws_rounds"])", current: "/admin/rounds", values: values)
    }

    static func load(_ ws: Workspace, key: String, language: Language) async throws -> (RoundProgress, [String: String])? {
        guard let rounds = ws.site.rounds, let directory = ws.directory else { return nil }
        let today = ws.site.model.today.day
        guard let round = try await rounds.round(key, today: today) else { return nil }
        let progress = try await rounds.progress([round], projectsByOrganization: ws.site.policy.projectsByOrganization, today: today)[0]
        let names = Dictionary(try await directory.organizations().map { ($0.id, language == .ko ? $0.nameKo : $0.nameEn) }) { a, _ in a }
        return (progress, names)
    }

    static func close(_ request: Request, _ ws: Workspace, key: String) async throws -> Response {
        guard let store = ws.store else { return ws.unavailable(request) }
        guard key.hasPrefix("r"), let id = Int64(key.dropFirst()) else { return ws.pages.errorPage(status: .notFound, request: request) }
        do {
            try await store.closeRound(id: id, actor: ws.actor, at: .now)
        } catch StoreError.notFound {
            return ws.pages.errorPage(status: .notFound, request: request)
        } catch StoreError.conflict {
            return ws.redirect("/admin/rounds/\(key)")
        }
        return ws.redirect("/admin/rounds/\(key)", done: "round_closed")
    }

    /// The round's items, one row each, for every organization, as CSV (UTF-8 with a BOM) or a workbook.
    static func download(_ request: Request, _ ws: Workspace, key: String, xlsx: Bool) async throws -> Response {
        let c = ws.context(request)
        guard let (progress, names) = try await load(ws, key: key, language: c.language) else {
            return ws.pages.errorPage(status: .notFound, request: request)
        }
        let index = ws.site.model.index
        var table = CSVTable(fileName: "round-\(key).csv", header: ["round", "organization_id", "organization", "project_id", "kind", "subject_id",
                                                                    "item", "period", "stage", "late", "due"])
        for org in progress.organizations {
            for item in progress.items[org] ?? [] {
                let key = FactKey(kind: item.kind, subject: item.subject, period: item.period)
                table.rows.append([.text(progress.round.key), .text(org), .text(org.isEmpty ? c.catalog["unassigned"] : names[org] ?? org),
                                   .text(item.project), .text(item.kind.rawValue), .text(item.subject), .text(NotificationText.item(key, index: index, c.language)),
                                   .text(item.period), .text(item.stage.rawValue), .text(item.late ? "yes" : "no"), .text(progress.round.due.iso)])
            }
        }
        let name = "round-\(progress.round.key).\(xlsx ? "xlsx" : "csv")"
        let headers: HTTPFields = [.contentType: xlsx ? XLSXDownload.contentType : "text/csv; charset=utf-8", .cacheControl: "no-store",
                                   .contentDisposition: "attachment; filename=\"\(name)\""]
        if xlsx {
            let bytes = try XLSXTables.bytes(table)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        // A round of a national plan has hundreds of thousands of items: written a row at a time.
        let rows = table.rows, header = table.headerLine
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            var buffer = ByteBuffer(string: CSVTable.byteOrderMark + header)
            for row in rows {
                buffer.writeString(CSVTable.line(row))
                if buffer.readableBytes > 1 << 16 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
            try await writer.finish(nil)
        })
    }
}
