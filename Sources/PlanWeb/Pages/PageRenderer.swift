import Foundation
import Mustache

/// Renders pages with Mustache from the templates built into the binary, so the server runs
/// from any directory. Output is HTML-escaped by the template engine, by Unicode scalar
/// (`HTMLScalarEscaping`); only SVG the chart module wrote (with its own escaping) is inserted raw.
final class PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        HTMLScalarEscaping.registered
        var library = MustacheLibrary()
        for path in EmbeddedFiles.paths(under: "Sources/PlanWeb/Templates") where path.hasSuffix(".mustache") {
            let name = String((path as NSString).lastPathComponent.dropLast(".mustache".count))
            do {
                try library.register(HTMLScalarEscaping.pragma + (EmbeddedFiles.text(path) ?? ""), named: name)
            } catch {
                fatalError("template \(path) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// The page; on an English page, its Korean parts marked as Korean (`KoreanParts`).
    func render(_ template: String, _ context: [String: Any]) -> String {
        let html = library.render(context, withTemplate: template) ?? "template \(template) is missing"
        return context["lang"] as? String == "en" ? KoreanParts.mark(html) : html
    }
}
