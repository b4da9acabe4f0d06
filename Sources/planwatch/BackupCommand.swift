import ArgumentParser
import PlanStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write an online, consistent backup of the database to FILE.",
        discussion: "SQLite: a consistent copy made with SQLite's backup API while the server keeps running. Restore by stopping the server and putting the file in place of planwatch.sqlite (docs/operations.md). PostgreSQL: a pg_dump custom-format archive."
    )

    @Argument(help: ArgumentHelp("The backup file to create (must not exist).", valueName: "FILE"))
    var file: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let s = try await store.open()
        do {
            try await s.backup(to: file)
        } catch {
            await s.shutdown()
            throw CLIFailure("backup failed: \(error)")
        }
        let check = try await s.verifyAudit()
        await s.shutdown()
        Output.out("backed up to \(file) (\(check.events) audit events, \(check.facts) facts)")
    }
}
