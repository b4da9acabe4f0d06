import ArgumentParser

/// The `planwatch` command line: thin wrappers over PlanCore, PlanStore and PlanWeb.
@main
struct Planwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planwatch",
        abstract: "Run a national plan after it is published: hold it as data, collect actuals, judge progress, publish.",
        subcommands: [ServeCommand.self, PlanCommand.self, DatabaseCommand.self, ImportCommand.self, AssessCommand.self, ReportCommand.self, ExportCommand.self, UserCommand.self, OrgCommand.self, TokenCommand.self, AuditCommand.self, BackupCommand.self]
    )
}
