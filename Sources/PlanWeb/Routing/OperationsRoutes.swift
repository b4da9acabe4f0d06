import Foundation
import Hummingbird
import PlanCore

/// What operators and monitoring read: liveness, the read model's version and age, and the
/// Prometheus metrics.
///
/// Only liveness (`/healthz`, which says "ok" and nothing else) is public. Readiness and the
/// metrics tell a stranger how far behind the audit chain a server is, how many requests each
/// route answers and how long they take: they are served on the operations listener
/// (`--ops-port`), or on the site's own port only with the operations token
/// (`--ops-token-file`), and are not found otherwise.
enum OperationsRoutes {
    /// Who may read readiness and the metrics on a router.
    enum Access: Sendable {
        /// Anyone who reaches the router: the operations listener, bound where only operators are.
        case open
        /// Only a request with `Authorization: Bearer TOKEN`; to anyone else they do not exist.
        case token(String)
        /// Nobody: the site's port when no token is configured.
        case hidden

        func allows(_ request: Request) -> Bool {
            switch self {
            case .open: return true
            case .hidden: return false
            case .token(let token):
                guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return false }
                return Secrets.equal(String(header.dropFirst(7)).trimmingSpaces, token)
            }
        }
    }

    static func register<Context: RequestContext>(on router: Router<Context>, site: Site, access: Access) {
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        if case .hidden = access { return }
        // Ready: the database answers. Says how far this server's read model is behind the
        // audit chain, which is what a load balancer or an operator of several servers wants.
        router.get("/readyz") { request, _ in
            guard access.allows(request) else { throw HTTPError(.notFound) }
            let model = site.model
            var status = HTTPResponse.Status.ok
            var text = "ready\nread model version \(model.version)\n"
            if let store = site.store {
                do {
                    let head = try await store.auditHead()
                    text += "audit events reflected \(site.auditSeen) of \(head)\n"
                } catch {
                    status = .serviceUnavailable
                    text = "not ready: the database does not answer\n"
                }
            }
            return Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/metrics") { request, _ in
            guard access.allows(request) else { throw HTTPError(.notFound) }
            let model = site.model
            site.metrics.makeGauge(name: "planwatch_read_model_age_seconds", help: "Seconds since the read model was last published.")
                .set(Double(Timestamp.now.seconds - model.builtAt.seconds))
            site.metrics.makeGauge(name: "planwatch_read_model_version", help: "Version of the published read model; rises with every publication.")
                .set(Double(model.version))
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16 << 10)
            site.metrics.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
