import Mustache
import PlanCore

/// The content type every template is rendered with: HTML escaped by Unicode scalar
/// (`HTMLText.escape`). swift-mustache's own HTML type escapes by `Character`, and `"`
/// followed by a combining mark (U+0301) is one `Character` that is not `"`: the quote went
/// out raw and closed the attribute it stood in. `PageRenderer` names this type at the top of
/// every template (`{{% CONTENT_TYPE: HTML_SCALARS }}`), partials too, since a partial starts
/// over with the library's default.
struct HTMLScalarEscaping: MustacheContentType {
    static let name = "HTML_SCALARS"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }

    /// Registers the type with swift-mustache, once, before any template naming it is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLScalarEscaping(), named: name)
}
