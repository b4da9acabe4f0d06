#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTPTypes
import HummingbirdTesting
import PlanCore
import Testing
@testable import PlanWeb

/// The event-loop fast path must answer exactly as the application does, keep answers in
/// order on a connection, and never share a non-public answer.
@Suite struct FastPathTests {
    @Test func repeatedRequestsGetTheApplicationsExactAnswer() async throws {
        let site = try await WebFixture.demo.value
        let app = try buildApplication(site: site, configuration: WebConfiguration(port: 0))
        try await app.test(.live) { client in
            for uri in ["/", "/api/v1/assessments", "/projects/1-1?lang=en", "/data/observations.csv"] {
                let first = try await client.fetch(uri)
                let second = try await client.fetch(uri)
                #expect(second.status == .ok)
                #expect(second.body == first.body, "\(uri)")
                var a = first.headers, b = second.headers
                a[.date] = nil
                b[.date] = nil
                #expect(Set(a.map { "\($0.name)=\($0.value)" }) == Set(b.map { "\($0.name)=\($0.value)" }), "\(uri)")
                #expect(second.headers[.date] != nil)
                let conditional = try await client.fetch(uri, headers: [.ifNoneMatch: first.headers[.eTag] ?? ""])
                #expect(conditional.status == .notModified, "\(uri)")
                #expect(conditional.body.isEmpty)
            }
            // The language still follows the cookie and Accept-Language on the fast path.
            _ = try await client.fetch("/", headers: [.cookie: "lang=en"])
            #expect(try await client.fetch("/", headers: [.cookie: "lang=en"]).body.contains("<html lang=\"en\">"))
            #expect(try await client.fetch("/", headers: [.acceptLanguage: "en"]).body.contains("<html lang=\"en\">"))
            #expect(try await client.fetch("/").body.contains("<html lang=\"ko\">"))
        }
    }

    @Test func fastPathAnswersAreCountedLikeTheOthers() async throws {
        let app = try buildApplication(site: WebFixture.bare(), configuration: WebConfiguration(port: 0, opsToken: WebFixture.opsToken))
        try await app.test(.live) { client in
            let first = try await client.fetch("/reforms")
            _ = try await client.fetch("/reforms")
            _ = try await client.fetch("/reforms", headers: [.ifNoneMatch: first.headers[.eTag] ?? ""])
            let metrics = try await client.fetch("/metrics", headers: WebFixture.ops).body
            #expect(metrics.contains("planwatch_http_requests_total{route=\"/reforms\",method=\"GET\",status=\"200\"} 2"))
            #expect(metrics.contains("planwatch_http_requests_total{route=\"/reforms\",method=\"GET\",status=\"304\"} 1"))
        }
    }

    @Test func keyIsNilForAnythingNotAnonymousAndPublic() {
        func request(_ path: String, _ fields: HTTPFields = [:], method: HTTPRequest.Method = .get) -> HTTPRequest {
            HTTPRequest(method: method, scheme: nil, authority: nil, path: path, headerFields: fields)
        }
        #expect(FastPathCache.key(request("/")) == "ko|/")
        #expect(FastPathCache.key(request("/", [.cookie: "lang=en"])) == "en|/")
        #expect(FastPathCache.key(request("/", [.acceptLanguage: "en-GB,en;q=0.9"])) == "en|/")
        #expect(FastPathCache.key(request("/", [.cookie: "session=x"])) == nil)
        #expect(FastPathCache.key(request("/", [.cookie: "lang=en; session=x"])) == nil)
        #expect(FastPathCache.key(request("/?lang=en")) == nil)
        #expect(FastPathCache.key(request("/", method: .post)) == nil)
        #expect(FastPathCache.key(request("/", [.connection: "close"])) == nil)
    }

    @Test func pipelinedAnswersKeepTheirOrder() async throws {
        let site = try await WebFixture.demo.value
        let app = try buildApplication(site: site, configuration: WebConfiguration(port: 0))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            _ = try await client.fetch("/reforms")
            // A request that goes through the application, then one the fast path holds.
            let answer = try Self.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /reforms HTTP/1.1\r\nHost: x\r\n\r\n",
                                           until: "</html>")
            let health = try #require(answer.range(of: "\r\n\r\nok\n"))
            let reforms = try #require(answer.range(of: "<html lang=\"ko\">"))
            #expect(health.lowerBound < reforms.lowerBound)
        }
    }

    /// Sends raw bytes on a new connection and reads until `marker` appears.
    static func exchange(port: Int, _ text: String, until marker: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: received, as: UTF8.self)
    }
}
