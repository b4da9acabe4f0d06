import ArgumentParser
import PlanCore
import PlanStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Inspect and verify the tamper-evident audit chain.",
        subcommands: [Verify.self, Log.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the chain, re-derive every fact from it, and report the first broken link (exit 1)."
        )

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let s = try await store.open()
            let result = try await s.verifyAudit()
            await s.shutdown()
            if let problem = result.firstProblem {
                Output.out("audit chain BROKEN at \(problem)")
                Output.out("(\(result.events) events, \(result.facts) facts checked)")
                throw ExitCode(1)
            }
            Output.out("audit chain intact: \(result.events) events, \(result.facts) facts verified")
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print audit events, oldest first.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Start after this sequence number.")
        var after: Int64 = 0

        @Option(help: "How many events.")
        var limit = 50

        func run() async throws {
            let s = try await store.open()
            let events = try await s.auditEvents(after: after, limit: limit)
            await s.shutdown()
            for e in events {
                // Escaped again here: events written before names were cut and escaped are printed too.
                let line = "#\(e.seq) \(e.at.iso) \(e.actor) \(e.action) \(e.entity) \(e.after.compact.prefix(160)) \(e.hash.prefix(12))"
                Output.out(AuditText.printable(line))
            }
        }
    }
}
