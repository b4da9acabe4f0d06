import HTTPTypes
import NIOCore
import PlanCore
import Prometheus
import Synchronization

/// Complete answers to anonymous GET requests, as the application produced them, so the
/// event loop can send them again without entering the router (`FastPathHandler`). This is
/// keeps a hot page from paying for routing, middleware and the async bridge on every request.
///
/// An entry is keyed by the request target and the reader's language (the only thing besides
/// the target a public answer depends on) and is valid for one read-model version. Only what
/// is safe to share is recorded: 200 answers with an ETag, no cookie set, not `no-store`, to
/// requests that carry no cookie but the language one.
public final class FastPathCache: Sendable {
    struct Entry: Sendable {
        var version: Int
        var fields: HTTPFields
        var etag: String
        var body: ByteBuffer
        var served: Counter
        var notModified: Counter
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let site: Site
    /// Bound on cached bytes, so memory stays predictable whatever clients ask for.
    let limitBytes: Int
    private let bytes = Mutex(0)

    init(site: Site, limitBytes: Int = 128 << 20) {
        self.site = site
        self.limitBytes = limitBytes
    }

    /// The key of a request, or nil when the request must go through the application.
    static func key(_ request: HTTPRequest) -> String? {
        guard request.method == .get || request.method == .head, let target = request.path, !target.contains("lang=") else { return nil }
        var language = Language.ko
        if let cookie = request.headerFields[.cookie] {
            guard let chosen = languageOnlyCookie(cookie) else { return nil }
            language = chosen ?? LanguagePreference.fromAcceptLanguage(request.headerFields[.acceptLanguage] ?? "")
        } else if let accept = request.headerFields[.acceptLanguage] {
            language = LanguagePreference.fromAcceptLanguage(accept)
        }
        if request.headerFields[.connection]?.lowercased().contains("close") == true { return nil }
        return language.rawValue + "|" + target
    }

    /// For a Cookie header holding only `lang=…`: `.some(language)` (nil when the value is not a
    /// language). Any other cookie, such as a session, returns nil: that request is not anonymous.
    static func languageOnlyCookie(_ header: String) -> Language?? {
        var language: Language?
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.first == LanguagePreference.cookieName else { return nil }
            language = parts.count == 2 ? Language(rawValue: parts[1]) : nil
        }
        return .some(language)
    }

    func lookup(_ key: String) -> Entry? {
        let version = site.model.version
        return entries.withLock { e in
            guard let entry = e[key] else { return nil }
            if entry.version != version {
                e[key] = nil
                return nil
            }
            return entry
        }
    }

    func record(key: String, route: String, fields: HTTPFields, body: ByteBuffer, version: Int) {
        guard let etag = fields[.eTag] else { return }
        var fields = fields
        fields[.date] = nil
        let labels = { (status: String) in [("route", route), ("method", "GET"), ("status", status)] }
        let entry = Entry(
            version: version, fields: fields, etag: etag, body: body,
            served: site.metrics.makeCounter(name: RequestMetrics.requestsName, labels: labels("200"),
                                             help: RequestMetrics.requestsHelp),
            notModified: site.metrics.makeCounter(name: RequestMetrics.requestsName, labels: labels("304"),
                                                  help: RequestMetrics.requestsHelp))
        let full = bytes.withLock { total in
            if total + body.readableBytes > limitBytes { return true }
            total += body.readableBytes
            return false
        }
        entries.withLock { e in
            if full {
                e.removeAll()
                bytes.withLock { $0 = body.readableBytes }
            }
            e[key] = entry
        }
    }
}
