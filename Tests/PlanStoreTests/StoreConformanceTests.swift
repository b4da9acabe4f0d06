import Foundation
import PlanCore
import Testing
@testable import PlanStore

/// The same behaviour, checked on every backend.
@Suite("Store conformance", .serialized)
struct StoreConformanceTests {
    typealias F = Fixtures
    let reporter = Actor("user:reporter"), coordinator = Actor("user:coordinator")

    @Test("migrations are versioned and idempotent", arguments: Backend.all)
    func migrations(backend: Backend) async throws {
        try await backend.withStore { store in
            let applied = try await store.migrate()
            #expect(applied.isEmpty)
        }
    }

    @Test("a plan file is a version; the same bytes are a no-op; a changed file is a new version and the old is kept", arguments: Backend.all)
    func planVersions(backend: Backend) async throws {
        try await backend.withStore { store in
            let first = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            #expect(first.isNew && first.version.id == 1)
            let again = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            #expect(!again.isNew && again.version.id == 1)
            var changed = F.planBytes
            changed += Array("\n# revised\n".utf8)
            let second = try await store.loadPlan(bytes: changed, fileName: "dnd-2021.yaml", plan: F.plan, actor: .system)
            #expect(second.isNew && second.version.id == 2)
            let versions = try await store.planVersions()
            let file = try await store.planFile(version: 1)
            let events = try await store.auditEvents(after: 0, limit: 10)
            #expect(versions.map(\.id) == [1, 2])
            #expect(file == F.planBytes)
            #expect(events.map(\.action) == ["plan.load", "plan.load"])
        }
    }

