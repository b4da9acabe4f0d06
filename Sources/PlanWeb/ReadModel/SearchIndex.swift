import PlanCore

/// Search across projects, indicators, tasks and laws, in Korean and English.
///
/// Korean has no word stems to cut, so matching is by substring: 원격교육 is found inside
/// 「(가칭)원격교육기본법」 and 데이터 inside 데이터댐. English is matched case-insensitively.
public struct SearchIndex: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case project, indicator, task, law
    }

    public struct Entry: Sendable {
        public var kind: Kind
        public var id: String
        public var title: LocalizedText
        public var context: LocalizedText?
        public var link: String
        /// Everything searchable, lower-cased, Korean and English together.
        var haystack: String
    }

    public let entries: [Entry]

    public init(_ plan: Plan) {
        var entries: [Entry] = []
        func hay(_ parts: [String?]) -> String { parts.compactMap { $0 }.joined(separator: "\u{1F}").lowercased() }
        for pillar in plan.pillars {
            for p in pillar.projects {
                entries.append(Entry(kind: .project, id: p.id, title: p.title, context: pillar.title, link: "/projects/\(p.id)",
                                     haystack: hay([p.id, p.title.ko, p.title.en, p.summary?.ko, p.summary?.en, p.situation?.ko, p.vision?.ko])))
                for i in p.indicators {
                    entries.append(Entry(kind: .indicator, id: i.id, title: i.name, context: p.title, link: "/indicators/\(i.id)",
                                         haystack: hay([i.id, i.name.ko, i.name.en, i.group?.ko, i.group?.en])))
                }
                for t in p.tasks {
                    entries.append(Entry(kind: .task, id: t.id, title: t.title, context: p.title, link: "/projects/\(p.id)#\(t.id)",
                                         haystack: hay([t.id, t.title.ko, t.title.en, t.detail?.ko, t.detail?.en])))
                    for i in t.indicators {
                        entries.append(Entry(kind: .indicator, id: i.id, title: i.name, context: t.title, link: "/indicators/\(i.id)",
                                             haystack: hay([i.id, i.name.ko, i.name.en])))
                    }
                    for law in t.laws {
                        entries.append(Entry(kind: .law, id: t.id + "/" + law.name.ko, title: law.name, context: t.title,
                                             link: "/reforms#\(t.id)", haystack: hay([law.name.ko, law.name.en])))
                    }
                }
            }
        }
        self.entries = entries
    }

    /// Entries matching every word of `query`, grouped by kind in a fixed order, at most `limit` per kind.
    public func search(_ query: String, limit: Int = 50) -> [(Kind, [Entry])] {
        let words = query.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { !$0.isEmpty }
        guard !words.isEmpty else { return [] }
        // Korean is often spaced either way ("원격 교육", "원격교육"): the query without spaces
        // may also match the text without spaces.
        let joined = words.joined()
        let hits = entries.filter { e in
            words.allSatisfy { e.haystack.contains($0) } || (words.count > 1 && e.haystack.replacingOccurrences(of: " ", with: "").contains(joined))
        }
        var seenLaws = Set<String>()
        return Kind.allCases.compactMap { kind in
            var list = hits.filter { $0.kind == kind }
            if kind == .law { list = list.filter { seenLaws.insert($0.title.ko + $0.link).inserted } }
            return list.isEmpty ? nil : (kind, Array(list.prefix(limit)))
        }
    }
}
