import Foundation
import PlanCore
import PlanStore

/// A revision of the national-scale plan: how long saving a draft that touches N indicators
/// (stored as its delta against the version it revises) and computing its diff (and what it
/// does to today's verdicts) take, what one more edit costs a coordinator, and what reading the
/// draft back and writing its whole file cost. The plan is the FILE `national-plan` writes.
///
///     planwatch-bench revision --plan plan.yaml [--touch 1000] [--runs 5] [--db DIR]
enum RevisionBenchmark {
    static func main(_ args: [String]) {
        Benchmark.header("revision", args)
        guard let path = Benchmark.option("--plan", args) else {
            print("give --plan FILE (made by planwatch-bench national-plan)")
            exit(2)
        }
        let touch = Int(Benchmark.option("--touch", args) ?? "") ?? 1000
        let runs = max(1, Int(Benchmark.option("--runs", args) ?? "") ?? 5)
        let dir = Benchmark.option("--db", args) ?? NSTemporaryDirectory() + "planwatch-revision-\(UUID().uuidString)"
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await run(path: path, touch: touch, runs: runs, dir: dir) } catch { print("error: \(error)") }
            done.signal()
        }
        done.wait()
    }

    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, Benchmark.seconds(start.duration(to: clock.now)))
    }

    static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await body()
        return (value, Benchmark.seconds(start.duration(to: clock.now)))
    }

    static func run(path: String, touch: Int, runs: Int, dir: String) async throws {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw StoreError.notFound(path) }
        let (base, read) = try time { try PlanLoader.load(data: bytes, file: path).get() }
        let history = PlanHistory(base)
        let today = CalendarDay(year: 2026, month: 6, day: 30)!
        print("plan: \(base.indicators.count) indicators in \(base.projects.count) projects, \(bytes.count) bytes; read in \(fmt(read)) s (setup)")

        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: dir + "/revision.sqlite")
        try await store.migrate()
        let (loaded, load) = try await time { try await store.loadPlan(bytes: [UInt8](bytes), fileName: "national.yaml", plan: base, actor: .system) }
        print("plan stored as version \(loaded.version.id) in \(fmt(load)) s (setup)")
        let opened = PlanDraft.open(history, today: today)
        let version = loaded.version.id
        var record = try await store.openPlanDraft(NewPlanDraft(planId: base.id, baseVersion: version, title: opened.revision!.title,
                                                                content: PlanDelta.storedForm(of: opened, base: base, baseVersion: version), origin: "opened"),
                                                   actor: Actor("user:bench"), at: .now)

        // Approved values for the indicators the revision touches, so today's verdicts are judged on something.
        let touched = touchedIndicators(base, count: touch)
        var observations: [Observation] = []
        var id: Int64 = 0
        for indicatorId in touched {
            for year in 2017...2020 {
                id += 1
                observations.append(Observation(record: FactRecord(id: id, recordedAt: Timestamp(seconds: 1_600_000_000), approvedAt: Timestamp(seconds: 1_600_000_000)),
                                                 indicatorId: indicatorId, period: .year(year)!, value: Double(10 + year - 2017)))
            }
        }
        let facts = FactSet(observations: observations)
        let index = history.latest.index
        let table = ObservationTable(facts.observations, index: index)
        let assessment = Assessor.assess(index, observations: table, facts: facts, asOf: AsOf(today))

        var saves: [Double] = [], diffs: [Double] = [], forms: [Double] = [], stores: [Double] = [], lists: [Double] = []
        var changeCount = 0, storedBytes = 0
        var draft = opened
        for r in 0..<runs {
            draft = raised(opened, touched: Set(touched), by: 1 + Double(r + 1) / 10)
            // What the editor stores: the draft's delta against the version it revises, checked to read back as the draft.
            let (content, form) = time { PlanDelta.storedForm(of: draft, base: base, baseVersion: version) }
            precondition(PlanDelta.isDelta(content), "the revision is stored as its delta")
            storedBytes = content.count
            let (saved, save) = try await time {
                try await store.savePlanDraft(id: record.id, PlanDraftChange(expectedLock: record.lock, title: draft.revision!.title, content: content,
                                                                             summary: "\(touch) indicators"),
                                              actor: Actor("user:bench"), at: .now)
            }
            record = saved
            let (changes, listed) = time { PlanDiff.changes(from: base, to: draft) }
            let (effects, judged) = time {
                RevisionEffects(changes: changes, current: index, assessment: assessment, draft: draft, observations: table,
                                factIndex: index, taskReports: [], asOf: AsOf(today))
            }
            let diff = listed + judged
            lists.append(listed)
            changeCount = changes.count
            precondition(effects.indicators.count == touched.count, "every touched indicator is judged")
            forms.append(form)
            stores.append(save)
            saves.append(form + save)
            diffs.append(diff)
        }
        // Where the stored form's time goes, once.
        let (delta, made) = time { PlanDelta(base: version, from: base, to: draft)! }
        let (written, emitted) = time { delta.bytes }
        let (readBack, reread) = time { try? PlanDelta.read(written).get().applied(to: base).get() }
        let (same, compared) = time { readBack == draft }
        precondition(same, "the delta reads back as the draft")
        print("a revision touching \(touched.count) indicators (\(changeCount) changes), \(runs) runs:")
        print("  (the stored form, once: delta \(fmt(made)) s, written \(fmt(emitted)) s, read back \(fmt(reread)) s, compared \(fmt(compared)) s)")
        print("  the draft's delta, written and read back as the draft: median \(fmt(median(forms))) s (\(storedBytes) bytes stored, the whole file \(bytes.count))")
        print("  stored, checking the draft's version: median \(fmt(median(stores))) s")
        print("  saved: median \(fmt(median(saves))) s, worst \(fmt(saves.max() ?? 0)) s")
        print("  diff and today's verdicts under the draft: median \(fmt(median(diffs))) s, worst \(fmt(diffs.max() ?? 0)) s (the diff alone \(fmt(median(lists))) s)")
        let totals = zip(saves, diffs).map { $0 + $1 }
        print("  saved and diffed: median \(fmt(median(totals))) s, worst \(fmt(totals.max() ?? 0)) s (goal ≤ 1.000 s)")
        // The reference, measured in this run: reading the whole plan file, as `plan load` does.
        print(String(format: "  ratio saved-and-diffed / reading the plan file: %.3f", median(totals) / max(read, 1e-9)))

        // One more edit through the editor, in the draft that already changes 1,000 indicators: the
        // indicator checked as plan check checks it, then the draft saved.
        let one = touchedIndicators(base, count: touch * 2)[1]
        var node = PlanWriter.indicator(draft.indicator(one)!)
        let last = (node["targets"]?.items.count ?? 1) - 1
        node.assign(YAMLPath("targets.\(last).value"), .scalar("12,345"))
        let (edit, check) = time { PlanDraft.edit(.indicator(one), node: node, in: draft, history: history) }
        guard let edited = edit.plan else { throw StoreError.invalid("the edit was refused: \(edit.errors)") }
        let (_, oneSave) = try await time {
            let content = PlanDelta.storedForm(of: edited, base: base, baseVersion: version)
            return try await store.savePlanDraft(id: record.id, PlanDraftChange(expectedLock: record.lock, title: edited.revision!.title, content: content,
                                                                                summary: "indicator \(one)"),
                                                 actor: Actor("user:bench"), at: .now)
        }
        print("one more indicator edited in the editor: checked in \(fmt(check)) s, saved in \(fmt(oneSave)) s")
        // A server that does not hold the draft reads it from the store: the delta applied to the version it revises.
        let (cold, coldRead) = try await time { () -> Plan in
            let stored = try await store.planDraft(id: record.id, content: true)
            return try PlanDelta.read(stored?.content ?? []).get().applied(to: base).get()
        }
        precondition(cold == edited, "the stored draft reads back as the draft")
        print("the draft read from the store by a server that does not hold it: \(fmt(coldRead)) s")
        let (file, write) = time { PlanWriter.yaml(edited) }
        print("the whole file written for a download, a submission or an approval: \(fmt(write)) s (\(file.utf8.count) bytes)")
        await store.shutdown()
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Every `step`-th indicator with a numeric final target, `count` of them.
    static func touchedIndicators(_ plan: Plan, count: Int) -> [String] {
        let numeric = plan.indicators.filter { $0.finalTarget?.value != nil && $0.measure != .percent && $0.measure != .rank }
        let step = max(1, numeric.count / max(1, count))
        return Array(stride(from: 0, to: numeric.count, by: step).prefix(count).map { numeric[$0].id })
    }

    /// The draft with the final target of each touched indicator raised by `factor`.
    static func raised(_ plan: Plan, touched: Set<String>, by factor: Double) -> Plan {
        var p = plan
        for a in p.pillars.indices {
            for b in p.pillars[a].projects.indices {
                for i in p.pillars[a].projects[b].indicators.indices where touched.contains(p.pillars[a].projects[b].indicators[i].id) {
                    guard let last = p.pillars[a].projects[b].indicators[i].targets.indices.last,
                          let v = p.pillars[a].projects[b].indicators[i].targets[last].value else { continue }
                    p.pillars[a].projects[b].indicators[i].targets[last].value = (v * factor).rounded()
                    p.pillars[a].projects[b].indicators[i].targets[last].asWritten = nil
                }
            }
        }
        return p
    }

    static func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    static func fmt(_ s: Double) -> String { String(format: "%.3f", s) }
}
