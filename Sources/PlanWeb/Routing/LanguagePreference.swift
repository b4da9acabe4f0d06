import Hummingbird
import PlanCore

/// Which language a reader gets: `?lang=` first (and remembered in a cookie), then the cookie,
/// then the browser's Accept-Language, then Korean: the plan's own language.
struct LanguagePreference {
    static let cookieName = "lang"

    let language: Language
    /// Set when `?lang=` asked for a language, so the answer remembers it.
    let setCookie: String?

    init(_ request: Request) {
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) {
            language = asked
            setCookie = "\(Self.cookieName)=\(asked.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"
            return
        }
        setCookie = nil
        if let cookie = request.cookies[Self.cookieName].flatMap({ Language(rawValue: $0.value) }) {
            language = cookie
        } else if let header = request.headers[.acceptLanguage] {
            language = Self.fromAcceptLanguage(header)
        } else {
            language = .ko
        }
    }

    /// The best of Korean and English by the header's q-values; Korean when neither is named.
    static func fromAcceptLanguage(_ header: String) -> Language {
        var best: (Language, Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = parts.first else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language: Language? = tag.hasPrefix("ko") ? .ko : tag.hasPrefix("en") ? .en : nil
            if let language, q > 0, q > (best?.1 ?? 0) { best = (language, q) }
        }
        return best?.0 ?? .ko
    }
}
