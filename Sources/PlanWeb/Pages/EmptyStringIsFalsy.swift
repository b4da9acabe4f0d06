import Mustache

/// An empty string opens no `{{#section}}`, as the Mustache spec says; the template engine
/// would otherwise treat "" as a value and show empty labels ("출처: ").
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { isEmpty }
}
