import ArgumentParser
import Foundation
import PlanCore
import PlanStore

/// `--db URL`, shared by every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("sqlite:PATH or postgres://user:password@host:port/db (default: $PLANWATCH_DB, else sqlite:planwatch.sqlite).", valueName: "URL"))
    var db: String?

    /// Opens the store and brings its schema up to date. `fallback` replaces the default
    /// file when neither `--db` nor `$PLANWATCH_DB` names one.
    func open(fallback: String? = nil) async throws -> any Store {
        let url: DatabaseURL
        let named = db ?? ProcessInfo.processInfo.environment["PLANWATCH_DB"]
        do { url = try DatabaseURL.resolve(named ?? fallback) } catch { throw ValidationError("\(error)") }
        let store: any Store
        do {
            store = try StoreFactory.open(url)
            try await store.migrate()
        } catch {
            throw CLIFailure("cannot open \(url): \(error)")
        }
        return store
    }

    /// Opens the store, runs `body` with it and closes it on every path, awaited, so nothing is
    /// left half-closed when the process exits. A refusal from the store (a duplicate, an
    /// unknown id) becomes a plain command-line error.
    func withStore<T>(fallback: String? = nil, _ body: (any Store) async throws -> T) async throws -> T {
        let store = try await open(fallback: fallback)
        do {
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch let error as StoreError {
            await store.shutdown()
            throw CLIFailure("\(error)")
        } catch {
            await store.shutdown()
            throw error
        }
    }
}

/// The plan the store works with: every stored version of it, and the one in force today (what
/// reports are checked against). An empty store, or `--plan FILE`, first loads the plan file and
/// the revisions beside it (`PlanFamily`), each as a version.
struct CurrentPlan {
    var history: PlanHistory
    /// The latest stored version.
    var version: PlanVersion
    var today: PlanHistory.Version

    var plan: Plan { today.plan }
    var index: PlanIndex { today.index }

    init(history: PlanHistory, version: PlanVersion) {
        self.history = history
        self.version = version
        today = history.inForce(on: Timestamp.now.koreanDay)
    }

    static func resolve(_ store: any Store, planOption: PlanOption, actor: Actor, quiet: Bool = false) async throws -> CurrentPlan {
        if planOption.plan == nil, let latest = try await store.planVersions().last, let history = try await store.planHistory() {
            return CurrentPlan(history: history, version: latest)
        }
        let family = try planOption.family()
        var last: PlanVersion?
        for member in family.members {
            let outcome = try await store.loadPlan(bytes: member.bytes, fileName: member.name, plan: member.plan, actor: actor)
            if outcome.isNew && !quiet {
                let what = member.plan.revision.map { "revision '\($0.title.ko)' (in force from \($0.effective.iso))" } ?? "plan '\(member.plan.id)'"
                Output.err("loaded \(what) from \(member.name) as version \(outcome.version.id)")
            }
            last = outcome.version
        }
        guard let last, let history = try await store.planHistory() else { throw CLIFailure("no plan was loaded") }
        return CurrentPlan(history: history, version: last)
    }
}

/// `--as USER`: who the command acts as; `cli:<OS user>` when not given.
enum CommandLineActor {
    static func resolve(_ name: String?) -> Actor {
        if let name, !name.isEmpty { return Actor("user:\(name)") }
        let env = ProcessInfo.processInfo.environment
        let user = env["USER"] ?? env["LOGNAME"] ?? getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "uid\(geteuid())"
        return .commandLine(user: user)
    }
}
