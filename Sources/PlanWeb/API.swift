import OpenAPIRuntime
struct APIImpl: APIProtocol {
    func getHealth(_ input: Operations.getHealth.Input) async throws -> Operations.getHealth.Output {
        .ok(.init(body: .plainText("ok")))
    }
}
