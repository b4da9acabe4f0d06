/// A time phrase from a plan: "'20.下" (in), "~'22" (by), "'21.3월~" (from),
/// "'19~'24" (between) or "'30 → '25" (moved earlier or later).
///
/// Plans rarely give bare dates. Keeping the phrase's meaning, not only a date,
/// lets the validator and the assessment tell a deadline from a starting point.
public enum PeriodExpression: Hashable, Sendable, CustomStringConvertible {
    case within(Period)
    case by(Period)
    case from(Period)
    case between(Period, Period)
    case moved(from: Period, to: Period)

    /// The period by whose end the thing is due, or nil for an open-ended start ("'21.3월~").
    public var deadline: Period? {
        switch self {
        case .within(let p), .by(let p): return p
        case .from: return nil
        case .between(_, let b): return b
        case .moved(_, let to): return to
        }
    }

    /// The earliest period the phrase names.
    public var earliest: Period {
        switch self {
        case .within(let p), .by(let p), .from(let p): return p
        case .between(let a, _): return a
        case .moved(_, let to): return to
        }
    }

    public var description: String {
        switch self {
        case .within(let p): return p.iso
        case .by(let p): return "~\(p.iso)"
        case .from(let p): return "\(p.iso)~"
        case .between(let a, let b): return "\(a.iso)~\(b.iso)"
        case .moved(let a, let b): return "\(a.iso)→\(b.iso)"
        }
    }

    public var korean: String {
        switch self {
        case .within(let p): return p.korean
        case .by(let p): return "\(p.korean)까지"
        case .from(let p): return "\(p.korean)부터"
        case .between(let a, let b): return "\(a.korean)~\(b.korean)"
        case .moved(let a, let b): return "\(a.korean) → \(b.korean)(조정)"
        }
    }

    public var english: String {
        switch self {
        case .within(let p): return p.english
        case .by(let p): return "by \(p.english)"
        case .from(let p): return "from \(p.english)"
        case .between(let a, let b): return "\(a.english)–\(b.english)"
        case .moved(let a, let b): return "\(b.english) (moved from \(a.english))"
        }
    }
}
