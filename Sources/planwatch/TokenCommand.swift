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
        @Option(help: "Days until the token stops working (1 to 1825).") var expiresInDays = APIToken.defaultLifetimeDays
        @Option(help: "The account whose token it is: four eyes counts what the token records, submits and approves as that person's. Without it the token is a person of its own.")
        var account: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            guard let role = Role(rawValue: role), role != .admin else { throw ValidationError("--role must be reporter, coordinator or viewer") }
            guard TokenIssuer.lifetimes.contains(expiresInDays) else { throw ValidationError("--expires-in-days must be 1 to 1825") }
            try await store.withStore { s in
                let directory = Directory(store: s)
                guard try await directory.organization(org) != nil else { throw CLIFailure("no organization '\(org)' (see `planwatch org list`)") }
                if let account, try await directory.account(account) == nil { throw CLIFailure("no account '\(account)' (see `planwatch user list`)") }
                let issued = try await TokenIssuer.issue(name: name, role: role, organizationId: org, validForDays: expiresInDays, account: account,
                                                         directory: directory, actor: CommandLineActor.resolve(nil), at: .now)
                let expires = issued.token.expiresAt.map { Timestamp(seconds: $0).koreanDay.iso } ?? "never"
                Output.err("made token \(issued.token.id) (\(role.rawValue) of \(org), expires \(expires)); the secret below is shown only now:")
                Output.out(issued.secret)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List API tokens (ids, never secrets): id, role, organization, name, state, expiry day, last use, the person it acts for.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                let directory = Directory(store: s)
                let uses = try await directory.tokenUses()
                let now = Timestamp.now
                for t in try await directory.tokens() {
                    let state = t.isRevoked ? "revoked" : t.isExpired(at: now) ? "expired" : "active"
                    let expires = t.expiresAt.map { Timestamp(seconds: $0).koreanDay.iso } ?? "never"
                    let used = uses[t.id]?.iso ?? "never used"
                    Output.out(AuditText.printable([t.id, t.role.rawValue, t.organizationId, t.name, state, expires, used, t.person].joined(separator: "\t")))
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
