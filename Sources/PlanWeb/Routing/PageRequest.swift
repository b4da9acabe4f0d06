import Foundation
import Hummingbird
import PlanCore

/// What a page request asks for beyond its path: the language and the as-of date. A malformed
/// or future `asOf` is the reader's mistake and gets a 400 page saying so.
struct PageRequest {
    let preference: LanguagePreference
    let asOf: CalendarDay?
    let request: Request

    var language: Language { preference.language }

    init(_ request: Request, today: CalendarDay) throws(PageFailure) {
        self.request = request
        preference = LanguagePreference(request)
        guard let text = request.uri.queryParameters.get("asOf"), !text.isEmpty else {
            asOf = nil
            return
        }
        guard let day = CalendarDay(iso: text) else { throw .badAsOf(text, language: preference.language) }
        guard day <= today else { throw .futureAsOf(text, language: preference.language) }
        asOf = day == today ? nil : day
    }

    /// The path and query a cached copy of the page is kept under: the query as sent, but with
    /// `asOf` written as the day it names, or left out when it names today. One date is one
    /// cached page however it was written.
    var cacheTarget: String {
        var items = (request.uri.query ?? "").split(separator: "&").filter { $0 != "asOf" && !$0.hasPrefix("asOf=") }.map(String.init)
        if let asOf { items.append("asOf=" + asOf.iso) }
        return request.uri.path + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }

    /// The same page in the other language, keeping every other query parameter.
    var switchURL: String { Self.switchURL(request, to: language == .ko ? .en : .ko) }

    static func switchURL(_ request: Request, to other: Language) -> String {
        var items = request.uri.queryParameters.filter { $0.key != "lang" }.map { URLQueryItem(name: String($0.key), value: String($0.value)) }
        items.append(URLQueryItem(name: "lang", value: other.rawValue))
        var c = URLComponents()
        c.queryItems = items
        return request.uri.path + "?" + (c.percentEncodedQuery ?? "")
    }
}

/// A page that cannot be shown, with the status and the sentence the reader sees.
enum PageFailure: Error {
    case notFound
    case badAsOf(String, language: Language)
    case futureAsOf(String, language: Language)

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: return .notFound
        case .badAsOf, .futureAsOf: return .badRequest
        }
    }

    func message(_ catalog: Catalog) -> String? {
        switch self {
        case .notFound: return nil
        case .badAsOf(let text, _): return catalog.format("error_bad_as_of", ["value": text])
        case .futureAsOf(let text, _): return catalog.format("error_future_as_of", ["value": text])
        }
    }
}