    @Test("a stored plan is read from its snapshot; a missing or outdated snapshot is made again from the file", arguments: Backend.all)
    func planSnapshots(backend: Backend) async throws {
        try await backend.withStore { store in
            let version = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system).version
            // Loading a version keeps its snapshot.
            #expect(try await store.planSnapshot(version: version.id, format: PlanSnapshot.format).flatMap(PlanSnapshot.decode) == F.plan)
            #expect(try await store.plan(of: version) == F.plan)
            // A snapshot of another format (an older build's) is not read; the file is, and the snapshot is made again.
            try await store.savePlanSnapshot(version: version.id, format: "planwatch-plan-json/0", bytes: Array("{}".utf8))
            #expect(try await store.planSnapshot(version: version.id, format: PlanSnapshot.format) == nil)
            #expect(try await store.plan(of: version) == F.plan)
            #expect(try await store.planSnapshot(version: version.id, format: PlanSnapshot.format) != nil)
            // An unreadable snapshot of this format is passed over the same way.
            try await store.savePlanSnapshot(version: version.id, format: PlanSnapshot.format, bytes: Array("not json".utf8))
            #expect(try await store.plan(of: version) == F.plan)
            #expect(try await store.planSnapshot(version: version.id, format: PlanSnapshot.format).flatMap(PlanSnapshot.decode) == F.plan)
        }
    }

    @Test("submitted values are not published; approval publishes them with its time", arguments: Backend.all)
    func workflow(backend: Backend) async throws {
        try await backend.withStore { store in
            let ids = try await store.append([F.observation("1-4.gci-rank", "2021", 10)], state: .submitted, actor: reporter, at: F.t("2022-01-10"))
            let unpublished = try await store.publishedFacts().observations
            #expect(unpublished.isEmpty)
            try await store.transition(.observation, ids: ids, to: .approved, actor: coordinator, reason: nil, at: F.t("2022-01-12"))
            let published = try await store.publishedFacts().observations
            #expect(published.count == 1 && published[0].record.approvedAt == F.t("2022-01-12") && published[0].value == 10)
            let stored = try await store.fact(.observation, id: ids[0])
            #expect(stored?.state == .approved && stored?.decidedBy == "user:coordinator" && stored?.recordedBy == "user:reporter")
            // As of the day before approval, the value did not count.
            let before = Assessor.assess(F.index, facts: try await store.publishedFacts(), asOf: AsOf(CalendarDay(iso: "2022-01-11")!))
            #expect(before.indicators[F.index.indicatorIndex["1-4.gci-rank"]!].latest == nil)
        }
    }

    @Test("two approvals of one value: exactly one wins, the other gets a conflict", arguments: Backend.all)
    func doubleApproval(backend: Backend) async throws {
        try await backend.withStore { store in
            let ids = try await store.append([F.observation("1-4.gci-rank", "2021", 10)], state: .submitted, actor: reporter, at: F.t("2022-01-10"))
            let results = await withTaskGroup(of: Result<Void, StoreError>.self) { group in
                for name in ["a", "b"] {
                    group.addTask {
                        do {
                            try await store.transition(.observation, ids: ids, to: .approved, actor: Actor("user:\(name)"), reason: nil, at: F.t("2022-01-12"))
                            return .success(())
                        } catch let e as StoreError {
                            return .failure(e)
                        } catch {
                            return .failure(.invalid("\(error)"))
                        }
                    }
                }
                var all: [Result<Void, StoreError>] = []
                for await r in group { all.append(r) }
                return all
            }
            #expect(results.filter { if case .success = $0 { return true } else { return false } }.count == 1)
            #expect(results.contains { if case .failure(.conflict(let m)) = $0 { return m.contains("already 'approved'") } else { return false } })
            let approvals = try await store.auditEvents(after: 0, limit: 10).filter { $0.action == "fact.approve" }
            #expect(approvals.count == 1)
        }
    }

    @Test("returning needs a reason; a returned value is final and is corrected by a new revision", arguments: Backend.all)
    func returned(backend: Backend) async throws {
        try await backend.withStore { store in
            let ids = try await store.append([F.observation("1-4.gci-rank", "2021", 10)], state: .submitted, actor: reporter, at: F.t("2022-01-10"))
            await #expect(throws: StoreError.invalid("a returned value needs a reason")) {
                try await store.transition(.observation, ids: ids, to: .returned, actor: coordinator, reason: " ", at: F.t("2022-01-11"))
            }
            try await store.transition(.observation, ids: ids, to: .returned, actor: coordinator, reason: "출처를 적어 주세요", at: F.t("2022-01-11"))
            let returnedFact = try await store.fact(.observation, id: ids[0])
            #expect(returnedFact?.returnReason == "출처를 적어 주세요")
            await #expect(throws: StoreError.self) {
                try await store.transition(.observation, ids: ids, to: .approved, actor: coordinator, reason: nil, at: F.t("2022-01-12"))
            }
            let fixed = try await store.append([F.observation("1-4.gci-rank", "2021", 11, supersedes: ids[0])], state: .submitted, actor: reporter, at: F.t("2022-01-13"))
            try await store.transition(.observation, ids: fixed, to: .approved, actor: coordinator, reason: nil, at: F.t("2022-01-14"))
            let published = try await store.publishedFacts().observations
            let verification = try await store.verifyAudit()
            #expect(published.map(\.value) == [11])
            #expect(verification.isIntact)
        }
    }

    @Test("a revision keeps the old value, and the as-of rules pick the right one", arguments: Backend.all)
    func revisions(backend: Backend) async throws {
        try await backend.withStore { store in
            let first = try await store.append([F.observation("1-4.gci-rank", "2021", 10)], state: .approved, actor: coordinator, at: F.t("2022-01-10"))
            _ = try await store.append([F.observation("1-4.gci-rank", "2021", 9, supersedes: first[0])], state: .approved, actor: coordinator, at: F.t("2022-03-01"))
            let facts = try await store.publishedFacts()
            #expect(facts.observations.count == 2)
            let i = F.index.indicatorIndex["1-4.gci-rank"]!
            #expect(Assessor.assess(F.index, facts: facts, asOf: AsOf(CalendarDay(iso: "2022-02-01")!)).indicators[i].latest?.value == 10)
            #expect(Assessor.assess(F.index, facts: facts, asOf: AsOf(CalendarDay(iso: "2022-03-01")!)).indicators[i].latest?.value == 9)
        }
    }

    @Test("facts are found by subject, every revision and state, and nothing else", arguments: Backend.all)
    func bySubject(backend: Backend) async throws {
        try await backend.withStore { store in
            let first = try await store.append([F.observation("1-4.gci-rank", "2021", 10), F.observation("2-1.school-wifi", "2021", 60)],
                                               state: .approved, actor: coordinator, at: F.t("2022-01-10"))
            let second = try await store.append([F.observation("1-4.gci-rank", "2021", 9, supersedes: first[0])], state: .submitted,
                                                actor: coordinator, at: F.t("2022-03-01"))
            let found = try await store.facts(.observation, subjects: ["1-4.gci-rank", "no-such-indicator"])
            #expect(found.map(\.id) == [first[0], second[0]])
            #expect(try await store.facts(.observation, subjects: []).isEmpty)
            let many = Set((0..<1200).map { "x\($0)" } + ["2-1.school-wifi"])
            #expect(try await store.facts(.observation, subjects: many).map(\.id) == [first[1]], "more subjects than one statement binds")
        }
    }

    @Test("facts are append-only: no UPDATE of a value, no DELETE, no state going back", arguments: Backend.all)
    func appendOnly(backend: Backend) async throws {
        try await backend.withStore { store in
            let ids = try await store.append([F.observation("1-4.gci-rank", "2021", 10)], state: .approved, actor: coordinator, at: F.t("2022-01-10"))
            for sql in ["UPDATE observations SET value = 3 WHERE id = \(ids[0])",
                        "DELETE FROM observations WHERE id = \(ids[0])",
                        "UPDATE observations SET state = 'submitted' WHERE id = \(ids[0])",
                        "DELETE FROM audit_events", "UPDATE audit_events SET actor = 'x'"] {
                await #expect(throws: (any Error).self, "\(sql)") { try await executeRaw(store, sql) }
            }
            let kept = try await store.fact(.observation, id: ids[0])
            #expect(kept?.entry == F.observation("1-4.gci-rank", "2021", 10))
        }
    }

    @Test("a plan file or its parsed snapshot changed behind the store's back is caught", arguments: Backend.all)
    func tamperedPlan(backend: Backend) async throws {
        try await backend.withStore { store in
            let version = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system).version
            #expect(try await store.verifyAudit().isIntact)
            // The snapshot the server reads says another plan: the targets the public sees would differ from the file.
            var other = F.plan
            other.pillars[0].projects[0].indicators[0].targets[0].value = 1
            try await store.savePlanSnapshot(version: version.id, format: PlanSnapshot.format, bytes: try PlanSnapshot.encode(other))
            let snapshot = try await store.verifyAudit()
            #expect(snapshot.firstProblem?.message.contains("parsed plan kept for version 1 differs") == true, "\(String(describing: snapshot.firstProblem))")
            try await store.savePlanSnapshot(version: version.id, format: PlanSnapshot.format, bytes: try PlanSnapshot.encode(F.plan))
            #expect(try await store.verifyAudit().isIntact)
            // The file itself edited.
            try await executeRaw(store, "UPDATE plan_versions SET file_name = 'x.yaml', content = \(store.backendName == "sqlite" ? "X'41'" : "'\\x41'::bytea") WHERE id = \(version.id)")
            let file = try await store.verifyAudit()
            #expect(file.firstProblem?.message.contains("file was changed after it was loaded") == true, "\(String(describing: file.firstProblem))")
        }
    }

    @Test("the audit chain verifies, and a row edited behind the store's back is caught at its event", arguments: Backend.all)
    func tamper(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            let ids = try await store.append([F.observation("1-4.gci-rank", "2021", 10), F.observation("2-1.school-wifi", "2021", 60)],
                                             state: .submitted, actor: reporter, at: F.t("2022-01-10"))
            try await store.transition(.observation, ids: [ids[0]], to: .approved, actor: coordinator, reason: nil, at: F.t("2022-01-12"))
            let ok = try await store.verifyAudit()
            #expect(ok.isIntact && ok.events == 3 && ok.facts == 2)
            let disable = store.backendName == "sqlite" ? "DROP TRIGGER observations_values_fixed" : "ALTER TABLE observations DISABLE TRIGGER USER"
            try await executeRaw(store, disable)
            try await executeRaw(store, "UPDATE observations SET value = 99 WHERE id = \(ids[1])")
            let broken = try await store.verifyAudit()
            #expect(broken.firstProblem?.seq == 2 && broken.firstProblem?.message.contains("values were changed") == true, "\(String(describing: broken.firstProblem))")
            try await executeRaw(store, "UPDATE observations SET value = 60 WHERE id = \(ids[1])")
            let repaired = try await store.verifyAudit()
            #expect(repaired.isIntact)
            // A forged approval is caught too: the chain never approved the second value.
            if store.backendName == "sqlite" { try await executeRaw(store, "DROP TRIGGER observations_state_forward") }
            try await executeRaw(store, "UPDATE observations SET state = 'approved', decided_at = 1, decided_by = 'user:mallory' WHERE id = \(ids[1])")
            let forged = try await store.verifyAudit()
            #expect(forged.firstProblem?.message.contains("the chain says 'submitted'") == true, "\(String(describing: forged.firstProblem))")
        }
    }

    @Test("a walk from the last intact event checks what was appended since, and catches a change to it", arguments: Backend.all)
    func incrementalVerification(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await store.loadPlan(bytes: F.planBytes, fileName: "dnd.yaml", plan: F.plan, actor: .system)
            _ = try await store.append([F.observation("1-4.gci-rank", "2020", 12)], state: .approved, actor: coordinator, at: F.t("2021-01-10"))
            let whole = try await store.verifyAudit()
            let head = try #require(whole.head)
            #expect(whole.isIntact && head.seq == 2)
            // Nothing new: nothing to walk.
            let idle = try await store.verifyAudit(after: head)
            #expect(idle.isIntact && idle.events == 0 && idle.head == head)
            let ids = try await store.append([F.observation("1-4.gci-rank", "2021", 10), F.observation("2-1.school-wifi", "2021", 60)],
                                             state: .submitted, actor: reporter, at: F.t("2022-01-10"))
            try await store.transition(.observation, ids: [ids[0]], to: .approved, actor: coordinator, reason: nil, at: F.t("2022-01-12"))
            let step = try await store.verifyAudit(after: head)
            #expect(step.isIntact && step.events == 2 && step.facts == 2 && step.head?.seq == 4, "\(step)")
            // A value written since the checkpoint and changed behind the store's back is caught.
            let disable = store.backendName == "sqlite" ? "DROP TRIGGER observations_values_fixed" : "ALTER TABLE observations DISABLE TRIGGER USER"
            try await executeRaw(store, disable)
            try await executeRaw(store, "UPDATE observations SET value = 99 WHERE id = \(ids[1])")
            let changed = try await store.verifyAudit(after: head)
            #expect(changed.firstProblem?.seq == 3 && changed.head == nil, "\(String(describing: changed.firstProblem))")
            try await executeRaw(store, "UPDATE observations SET value = 60 WHERE id = \(ids[1])")
            // So is an edit of the checkpoint's own event, or of an event after it.
            try await executeRaw(store, store.backendName == "sqlite" ? "DROP TRIGGER audit_no_update" : "ALTER TABLE audit_events DISABLE TRIGGER USER")
            try await executeRaw(store, "UPDATE audit_events SET actor = 'user:mallory' WHERE seq = 4")
            #expect(try await store.verifyAudit(after: head).firstProblem?.seq == 4)
            try await executeRaw(store, "UPDATE audit_events SET actor = 'user:mallory' WHERE seq = 2")
            #expect(try await store.verifyAudit(after: head).firstProblem?.message.contains("verified last was changed") == true)
        }
    }

    @Test("who submitted a draft is kept apart from who recorded it", arguments: Backend.all)
    func submitter(backend: Backend) async throws {
        try await backend.withStore { store in
            let drafted = try await store.append([F.observation("1-4.gci-rank", "2021", 10)], state: .draft, actor: reporter, at: F.t("2022-01-10"))
            #expect(try await store.fact(.observation, id: drafted[0])?.submitter == nil)
            try await store.transition(.observation, ids: drafted, to: .submitted, actor: coordinator, reason: nil, at: F.t("2022-01-11"))
            let moved = try #require(try await store.fact(.observation, id: drafted[0]))
            #expect(moved.recordedBy == reporter.id && moved.submittedBy == coordinator.id && moved.submitter == coordinator.id)
            let direct = try await store.append([F.observation("2-1.school-wifi", "2021", 60)], state: .submitted, actor: reporter, at: F.t("2022-01-12"))
            #expect(try await store.fact(.observation, id: direct[0])?.submitter == reporter.id)
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    @Test("a session's touch updates it while it lives and never brings it back", arguments: Backend.all)
    func touchNeverRecreates(backend: Backend) async throws {
        try await backend.withStore { store in
            let directory = Directory(store: store)
            var session = SessionRecord(username: "lee", createdAt: F.t("2026-01-01"), csrfToken: "token")
            try await directory.saveSession(session, secret: "the secret of the session", at: F.t("2026-01-01"))
            session.lastSeenAt += 120
            #expect(try await directory.touchSession(session, secret: "the secret of the session", at: F.t("2026-01-01")))
            #expect(try await directory.session(secret: "the secret of the session")?.lastSeenAt == session.lastSeenAt)
            // Signed out while a request was between reading the session and touching it.
            try await directory.endSession(secret: "the secret of the session", at: F.t("2026-01-01"))
            #expect(try await !directory.touchSession(session, secret: "the secret of the session", at: F.t("2026-01-01")))
            #expect(try await directory.session(secret: "the secret of the session") == nil)
            #expect(try await store.directoryRecords(.session).isEmpty)
        }
    }

    @Test("tokens made before tokens expired get an expiry on upgrade, and a use is noted without rewriting the token", arguments: Backend.all)
    func tokenExpiryAndUse(backend: Backend) async throws {
        try await backend.withStore { store in
            // A token as version 7 stored it, with no expiry: made two years ago, and one made last week.
            let made = Timestamp.now.seconds
            let old = #"{"createdAt":\#(made - 730 * 86_400),"createdBy":"system","id":"old","name":"old","organizationId":"pmo","role":"reporter"}"#
            let recent = #"{"createdAt":\#(made - 7 * 86_400),"createdBy":"system","id":"recent","name":"recent","organizationId":"pmo","role":"reporter"}"#
            try await executeRaw(store, "DELETE FROM schema_migrations WHERE version = 8")
            try await executeRaw(store, "ALTER TABLE directory DROP COLUMN used_at")
            try await executeRaw(store, "INSERT INTO directory (kind, key, value, updated_at) VALUES ('token', 'k-old', '\(old)', 0), ('token', 'k-recent', '\(recent)', 0)")
            #expect(try await store.migrate() == ["8: API tokens expire and record their last use"])
            let tokens = Dictionary(uniqueKeysWithValues: try await Directory(store: store).tokens().map { ($0.id, $0) })
            let now = Timestamp.now.seconds
            // The old one lasts 30 days from the upgrade, not a moment less; the recent one a year from when it was made.
            #expect((now + 29 * 86_400...now + 31 * 86_400).contains(try #require(tokens["old"]?.expiresAt)))
            #expect(tokens["recent"]?.expiresAt == made - 7 * 86_400 + 365 * 86_400)
            // Noting a use leaves the record as it is, and a revocation made meanwhile stands.
            try await Directory(store: store).revokeToken(id: "recent", actor: .system, at: .now)
            try await store.markDirectoryRecordUsed(.token, key: "k-recent", at: Timestamp(seconds: 1_800_000_000))
            let entry = try #require(try await store.directoryRecords(.token).first { $0.key == "k-recent" })
            #expect(entry.usedAt == Timestamp(seconds: 1_800_000_000))
            #expect(try await Directory(store: store).tokens().first { $0.id == "recent" }?.isRevoked == true)
            #expect(try await Directory(store: store).tokenUses()["recent"] == Timestamp(seconds: 1_800_000_000))
        }
    }

    @Test("an edited audit event breaks the chain at that event", arguments: Backend.all)
    func tamperEvent(backend: Backend) async throws {
        try await backend.withStore { store in
            for year in ["2020", "2021", "2022"] {
                _ = try await store.append([F.observation("1-4.gci-rank", year, 10)], state: .approved, actor: coordinator, at: F.t("2023-01-10"))
            }
            let disable = store.backendName == "sqlite" ? "DROP TRIGGER audit_no_update" : "ALTER TABLE audit_events DISABLE TRIGGER USER"
            try await executeRaw(store, disable)
            try await executeRaw(store, "UPDATE audit_events SET actor = 'user:mallory' WHERE seq = 2")
            let v = try await store.verifyAudit()
            #expect(v.firstProblem?.seq == 2 && v.firstProblem?.message.contains("content was changed") == true)
        }
    }

    func importFile(_ store: any Store, _ path: String, kind: FactKind = .observation, approve: Bool = false, again: Bool = false) async throws -> ImportSummary {
        let importer = Importer(store: store, index: F.index, planVersion: nil)
        return try await importer.run(.init(kind: kind, path: path, actor: reporter, approve: approve, again: again, today: F.today))
    }

    @Test("imports land whole, in one transaction, audited; the same file twice is refused unless --again", arguments: Backend.all)
    func imports(backend: Backend) async throws {
        try await backend.withStore { store in
            let path = F.file("""
            indicator_id,period,value,status,source,note
            1-4.gci-rank,2021,10위,final,ITU,
            1-1.public-data-opened,2021,"12만",provisional,공공데이터포털,"쉼표, 따옴표""가 든 메모"
            1-3.5g-network,2021,3개 부처 시범 도입,,,

            """)
            let summary = try await importFile(store, path)
            #expect(summary.rows == 3 && summary.state == .submitted && summary.encoding == .utf8)
            let facts = try await store.facts(.observation, states: nil)
            #expect(facts.map(\.entry.note) == [nil, "쉼표, 따옴표\"가 든 메모", nil])
            #expect(facts[1].entry.valueStatus == .provisional && facts[1].importId == summary.importId)
            await #expect(throws: StoreError.self) { _ = try await importFile(store, path) }
            let again = try await importFile(store, path, approve: true, again: true)
            let published = try await store.publishedFacts().observations
            #expect(again.state == .approved && published.count == 3)
            let v = try await store.verifyAudit()
            #expect(v.isIntact && v.facts == 6 && v.events == 2)
        }
    }

    @Test("budget, jobs and task status files import too", arguments: Backend.all)
    func otherKinds(backend: Backend) async throws {
        try await backend.withStore { store in
            _ = try await importFile(store, F.file("project_id,fiscal_year,allocated,executed\n1-1,2020,1.1조원,1조원\n1-1,2021,\"1,000,000,000,000\",9000억원\n"), kind: .budget, approve: true)
            _ = try await importFile(store, F.file("사업ID,연도,일자리\n1-1,2020,3만\n"), kind: .jobs, approve: true)
            _ = try await importFile(store, F.file("task_id,date,progress,evidence\n1-1.data-control-tower,2020-11-20,완료,https://example.go.kr/notice/1\n"), kind: .taskStatus, approve: true)
            let facts = try await store.publishedFacts()
            #expect(facts.budget.map(\.executed) == [1_000_000_000_000, 900_000_000_000])
            #expect(facts.jobs.map(\.jobs) == [30_000])
            #expect(facts.taskStatuses.map(\.progress) == [.done])
            // Imported just now, so known as of today (and not as of any earlier day).
            let a = Assessor.assess(F.index, facts: facts, asOf: AsOf(Timestamp.now.koreanDay))
            #expect(a.tasks[F.index.taskIndex["1-1.data-control-tower"]!].status == .done)
            #expect(a.budget[0].executedToDate == 1_900_000_000_000)
            let verification = try await store.verifyAudit()
            #expect(verification.isIntact)
        }
    }

    @Test("a CSV saved from Korean Excel in CP949 lands, Hangul intact", arguments: Backend.all)
    func cp949(backend: Backend) async throws {
        try await backend.withStore { store in
            let text = "지표ID,기간,값,상태,출처,비고\r\n1-4.gci-rank,2021,10위,확정,국제전기통신연합,한글 메모\r\n"
            let bytes = F.cp949(text)
            #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture must not be UTF-8")
            let summary = try await importFile(store, F.file(bytes))
            #expect(summary.encoding == .cp949 && summary.rows == 1)
            let fact = try await store.facts(.observation, states: nil)[0]
            #expect(fact.entry.source == "국제전기통신연합" && fact.entry.note == "한글 메모")
        }
    }
}
