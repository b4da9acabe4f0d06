import ArgumentParser
import PlanStore

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the database.",
        subcommands: [Migrate.self]
    )

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending schema migrations (forward-only, each in one transaction).",
            discussion: "serve and every command that opens the database also migrate first; this command does only that."
        )

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let url = try DatabaseURL.resolve(store.db)
            let s = try StoreFactory.open(url)
            let applied: [String]
            do { applied = try await s.migrate() } catch {
                await s.shutdown()
                throw CLIFailure("cannot migrate \(url): \(error)")
            }
            await s.shutdown()
            Output.out(applied.isEmpty ? "\(url): schema is up to date" : "\(url): applied \(applied.joined(separator: "; "))")
        }
    }
}
