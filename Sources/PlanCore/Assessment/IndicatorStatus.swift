/// The verdict on one commitment, following Eurostat's SDG progress categories, with
/// Planwatch's additions for passed milestones and qualitative targets. See `docs/method.md`.
public enum IndicatorStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The target is met (early, or at its due date).
    case achieved
    /// On the path to the target: r ≥ 0.95.
    case onTrack
    /// 0.60 ≤ r < 0.95.
    case moderateProgress
    /// 0 ≤ r < 0.60.
    case insufficientProgress
    /// r < 0: further from the target than at the baseline.
    case movingAway
    /// The due date passed and the target was not met.
    case missed
    /// Not enough data to judge (no value after the baseline, or none for the due period).
    case notYetAssessable
    /// Values have come in, but too little time after the baseline for a path to say anything
    /// (less than one period of the target's granularity and under a quarter of the way).
    case tooEarly
    /// A qualitative target: judged from the reported words and evidence, never computed.
    case reported

    /// Order from worst to best, so the worst item of a group is easy to find.
    public var severity: Int {
        switch self {
        case .missed: return 0
        case .movingAway: return 1
        case .insufficientProgress: return 2
        case .moderateProgress: return 3
        case .notYetAssessable: return 4
        case .tooEarly: return 5
        case .reported: return 6
        case .onTrack: return 7
        case .achieved: return 8
        }
    }

    public static func < (a: IndicatorStatus, b: IndicatorStatus) -> Bool { a.severity < b.severity }

    /// Computed and judgeable: the items the share on track is taken over.
    public var isAssessable: Bool {
        switch self {
        case .notYetAssessable, .tooEarly, .reported: return false
        default: return true
        }
    }

    public var isOnTrack: Bool { self == .onTrack || self == .achieved }

    /// Behind or failing: what the coordinating office looks at first.
    public var isSlipping: Bool { self == .missed || self == .movingAway || self == .insufficientProgress || self == .moderateProgress }

    /// The order statuses are listed in for reading: best to worst, then those not computed.
    public static let displayOrder: [IndicatorStatus] = [
        .achieved, .onTrack, .moderateProgress, .insufficientProgress, .movingAway, .missed, .reported, .tooEarly, .notYetAssessable,
    ]

    public var korean: String {
        switch self {
        case .achieved: return "달성"
        case .onTrack: return "순항"
        case .moderateProgress: return "보통"
        case .insufficientProgress: return "미흡"
        case .movingAway: return "역행"
        case .missed: return "미달성"
        case .notYetAssessable: return "평가 유보"
        case .tooEarly: return "시기상조"
        case .reported: return "보고"
        }
    }

    public var english: String {
        switch self {
        case .achieved: return "achieved"
        case .onTrack: return "on track"
        case .moderateProgress: return "moderate progress"
        case .insufficientProgress: return "insufficient progress"
        case .movingAway: return "moving away"
        case .missed: return "missed"
        case .notYetAssessable: return "not yet assessable"
        case .tooEarly: return "too early to judge"
        case .reported: return "reported"
        }
    }

    public func label(_ language: Language) -> String { language == .ko ? korean : english }

    /// The thresholds of the path ratio r (Eurostat; Open SDG).
    public static let onTrackThreshold = 0.95
    public static let moderateThreshold = 0.60

    /// The status for a path ratio r. A ratio within the same relative tolerance as
    /// `Comparator` (10⁻⁹) of a cut-off counts as on it, so binary rounding never moves a
    /// verdict across a band the printed ratio sits on.
    public static func forRatio(_ r: Double) -> IndicatorStatus {
        if reaches(r, onTrackThreshold) { return .onTrack }
        if reaches(r, moderateThreshold) { return .moderateProgress }
        if reaches(r, 0) { return .insufficientProgress }
        return .movingAway
    }

    private static func reaches(_ r: Double, _ cutOff: Double) -> Bool {
        r >= cutOff - Comparator.tolerance(cutOff)
    }
}
