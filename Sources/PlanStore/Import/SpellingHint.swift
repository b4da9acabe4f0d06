/// The "did you mean" of an unknown id: the plan's id within three edits of it, if any.
///
/// The work is bounded whatever the file holds: only ids whose length is within three of the
/// word's are compared, each with a banded edit distance that gives up past three edits, so one
/// hint costs at most the number of ids times seven times the word's length. `comparisons`
/// counts the character comparisons, for the tests that hold it to that bound.
struct SpellingHint {
    static let maxEdits = 3
    private(set) var comparisons = 0

    mutating func closest(_ word: String, in candidates: [String]) -> String? {
        guard candidates.count < 5_000 else { return nil }
        let a = Array(word.unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let b = Array(candidate.unicodeScalars)
            guard abs(a.count - b.count) <= Self.maxEdits, let d = distance(a, b), d < (best?.1 ?? Self.maxEdits + 1) else { continue }
            best = (candidate, d)
        }
        return best?.0
    }

    /// The edit distance of `a` and `b` when it is at most `maxEdits`, else nil. Only the band of
    /// cells within `maxEdits` of the diagonal is computed.
    private mutating func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int? {
        let k = Self.maxEdits
        let far = k + 1
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= k ? max(a.count, b.count) : nil }
        var previous = (0...b.count).map { $0 <= k ? $0 : far }
        var current = [Int](repeating: far, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - k), high = min(b.count, i + k)
            current[0] = i <= k ? i : far
            if low > 1 { current[low - 1] = far }
            var rowBest = current[0]
            if low <= high {
                for j in low...high {
                    comparisons += 1
                    let substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    current[j] = min(far, substitute, previous[j] + 1, current[j - 1] + 1)
                    rowBest = min(rowBest, current[j])
                }
            }
            if high < b.count { current[high + 1] = far }
            guard rowBest <= k else { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= k ? previous[b.count] : nil
    }
}
