import PlanCore

/// The edit form of each kind of item: which fields it has, in which order, with which labels.
/// Fields not on a form (an indicator's table row, a target's column, a source's note) are kept
/// as they are.
enum DraftSpecs {
    typealias Field = DraftForm.Field

    static func form(for item: PlanItem, isNew: Bool, in plan: Plan, node: YAMLTree, c: PageContext) -> DraftForm {
        let t = c.catalog
        switch item {
        case .plan:
            return DraftForm(sections: [
                DraftForm.Section(legend: t["df_section_title"], fields: title("title", c) + [
                    Field(path: "summary.ko", label: t["df_summary_ko"], kind: .textarea),
                    Field(path: "summary.en", label: t["df_summary_en"], kind: .textarea, lang: "en"),
                ]),
                DraftForm.Section(legend: t["df_section_budget"], rows: budget(c), note: t["df_budget_note"]),
                DraftForm.Section(legend: t["df_section_jobs"], rows: jobs(c)),
            ])
        case .pillar:
            return DraftForm(sections: [
                DraftForm.Section(legend: t["df_section_title"], fields: title("title", c)),
                DraftForm.Section(legend: t["df_section_budget"], rows: budget(c), note: t["df_pillar_budget_note"]),
                DraftForm.Section(legend: t["df_section_jobs"], rows: jobs(c)),
            ])
        case .project:
            return DraftForm(sections: [
                DraftForm.Section(legend: t["df_section_title"], fields: title("title", c) + [
                    Field(path: "lead", label: t["df_lead"], kind: .choices(organizations(plan, c))),
                ]),
                DraftForm.Section(legend: t["df_section_budget"], rows: budget(c), note: t["df_budget_note"]),
                DraftForm.Section(legend: t["df_section_jobs"], rows: jobs(c)),
            ])
        case .indicator:
            let qualitative = node["unit"] == nil && node["measure"] == nil || node["measure"]?.scalar == Measure.qualitative.rawValue
                || (node["targets"]?.items.contains { $0["text"] != nil } ?? false)
            var basics: [Field] = isNew ? [Field(path: "id", label: t["df_id"], hint: t["df_id_hint"], required: true)] : []
            basics += title("name", c) + [
                Field(path: "unit", label: t["df_unit"], kind: .select([("", t["df_unit_none"])] + units(c))),
                Field(path: "measure", label: t["df_measure"], kind: .select(choices(Measure.self, "measure", c))),
                Field(path: "direction", label: t["df_direction"], kind: .select(choices(Direction.self, "direction", c))),
                Field(path: "accumulation", label: t["df_accumulation"], kind: .select(choices(Accumulation.self, "accumulation", c))),
                Field(path: "method", label: t["df_method"], kind: .select(choices(AssessmentMethod.self, "method", c))),
                Field(path: "note.ko", label: t["df_note"], kind: .textarea),
            ]
            var baseline: [Field] = [
                Field(path: "baseline.period", label: t["df_baseline_period"], hint: t["df_period_hint"]),
                Field(path: "baseline.value", label: t["df_baseline_value"], kind: .number, hint: t["df_value_hint"]),
            ]
            var targets: [Field] = [Field(path: "due", label: t["df_due"], hint: t["df_period_hint"])]
            if qualitative {
                baseline.append(Field(path: "baseline.text.ko", label: t["df_baseline_text"]))
                targets += [Field(path: "text.ko", label: t["df_target_text"]), Field(path: "text.en", label: t["df_target_text_en"], lang: "en")]
            } else {
                targets += [Field(path: "value", label: t["df_target_value"], kind: .number, hint: t["df_value_hint"]),
                            Field(path: "comparator", label: t["df_comparator"], kind: .select(choices(Comparator.self, "comparator", c)))]
            }
            baseline.append(Field(path: "baseline.asWritten", label: t["df_as_written"], hint: t["df_as_written_hint"]))
            targets.append(Field(path: "asWritten", label: t["df_as_written"]))
            return DraftForm(sections: [
                DraftForm.Section(legend: t["df_section_indicator"], fields: basics),
                DraftForm.Section(legend: t["df_section_baseline"], fields: baseline, note: t["df_baseline_note"]),
                DraftForm.Section(legend: t["df_section_targets"],
                                  rows: DraftForm.Rows(key: "targets", caption: t["df_target"], fields: targets, keepsEmpty: true, values: ["value", "text"])),
            ], worded: [("baseline", ["value", "text"])])
        case .task:
            var basics: [Field] = isNew ? [Field(path: "id", label: t["df_id"], hint: t["df_id_hint"], required: true)] : []
            basics += [Field(path: "kind", label: t["df_task_kind"], kind: .select(PlanTask.Kind.allCases.map { ($0.rawValue, t["kind_\($0.rawValue)"]) }))]
            basics += title("title", c) + [
                Field(path: "detail.ko", label: t["df_detail"], kind: .textarea),
                Field(path: "detail.en", label: t["df_detail_en"], kind: .textarea, lang: "en"),
                Field(path: "due", label: t["df_task_due"], hint: t["df_task_due_hint"]),
                Field(path: "organizations", label: t["df_task_organizations"], kind: .choices(organizations(plan, c))),
                Field(path: "note.ko", label: t["df_note"], kind: .textarea),
            ]
            let laws: [Field] = [
                Field(path: "name.ko", label: t["df_law_name"], hint: t["df_law_name_hint"]),
                Field(path: "name.en", label: t["df_law_name_en"], lang: "en"),
                Field(path: "action", label: t["df_law_action"], kind: .select([("", t["df_choose"])] + Law.Action.allCases.map { ($0.rawValue, c.ko ? $0.korean : $0.english) })),
                Field(path: "due", label: t["df_law_due"], hint: t["df_period_hint"]),
            ]
            return DraftForm(sections: [
                DraftForm.Section(legend: t["df_section_task"], fields: basics),
                DraftForm.Section(legend: t["df_section_laws"], rows: DraftForm.Rows(key: "laws", caption: t["df_law"], fields: laws), note: t["df_laws_note"]),
            ])
        case .revision:
            return DraftForm(sections: [
                DraftForm.Section(legend: t["df_section_revision"], fields: [
                    Field(path: "effective", label: t["df_effective"], kind: .date, hint: t["df_effective_hint"], required: true),
                ] + title("title", c) + [
                    Field(path: "summary.ko", label: t["df_revision_summary"], kind: .textarea),
                    Field(path: "summary.en", label: t["df_revision_summary_en"], kind: .textarea, lang: "en"),
                ]),
                DraftForm.Section(legend: t["df_section_source"], fields: [
                    Field(path: "sources.0.publisher.ko", label: t["df_source_publisher"], hint: t["df_source_publisher_hint"], required: true),
                    Field(path: "sources.0.publisher.en", label: t["df_source_publisher_en"], lang: "en", required: true),
                    Field(path: "sources.0.title", label: t["df_source_title"], required: true),
                    Field(path: "sources.0.url", label: t["df_source_url"], hint: t["df_source_url_hint"], required: true),
                    Field(path: "sources.0.published", label: t["df_source_published"], kind: .date, required: true),
                    Field(path: "sources.0.quote", label: t["df_source_quote"], kind: .textarea, hint: t["df_source_quote_hint"], required: true),
                ], note: t["df_source_note"]),
            ])
        }
    }

