import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// The fields a page's form would send as it stands (text inputs, checked boxes, the selected
/// option, textareas), read from its HTML, so a test posts what a browser would.
struct FormFields: Sendable {
    var pairs: [(String, String)]

    init(_ html: String, action: String) {
        pairs = []
        guard let start = html.range(of: "action=\"\(action)\""), let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else { return }
        let form = String(html[start.upperBound..<end.lowerBound])
        func attribute(_ name: String, _ tag: String) -> String? {
            tag.firstMatch(of: try! Regex("\(name)=\"([^\"]*)\"")).map { Self.unescape(String($0.output[1].substring ?? "")) }
        }
        for match in form.matches(of: /<input([^>]*)>/) {
            let tag = String(match.output.1)
            guard let name = attribute("name", tag), !tag.contains("type=\"submit\""), !tag.contains("type=\"file\"") else { continue }
            if tag.contains("type=\"checkbox\""), !tag.contains(" checked") { continue }
            pairs.append((name, attribute("value", tag) ?? ""))
        }
        for match in form.matches(of: /<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/.dotMatchesNewlines()) {
            let selected = String(match.output.2).firstMatch(of: /<option value="([^"]*)" selected/).map { String($0.output.1) } ?? ""
            pairs.append((String(match.output.1), Self.unescape(selected)))
        }
        for match in form.matches(of: /<textarea[^>]*name="([^"]+)"[^>]*>(.*?)<\/textarea>/.dotMatchesNewlines()) {
            pairs.append((String(match.output.1), Self.unescape(String(match.output.2))))
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x60;", with: "`")
            .replacingOccurrences(of: "&#x3D;", with: "=").replacingOccurrences(of: "&amp;", with: "&")
    }

    subscript(name: String) -> String? {
        get { pairs.last { $0.0 == name }?.1 }
        set {
            pairs.removeAll { $0.0 == name }
            if let newValue { pairs.append((name, newValue)) }
        }
    }

    var names: Set<String> { Set(pairs.map(\.0)) }
}

extension TestClientProtocol {
    /// Posts `fields` as a browser posts a form.
    func post(_ uri: String, fields: FormFields, headers: HTTPFields) async throws -> Fetched {
        var c = URLComponents()
        c.queryItems = fields.pairs.map { URLQueryItem(name: $0.0, value: $0.1) }
        let body = (c.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var h = headers
        h[.contentType] = "application/x-www-form-urlencoded"
        return try await execute(uri: uri, method: .post, headers: h, body: ByteBuffer(string: body)) { response in
            Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// Posts a file (and fields) as `multipart/form-data`.
    func upload(_ uri: String, file: [UInt8], name: String, fields: [String: String], headers: HTTPFields) async throws -> Fetched {
        let boundary = "planwatch-test-boundary"
        var body = ByteBuffer()
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/yaml\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var h = headers
        h[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await execute(uri: uri, method: .post, headers: h, body: body) { response in
            Fetched(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }
}
