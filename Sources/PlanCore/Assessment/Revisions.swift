/// Resolves append-only facts to the current revision of each, as of a date.
///
/// Budget, jobs and task facts come only from the store, which numbers facts in the order it
/// records them and refuses two for one key in one file or request (the only way two share a
/// recording instant): so an id breaks a tie of recording time by when the fact was recorded,
/// never by where a row stood in a file.
enum Revisions {
    /// The facts known as of `asOf` that apply then, with those superseded by another known
    /// fact removed (whether or not the correction applies yet), and of several for one key
    /// only the latest recorded (of two recorded in the same second, the one recorded after).
    static func current<F, K: Hashable>(_ facts: [F], asOf: AsOf, record: (F) -> FactRecord,
                                        applies: (F) -> Bool, key: (F) -> K) -> [F] {
        let known = facts.filter { record($0).isKnown(asOf) }
        let replaced = Set(known.compactMap { record($0).supersedes })
        var latest: [K: F] = [:]
        for f in known where applies(f) && !replaced.contains(record(f).id) {
            let k = key(f)
            if let existing = latest[k] {
                let (a, b) = (record(existing), record(f))
                if (b.recordedAt, b.id) > (a.recordedAt, a.id) { latest[k] = f }
            } else {
                latest[k] = f
            }
        }
        return Array(latest.values)
    }
}