    /// `title.ko` and `title.en`, both required.
    static func title(_ key: String, _ c: PageContext) -> [Field] {
        [Field(path: "\(key).ko", label: c.catalog["df_\(key)_ko"], required: true),
         Field(path: "\(key).en", label: c.catalog["df_\(key)_en"], lang: "en", required: true)]
    }

    static func budget(_ c: PageContext) -> DraftForm.Rows {
        let t = c.catalog
        return DraftForm.Rows(key: "budget", caption: t["df_budget_row"], fields: [
            Field(path: "by", label: t["df_by"], hint: t["df_period_hint"]),
            Field(path: "totalCost", label: t["df_total_cost"], kind: .number, hint: t["df_money_hint"]),
            Field(path: "treasury", label: t["df_treasury"], kind: .number),
            Field(path: "amount", label: t["df_amount"], kind: .number),
            Field(path: "asWritten", label: t["df_as_written"]),
        ], values: ["totalCost", "treasury", "amount"])
    }

    static func jobs(_ c: PageContext) -> DraftForm.Rows {
        let t = c.catalog
        return DraftForm.Rows(key: "jobs", caption: t["df_jobs_row"], fields: [
            Field(path: "by", label: t["df_by"], hint: t["df_period_hint"]),
            Field(path: "count", label: t["df_jobs_count"], kind: .number),
            Field(path: "asWritten", label: t["df_as_written"]),
        ], values: ["count"])
    }

    /// The units a plan may use: their symbols in Korean; in English, their nouns (two units
    /// counted in "times" told apart), so an English page carries no unmarked Korean.
    static func units(_ c: PageContext) -> [(value: String, label: String)] {
        let nouns = Unit.catalog.map { FormValues.unitName($0.symbol, c) }
        return Unit.catalog.enumerated().map { i, unit in
            guard c.language == .en else { return (unit.symbol, unit.symbol) }
            let noun = nouns[i]
            return (unit.symbol, nouns.filter { $0 == noun }.count > 1 ? "\(noun) (\(unit.kind.rawValue))" : noun)
        }
    }

    static func organizations(_ plan: Plan, _ c: PageContext) -> [(value: String, label: String)] {
        plan.organizations.map { ($0.id, $0.name[c.language]) }
    }

    /// The choices of an enumeration, led by "as the unit implies" (the loader's default).
    static func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ key: String, _ c: PageContext) -> [(value: String, label: String)] where T.RawValue == String {
        [("", c.catalog["df_default"])] + T.allCases.map { ($0.rawValue, c.catalog["df_\(key)_\($0.rawValue)"]) }
    }
}
