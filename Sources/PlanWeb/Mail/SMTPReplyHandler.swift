import NIOCore
import NIOSSL
import PlanCore

/// Reads the relay's replies on the event loop and hands each to the command waiting for it,
/// in order. When STARTTLS is answered with 220, TLS is put in front of it before another byte
/// is read; a byte that came with that 220 is a man in the middle's, and ends the connection.
///
/// Touched only on its channel's event loop (`SMTPConnection` submits every call there).
final class SMTPReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var parser = SMTPReplyParser()
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var ready: [SMTPReply] = []
    private var failure: (any Error)?
    /// Set before STARTTLS is sent: the TLS handler to add when the relay says go ahead.
    var startTLS: NIOSSLClientHandler?

    /// The next reply, or the error that ended the connection.
    func next(_ promise: EventLoopPromise<SMTPReply>) {
        if !ready.isEmpty {
            promise.succeed(ready.removeFirst())
        } else if let failure {
            promise.fail(failure)
        } else {
            waiting.append(promise)
        }
    }

    /// Fails `promise` with `error` and ends the connection, unless its reply came first.
    func expire(_ promise: EventLoopPromise<SMTPReply>, _ error: any Error, context channel: any Channel) {
        guard let i = waiting.firstIndex(where: { $0.futureResult === promise.futureResult }) else { return }
        waiting.remove(at: i)
        promise.fail(error)
        channel.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        parser.feed(buffer.readableBytesView)
        do {
            while let reply = try parser.next() {
                if let tls = startTLS {
                    startTLS = nil
                    if reply.code == 220 {
                        guard !parser.hasBufferedBytes else { throw SMTPFailure.protocolViolation("bytes arrived with the relay's go-ahead for STARTTLS") }
                        try context.pipeline.syncOperations.addHandler(tls, position: .before(self))
                    }
                }
                deliver(reply)
            }
        } catch {
            fail(error, context: context)
        }
    }

    private func deliver(_ reply: SMTPReply) {
        if waiting.isEmpty { ready.append(reply) } else { waiting.removeFirst().succeed(reply) }
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        if failure == nil { failure = error }
        let promises = waiting
        waiting = []
        promises.forEach { $0.fail(error) }
        context.close(promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPFailure.connectionClosed, context: context)
        context.fireChannelInactive()
    }
}

/// Why sending failed, and whether trying again could help.
enum SMTPFailure: Error, Sendable, CustomStringConvertible {
    /// The relay answered a command with a code it should not have.
    case rejected(command: String, reply: SMTPReply)
    case connectionClosed
    case timedOut(command: String)
    case protocolViolation(String)
    case unsupported(String)

    /// A refusal that will not change on its own for this message: a 5xx to the recipient or the message itself.
    var isPermanentForMessage: Bool {
        if case .rejected(let command, let reply) = self { return reply.isPermanent && (command == "RCPT" || command == "DATA" || command == "message") }
        return false
    }

    var description: String {
        switch self {
        case .rejected(let command, let reply): return "the relay refused \(command): \(reply)"
        case .connectionClosed: return "the relay closed the connection"
        case .timedOut(let command): return "no reply from the relay to \(command) in time"
        case .protocolViolation(let m): return "the relay broke the protocol: \(m)"
        case .unsupported(let m): return m
        }
    }
}
