import ArgumentParser
import PlanCore
import PlanStore
import PlanWeb

/// `planwatch token add|list|revoke`: API tokens for a ministry's own system or a script, made
/// without a browser. The secret is printed once, on standard output, and only its digest is kept.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage API tokens: add, list, revoke.",
        subcommands: [Add.self, List.self, Revoke.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an API token and print its secret once.",
                                                        discussion: "Example: planwatch token add 'msit nightly upload' --org msit --role reporter")
        @Argument(help: "What the token is for, shown in lists.") var name: String
        @Option(help: "The organization the token reports for.") var org: String
        @Option(help: "reporter, coordinator or viewer.") var role: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let role = Role(rawValue: role), role != .admin else { throw ValidationError("--role must be reporter, coordinator or viewer") }
            try await store.withStore { s in
                let directory = Directory(store: s)
                guard try await directory.organization(org) != nil else { throw CLIFailure("no organization '\(org)' (see `planwatch org list`)") }
                let issued = try await TokenIssuer.issue(name: name, role: role, organizationId: org, directory: directory,
                                                         actor: CommandLineActor.resolve(nil), at: .now)
                Output.err("made token \(issued.token.id) (\(role.rawValue) of \(org)); the secret below is shown only now:")
                Output.out(issued.secret)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List API tokens (ids, never secrets).")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                for t in try await Directory(store: s).tokens() {
                    Output.out([t.id, t.role.rawValue, t.organizationId, t.name, t.revokedAt == nil ? "active" : "revoked"].joined(separator: "\t"))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an API token by its id.")
        @Argument var id: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                do {
                    try await Directory(store: s).revokeToken(id: id, actor: CommandLineActor.resolve(nil), at: .now)
                } catch StoreError.notFound {
                    throw CLIFailure("no token '\(id)' (see `planwatch token list`)")
                }
                Output.out("revoked token \(id)")
            }
        }
    }
}
