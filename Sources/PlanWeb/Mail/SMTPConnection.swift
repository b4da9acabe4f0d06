import NIOCore
import NIOPosix
import NIOSSL
import PlanCore

/// One conversation with the relay (RFC 5321): greeting, EHLO, STARTTLS and EHLO again, AUTH
/// PLAIN or LOGIN, then any number of messages, each MAIL FROM, RCPT TO, DATA and the
/// dot-stuffed text. One task uses it at a time. Every wait for a reply has a limit; when it
/// passes, the connection is closed.
final class SMTPConnection {
    private let channel: any Channel
    private let handler: SMTPReplyHandler
    private let relay: SMTPRelay
    private(set) var capabilities: SMTPCapabilities

    private init(channel: any Channel, handler: SMTPReplyHandler, relay: SMTPRelay) {
        self.channel = channel
        self.handler = handler
        self.relay = relay
        capabilities = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: [""]))
    }

    static func tlsContext(_ relay: SMTPRelay) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caFile = relay.caFile { configuration.trustRoots = .file(caFile) }
        return try NIOSSLContext(configuration: configuration)
    }

    /// The host name to check the certificate against; nil for an address, which carries no name.
    static func serverName(_ host: String) -> String? {
        host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
    }

    /// Connects, reads the greeting, says EHLO, starts TLS and signs in as the relay asks.
    static func open(_ relay: SMTPRelay, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> SMTPConnection {
        let handler = SMTPReplyHandler()
        let context = relay.security == .none ? nil : try tlsContext(relay)
        let implicitTLS = relay.security == .tls
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.nanoseconds(Int64(relay.connectTimeout.components.seconds) * 1_000_000_000))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS, let context {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName(relay.host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .connect(host: relay.host, port: relay.port).get()
        let connection = SMTPConnection(channel: channel, handler: handler, relay: relay)
        do {
            try await connection.expect(220, to: "the greeting", try await connection.reply(for: "the greeting"))
            try await connection.hello()
            if relay.security == .startTLS {
                guard connection.capabilities.startTLS else {
                    throw SMTPFailure.unsupported("the relay does not offer STARTTLS; use smtps:// or, for a relay on this machine, smtp+insecure://")
                }
                let name = serverName(relay.host)
                // Made on the event loop, where the handler lives, and added there when the relay says go ahead.
                try await channel.eventLoop.submit { handler.startTLS = try NIOSSLClientHandler(context: context!, serverHostname: name) }.get()
                try await connection.expect(220, to: "STARTTLS", try await connection.send("STARTTLS"))
                try await connection.hello()
            }
            if let credentials = relay.credentials { try await connection.authenticate(credentials) }
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    private func hello() async throws {
        let reply = try await send("EHLO \(relay.heloName)")
        try expect(250, to: "EHLO", reply)
        capabilities = SMTPCapabilities(ehlo: reply)
    }

    private func authenticate(_ c: SMTPRelay.Credentials) async throws {
        let mechanisms = capabilities.authMechanisms
        if mechanisms.contains("PLAIN") {
            let token = Base64.encode([0] + Array(c.username.utf8) + [0] + Array(c.password.utf8))
            try expect(235, to: "AUTH", try await send("AUTH PLAIN \(token)", shown: "AUTH PLAIN ****"))
        } else if mechanisms.contains("LOGIN") {
            try expect(334, to: "AUTH", try await send("AUTH LOGIN"))
            try expect(334, to: "AUTH", try await send(Base64.encode(Array(c.username.utf8)), shown: "AUTH LOGIN user name"))
            try expect(235, to: "AUTH", try await send(Base64.encode(Array(c.password.utf8)), shown: "AUTH LOGIN password"))
        } else {
            throw SMTPFailure.unsupported("the relay offers no sign-in Planwatch speaks (PLAIN or LOGIN); it offers \(mechanisms.sorted())")
        }
    }

    /// Sends one message. The relay has it once this returns.
    func send(_ message: MailMessage) async throws {
        let eightBit = capabilities.eightBitMIME
        let bytes = try message.rendered(eightBit: eightBit)
        if let limit = capabilities.sizeLimit, bytes.count > limit {
            throw SMTPFailure.rejected(command: "message", reply: SMTPReply(code: 552, lines: ["larger than the relay's limit of \(limit) bytes"]))
        }
        try expect(250, to: "MAIL", try await send("MAIL FROM:<\(relay.from.address)>" + (eightBit ? " BODY=8BITMIME" : "")))
        let rcpt = try await send("RCPT TO:<\(message.to.address)>")
        guard rcpt.code == 250 || rcpt.code == 251 else { throw SMTPFailure.rejected(command: "RCPT", reply: rcpt) }
        try expect(354, to: "DATA", try await send("DATA"))
        try expect(250, to: "DATA", try await write(SMTPData.encode(bytes), waitingFor: "the message's end"))
    }

    /// Forgets a message half sent (after a refusal), keeping the connection.
    func reset() async throws {
        try expect(250, to: "RSET", try await send("RSET"))
    }

    func quit() async {
        _ = try? await send("QUIT")
        close()
    }

    func close() {
        channel.close(promise: nil)
    }

    var isActive: Bool { channel.isActive }

    // MARK: Commands and replies

    private func expect(_ code: Int, to command: String, _ reply: SMTPReply) throws {
        guard reply.code == code else { throw SMTPFailure.rejected(command: command, reply: reply) }
    }

    /// Writes a command line (which must not hold CR or LF) and waits for its reply.
    private func send(_ line: String, shown: String? = nil) async throws -> SMTPReply {
        guard !line.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw SMTPFailure.protocolViolation("a command may not hold a line break")
        }
        return try await write(Array((line + "\r\n").utf8), waitingFor: shown ?? String(line.prefix(4)))
    }

    private func write(_ bytes: [UInt8], waitingFor what: String) async throws -> SMTPReply {
        let buffer = channel.allocator.buffer(bytes: bytes)
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let handler = handler
        channel.eventLoop.execute { handler.next(promise) }
        channel.writeAndFlush(buffer, promise: nil)
        return try await waitForReply(promise, what)
    }

    /// A reply that comes without a command: the greeting.
    private func reply(for what: String) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let handler = handler
        channel.eventLoop.execute { handler.next(promise) }
        return try await waitForReply(promise, what)
    }

    private func waitForReply(_ promise: EventLoopPromise<SMTPReply>, _ what: String) async throws -> SMTPReply {
        let channel = channel
        let handler = handler
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(relay.replyTimeout.components.seconds)) {
            handler.expire(promise, SMTPFailure.timedOut(command: what), context: channel)
        }
        defer { timeout.cancel() }
        return try await promise.futureResult.get()
    }
}
