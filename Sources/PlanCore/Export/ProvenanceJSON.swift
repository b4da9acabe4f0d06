/// A fact's provenance as JSON, the same in the API and the JSON export.
public enum ProvenanceJSON {
    public static func value(_ p: Provenance) -> JSONValue {
        .compactObject([("title", .string(p.title)), ("url", .string(p.url)), ("published", .string(p.published?.iso)),
                        ("quote", .string(p.quote)), ("definitionNote", .string(p.definitionNote))])
    }
}
