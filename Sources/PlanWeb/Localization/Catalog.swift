import Foundation
import PlanCore

/// Every UI string of the site, one catalog per language (`Localization/ko.json`, `en.json`).
/// A test fails when a key is missing from either.
public struct Catalog: Sendable {
    public let language: Language
    public let strings: [String: String]

    public static let ko = Catalog(language: .ko)
    public static let en = Catalog(language: .en)

    public static func of(_ language: Language) -> Catalog { language == .ko ? ko : en }

    init(language: Language) {
        self.language = language
        var strings: [String: String] = [:]
        if let text = EmbeddedFiles.text("Sources/PlanWeb/Localization/\(language.rawValue).json"),
           case .object(let pairs)? = try? JSONValue.parse(text) {
            for (k, v) in pairs { if case .string(let s) = v { strings[k] = s } }
        }
        self.strings = strings
    }

    /// The string for a count of `n`: `key_one` when `n` is 1 and the catalog has it (where
    /// English says "1 reform", not "1 reforms"), else `key`.
    public func format(_ key: String, count n: Int, _ values: [String: String]) -> String {
        format(n == 1 && strings["\(key)_one"] != nil ? "\(key)_one" : key, values)
    }

    /// The string for `key`; the key itself when missing (the catalog test keeps that from shipping).
    public subscript(_ key: String) -> String { strings[key] ?? key }

    /// The string with `{name}` placeholders filled.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var s = self[key]
        for (k, v) in values { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }

    public func status(_ s: IndicatorStatus) -> String { self["status_\(s.rawValue)"] }
    public func task(_ s: TaskStatus) -> String { self["task_\(s.rawValue)"] }
}
