import Hummingbird
import Logging
import PlanCore

/// Builds the Planwatch web application, so the server and the tests run the same app.
public func buildApplication(plan: Plan, configuration: WebConfiguration, logger: Logger = Logger(label: "planwatch")) -> some ApplicationProtocol {
    let router = Router()
    let home = PlanIndexPage.render(plan)
    router.get("/") { _, _ -> Response in
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: home)))
    }
    router.get("/healthz") { _, _ -> String in "ok" }
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port)), logger: logger)
}
