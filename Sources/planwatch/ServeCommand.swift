import Foundation
import ArgumentParser
import Hummingbird
import Logging
import Metrics
import PlanCore
import PlanStore
import PlanWeb
import Prometheus

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the plan's public site and API.",
        discussion: """
        On a fresh database the default plan (or --plan FILE) is loaded first, and with the Digital New Deal the \
        outcomes that ministries and surveys published (Data/digital-new-deal-outcomes.csv), each with its source. \
        --empty loads the bare plan instead. --demo loads invented sample actuals (Examples/demo) into \
        planwatch-demo.sqlite unless --db names another database; every page then says the figures are not real.
        """
    )

    @OptionGroup var planOption: PlanOption
    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "Event-loop threads (default: one per core).")
    var threads: Int?

    @Option(name: .long, help: "Days after a period's end when its values are due.")
    var dueAfterDays = 60

    @Option(name: .long, help: "Days after a period's end when reporters can no longer change it without an unlock.")
    var lockAfterDays = 90

    @Option(name: .long, help: "Flag a submitted value that is more than this many times (or less than 1/this of) the previous one.")
    var jumpFactor = 3.0

    @Option(name: .long, help: "Minutes without a request after which a session ends.")
    var sessionIdleMinutes = 30

    @Option(name: .long, help: "Mark cookies Secure: auto (when the request came over TLS, directly or per X-Forwarded-Proto), always, never.")
    var secureCookies: String = "auto"

    @Option(name: .long, help: "Milliseconds between looks for changes made by other processes on the same database (other servers, imports).")
    var followMilliseconds = 500
    @Flag(inversion: .prefixedNo, help: "Write one log line per request, with its X-Request-Id.")
    var accessLog = true
    @Option(name: .long, help: "Open connections beyond this many are closed at once.")
    var maxConnections = 4096
    @Option(name: .long, help: "Seconds a connection may stay idle before it is closed.")
    var idleTimeoutSeconds = 60
    @Option(name: .long, help: "Largest upload, form or API request body, in MB.")
    var maxUploadMB = 10

    @Option(name: .customLong("upload-seconds"), help: "How long checking one uploaded file may take before it is stopped and refused (at most one upload is checked at a time per spare core).")
    var uploadSeconds = 60
    @Option(name: .long, help: "Also listen on this port for /healthz, /readyz and /metrics only (for monitoring and the load balancer's readiness check).")
    var opsPort: Int?
    @Option(name: .long, help: "Address the --ops-port listener binds to; keep it off the internet.")
    var opsHost = "127.0.0.1"
    @Option(name: .long, help: ArgumentHelp("A file holding a token (at least 20 characters) with which /readyz and /metrics also answer on --port, to `Authorization: Bearer TOKEN`. Without it or --ops-port they are not served.",
                                            valueName: "file"))
    var opsTokenFile: String?
    @Option(name: .long, help: ArgumentHelp("The address of a proxy (the load balancer) whose X-Forwarded-For names the client; repeat for several. The sign-in limit per address then counts each client, not the proxy.",
                                            valueName: "address"))
    var trustedProxy: [String] = []
    @Option(name: .long, help: ArgumentHelp("The site's address as readers reach it (default: http://HOST:PORT), drawn into downloaded charts, given in the code that embeds them and linked from emails.",
                                            valueName: "url"))
    var publicURL: String?
    @Option(name: .long, help: ArgumentHelp("The mail relay notifications are emailed through: smtp://HOST:PORT (STARTTLS, required), smtps://HOST:PORT (TLS), or smtp+insecure://HOST:PORT (no TLS, for a relay on this machine). Without it, notifications stay in each person's inbox in the workspace.", valueName: "url"))
    var smtpUrl: String?
    @Option(name: .long, help: ArgumentHelp("A file with the relay's user name on the first line and password on the second.", valueName: "file"))
    var smtpCredentialsFile: String?
    @Option(name: .long, help: ArgumentHelp("The sender of notifications, e.g. '디지털뉴딜반 <noreply@pmo.go.kr>'.", valueName: "address"))
    var smtpFrom: String?
    @Option(name: .long, help: ArgumentHelp("A PEM file of the certificate authorities to trust for the relay instead of the system's.", valueName: "file"))
    var smtpCaFile: String?
    @Option(name: .long, help: "Seconds before the first retry of an email the relay did not take; each later wait doubles (at most 64 times, and at most an hour).")
    var smtpRetrySeconds = 30
    @Option(name: .long, help: "Seconds a server holds an email it is sending before another server may take it over (longer than any one delivery takes).")
    var smtpLeaseSeconds = 600
    @Option(name: .long, help: "Seconds between looks for reporting rounds' reminders that are due.")
    var reminderIntervalSeconds = 600
    @Flag(help: "For an office of one person only: let whoever recorded or submitted a value approve it too (four eyes off). Every such approval is audited as fact.self-approve.")
    var allowSelfApproval = false
    @Flag(help: "Load invented sample actuals so the dashboard has something to show (never on a real database).")
    var demo = false
    @Flag(help: "On a fresh database, load the bare plan without the published outcomes.")
    var empty = false

    func validate() throws {
        if demo && empty { throw ValidationError("--demo and --empty cannot go together: --demo loads sample values, --empty loads none") }
        if let opsPort, opsPort == port { throw ValidationError("--ops-port must differ from --port") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) || publicURL.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" }) {
            throw ValidationError("--public-url \(publicURL) is not an http:// or https:// address")
        }
        if smtpUrl != nil && smtpFrom == nil { throw ValidationError("--smtp-url needs --smtp-from, the address notifications are sent from") }
        if smtpUrl == nil && (smtpFrom != nil || smtpCredentialsFile != nil || smtpCaFile != nil) {
            throw ValidationError("--smtp-from, --smtp-credentials-file and --smtp-ca-file go with --smtp-url")
        }
        if smtpRetrySeconds < 1 || smtpLeaseSeconds < 1 || reminderIntervalSeconds < 1 {
            throw ValidationError("--smtp-retry-seconds, --smtp-lease-seconds and --reminder-interval-seconds must be at least 1")
        }
        for proxy in trustedProxy where !ClientAddress.isAddress(proxy) {
            throw ValidationError("--trusted-proxy \(proxy) is not an IP address")
        }
    }

    func run() async throws {
        var logger = Logger(label: "planwatch")
        logger.logLevel = .info
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let s = try await store.open(fallback: demo ? "sqlite:planwatch-demo.sqlite" : nil)
        let clock = ContinuousClock()
        let started = clock.now
        let (current, head, facts) = try await startingState(s, logger: logger)
        let read = clock.now
        guard let secure = WorkspaceSettings.SecureCookies(rawValue: secureCookies) else {
            throw ValidationError("--secure-cookies must be auto, always or never")
        }
        var settings = WorkspaceSettings()
        settings.dueAfterDays = dueAfterDays
        settings.lockAfterDays = lockAfterDays
        settings.jumpFactor = jumpFactor
        settings.sessionIdleSeconds = Int64(sessionIdleMinutes) * 60
        settings.secureCookies = secure
        settings.maxUploadBytes = max(1, maxUploadMB) << 20
        settings.uploadSeconds = max(1, uploadSeconds)
        settings.trustedProxies = Set(trustedProxy)
        settings.allowSelfApproval = allowSelfApproval
        settings.publicURL = String((publicURL ?? "http://\(host):\(port)").reversed().drop { $0 == "/" }.reversed())
        let mail = try mailSettings(publicURL: settings.publicURL)
        settings.mailRelayConfigured = mail != nil
        if allowSelfApproval {
            logger.warning("--allow-self-approval: whoever records or submits a value may approve it; each such approval is audited as fact.self-approve")
        }
        let directory = Directory(store: s)
        let factCount = facts.count
        // Handed over, not copied: at national scale the facts are most of the memory.
        let model = ReadModel(version: 1, history: current.history, facts: consume facts, today: Timestamp.now.koreanDay)
        logger.info("read the plan and \(factCount) approved values in \(Self.seconds(read - started)) s, built the read model in \(Self.seconds(clock.now - read)) s")
        let site = Site(model: model, store: s, settings: settings, metrics: registry, logger: logger)
        site.markCaughtUp(through: head)
        try await site.reloadPolicy()
        if try await directory.accounts().isEmpty {
            let orgs = try await directory.organizations().map(\.id).joined(separator: ", ")
            logger.notice("""
                no accounts yet, so nobody can sign in. Create the first administrator (there is no default password):
                  planwatch user add NAME --org ORG --role admin\(store.db.map { " --db \($0)" } ?? "")
                organizations so far: \(orgs); add your own with: planwatch org add ID --name-ko 이름
                """)
        }
        let app = try buildApplication(site: site, configuration: WebConfiguration(host: host, port: port, threads: threads,
                                                                                followInterval: .milliseconds(max(50, followMilliseconds)),
                                                                                accessLog: accessLog, maxConnections: max(1, maxConnections),
                                                                                idleTimeoutSeconds: max(1, idleTimeoutSeconds), opsPort: opsPort,
                                                                                opsHost: opsHost, opsToken: try opsToken(), mail: mail,
                                                                                reminderInterval: .seconds(reminderIntervalSeconds)), logger: logger)
        if let mail { logger.info("emailing notifications from \(mail.relay.from.address) through \(mail.relay.host):\(mail.relay.port) (\(mail.relay.security.rawValue))") }
        if let opsPort { logger.info("readiness and metrics at http://\(opsHost):\(opsPort)/readyz and /metrics") }
        logger.info("serving '\(current.plan.id)' (plan version \(current.version.id), \(factCount) approved values) from \(s.backendName) at http://\(host):\(port)/")
        try await app.runService()
        await s.shutdown()
    }

    /// The relay and how to use it, from the `--smtp-…` options; nil without `--smtp-url`.
    private func mailSettings(publicURL: String) throws -> MailSettings? {
        guard let smtpUrl, let smtpFrom else { return nil }
        do {
            let from = try MailAddress(parsing: smtpFrom)
            var credentials: SMTPRelay.Credentials?
            if let file = smtpCredentialsFile { credentials = try SMTPRelay.credentials(file: file) }
            let relay = try SMTPRelay(url: smtpUrl, credentials: credentials, from: from, caFile: smtpCaFile)
            return MailSettings(relay: relay, siteURL: publicURL, leaseSeconds: Int64(smtpLeaseSeconds),
                                firstRetrySeconds: Int64(smtpRetrySeconds))
        } catch let error as MailError {
            throw CLIFailure("--smtp-from: \(error)")
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// The operations token from `--ops-token-file`, trimmed; nil without the option.
    private func opsToken() throws -> String? {
        guard let opsTokenFile else { return nil }
        guard let data = FileManager.default.contents(atPath: opsTokenFile) else { throw CLIFailure("cannot read --ops-token-file \(opsTokenFile)") }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 20 else { throw CLIFailure("the token in \(opsTokenFile) needs at least 20 characters") }
        return token
    }

    /// The plan, the audit head and the approved facts the first read model is built from. On a
    /// database that already holds the plan, reading the plan and reading the facts are
    /// independent, so they run side by side: at national scale that is the larger part of
    /// starting. Loading a plan file or sample values writes, so the facts are read after.
    private func startingState(_ s: any Store, logger: Logger) async throws -> (CurrentPlan, Int64, FactSet) {
        let fresh = try await s.planVersions().isEmpty
        if planOption.plan == nil && !demo && !fresh {
            // The head is read first: anything audited after it is caught up later, never skipped.
            let head = try await s.auditHead()
            async let facts = s.publishedFacts()
            let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: .system)
            return (current, head, try await facts)
        }
        let current = try await CurrentPlan.resolve(s, planOption: planOption, actor: .system)
        if demo {
            let added = try await SampleData.load(into: s, index: current.index, planVersion: current.version.id)
            if added > 0 { logger.info("loaded \(added) sample values (not real) from Examples/demo") }
        } else if fresh && !empty {
            let added = try await PublishedOutcomes.load(into: s, index: current.index, planVersion: current.version.id)
            if added > 0 { logger.info("loaded \(added) published outcomes, each with its source, from \(PublishedOutcomes.file)") }
        }
        let head = try await s.auditHead()
        return (current, head, try await s.publishedFacts())
    }

    private static func seconds(_ d: Duration) -> String {
        String(format: "%.2f", d.inSeconds)
    }
}
