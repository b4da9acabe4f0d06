import ArgumentParser
import Hummingbird
import Logging
import PlanWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the plan's public site and API."
    )

    @OptionGroup var planOption: PlanOption

    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    func run() async throws {
        let plan = try planOption.load()
        var logger = Logger(label: "planwatch")
        logger.logLevel = .info
        let app = buildApplication(plan: plan, configuration: WebConfiguration(host: host, port: port), logger: logger)
        logger.info("serving '\(plan.id)' at http://\(host):\(port)/")
        try await app.runService()
    }
}
