import Foundation
import Hummingbird
import PlanCore

/// What operators and monitoring read: liveness, the read model's version and age, and the
/// Prometheus metrics.
enum OperationsRoutes {
    static func register(on router: Router<SiteRequestContext>, site: Site) {
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        // Ready: the database answers. Says how far this server's read model is behind the
        // audit chain, which is what a load balancer or an operator of several servers wants.
        router.get("/readyz") { _, _ in
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
        router.get("/metrics") { _, _ in
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
