import ArgumentParser
import PlanCore
import PlanStore

/// `planwatch org add|assign|list`: the organizations that report, and their projects.
struct OrgCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Manage organizations: add, assign, list.",
        subcommands: [Add.self, Assign.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an organization.",
                                                        discussion: "Example: planwatch org add msit --name-ko 과학기술정보통신부 --name-en 'Ministry of Science and ICT'")
        @Argument(help: "A short id: a-z, 0-9, '.', '_', '-'.") var id: String
        @Option(name: .customLong("name-ko"), help: "The Korean name.") var nameKo: String
        @Option(name: .customLong("name-en"), help: "The English name.") var nameEn: String?
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                try await Directory(store: s).addOrganization(OrganizationRecord(id: id.lowercased(), nameKo: nameKo, nameEn: nameEn ?? nameKo),
                                                              actor: CommandLineActor.resolve(nil), at: .now)
                Output.out("added organization '\(id.lowercased())'")
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let an organization report on a project (or a task's project).",
                                                        discussion: "Example: planwatch org assign msit 1-1")
        @Argument var org: String
        @Argument(help: "A project id (1-1) or a task id.") var entity: String
        @OptionGroup var store: StoreOptions
        @OptionGroup var planOption: PlanOption

        func run() async throws {
            try await store.withStore { s in
                let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: CommandLineActor.resolve(nil), quiet: true)
                guard current.index.project(entity) != nil || current.index.task(entity) != nil else {
                    throw CLIFailure("no project or task '\(entity)' in plan '\(current.plan.id)'")
                }
                try await Directory(store: s).assign(Assignment(organizationId: org, entityId: entity), actor: CommandLineActor.resolve(nil), at: .now)
                Output.out("'\(org)' now reports on \(entity)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organizations and their assignments.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { s in
                let directory = Directory(store: s)
                let assignments = try await directory.assignments()
                for o in try await directory.organizations() {
                    let mine = assignments.filter { $0.organizationId == o.id }.map(\.entityId).sorted()
                    Output.out([o.id, o.nameKo, o.nameEn, mine.joined(separator: ",")].joined(separator: "\t"))
                }
            }
        }
    }
}
