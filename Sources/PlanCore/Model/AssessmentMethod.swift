/// The progress rule used for an indicator; see `docs/method.md`.
/// Linear is the default; CAGR suits compounding series such as market sizes.
public enum AssessmentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case linear, cagr
}
