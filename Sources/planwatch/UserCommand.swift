import ArgumentParser
import Foundation
import PlanCore
import PlanStore
import PlanWeb

/// `planwatch user add|list|disable|reset-password`: accounts from the command line, for the
/// first administrator and for operators. Passwords are read from the terminal without echo,
/// or from standard input with `--password-stdin`; never from an argument.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts: add, list, disable, reset-password.",
        subcommands: [Add.self, List.self, Disable.self, ResetPassword.self, Email.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account.",
                                                        discussion: "Example: planwatch user add kim --org msit --role reporter --name '김민지'")
        @Argument(help: "Username: 2-40 of a-z, 0-9, '.', '_', '-'.") var username: String
        @Option(help: "The organization the account belongs to (see `planwatch org list`).") var org: String
        @Option(help: "admin, coordinator, reporter or viewer.") var role: String
        @Option(help: "The name shown on screens (default: the username).") var name: String?
        @Option(help: "Where notifications are emailed (never shown to other organizations).") var email: String?
        @Option(help: "The language of notifications: ko (default) or en.") var language: String = "ko"
        @Flag(help: "Read the password from standard input (one line).") var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let email, !MailAddress.isValid(email) { throw ValidationError("--email \(email) is not an email address (local@domain, ASCII only)") }
            if Language(rawValue: language) == nil { throw ValidationError("--language must be ko or en") }
        }

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role must be admin, coordinator, reporter or viewer") }
            let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
            try await store.withStore { s in
                let directory = Directory(store: s)
                let now = Timestamp.now
                var account = Account(username: username.lowercased(), displayName: name ?? username, organizationId: org, role: role,
                                      passwordHash: Passwords.hash(password, cost: 12), createdAt: now)
                account.email = email
                account.language = Language(rawValue: language)
                try await directory.addAccount(account, actor: CommandLineActor.resolve(nil), at: now)
                Output.out("added \(role.rawValue) '\(account.username)' of \(org)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                let accounts = try await Directory(store: s).accounts()
                if accounts.isEmpty { Output.out("no accounts yet; add the first admin with: planwatch user add NAME --org ORG --role admin") }
                for a in accounts {
                    Output.out([a.username, a.role.rawValue, a.organizationId, a.displayName, a.disabled ? "disabled" : "active"].joined(separator: "\t"))
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @Argument var username: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                let directory = Directory(store: s)
                guard var account = try await directory.account(username) else { throw CLIFailure("no account '\(username)'") }
                account.disabled = true
                let now = Timestamp.now
                try await directory.updateAccount(account, action: "account.disable", actor: CommandLineActor.resolve(nil), at: now)
                try await directory.endSessions(of: username, at: now)
                Output.out("disabled '\(username)'")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Set a new password and end the account's sessions.")
        @Argument var username: String
        @Flag(help: "Read the password from standard input (one line).") var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
            try await store.withStore { s in
                let directory = Directory(store: s)
                guard var account = try await directory.account(username) else { throw CLIFailure("no account '\(username)'") }
                let now = Timestamp.now
                account.passwordHash = Passwords.hash(password, cost: 12)
                account.passwordChangedAt = now.seconds
                try await directory.updateAccount(account, action: "account.password", actor: CommandLineActor.resolve(nil), at: now)
                try await directory.endSessions(of: username, at: now)
                Output.out("new password set for '\(username)'")
            }
        }
    }

    struct Email: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set (or with no address, remove) the address an account's notifications are emailed to.",
                                                        discussion: "The change is an audit event, account.email, with the address masked.")
        @Argument(help: "The username.") var username: String
        @Argument(help: "The new address; leave out to remove it.") var address: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                let directory = Directory(store: s)
                guard let account = try await directory.account(username.lowercased()) else { throw CLIFailure("no account '\(username)'") }
                try await directory.setPreferences(username: account.username, email: address, language: account.notificationLanguage,
                                                   muted: Set(account.mutedNotifications ?? []), actor: CommandLineActor.resolve(nil), at: .now)
                Output.out(address.map { "notifications of '\(account.username)' go to \($0)" } ?? "'\(account.username)' has no email address now")
            }
        }
    }
}

/// Reads a password without echo on a terminal, or one line from a pipe.
enum PasswordInput {
    static func read(fromStdin: Bool, confirm: Bool) throws -> String {
        let password: String
        if fromStdin || isatty(0) == 0 {
            guard let line = readLine(strippingNewline: true) else { throw CLIFailure("no password on standard input") }
            password = line
        } else {
            password = prompt("Password (\(Passwords.minimumLength) to \(Passwords.maximumLength) characters): ")
            if confirm, prompt("Password again: ") != password { throw CLIFailure("the two passwords differ") }
        }
        if Passwords.problem(password) != nil {
            throw CLIFailure("a password needs \(Passwords.minimumLength) to \(Passwords.maximumLength) characters, with no NUL")
        }
        return password
    }

    static func prompt(_ text: String) -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var old = termios()
        tcgetattr(0, &old)
        var silent = old
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSANOW, &silent)
        let line = readLine(strippingNewline: true) ?? ""
        tcsetattr(0, TCSANOW, &old)
        FileHandle.standardError.write(Data("\n".utf8))
        return line
    }
}
