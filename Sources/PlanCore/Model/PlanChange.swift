/// One thing that moved between two versions of a plan: a budget, a target, a task, a law. Korea's
/// New Deal was revised a year after it was published; this is how a reader sees what moved, and
/// which way.
public struct PlanChange: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added
        /// Dropped from the plan (an indicator's reported values are kept).
        case removed
        /// A number made more demanding: more money, more jobs, a higher target (a better rank
        /// for a "lower is better" indicator).
        case raised
        /// A number made less demanding.
        case lowered
        /// Words changed, nothing measurable.
        case reworded
        /// Anything else: a unit, a direction, a due date, a figure no longer given.
        case changed
    }

    /// What the change is about, by kind and id, so a page can find the changes about itself.
    public enum Item: Hashable, Sendable {
        case plan
        case pillar(String)
        case project(String)
        case indicator(String)
        case task(String)

        public var id: String? {
            switch self {
            case .plan: return nil
            case .pillar(let id), .project(let id), .indicator(let id), .task(let id): return id
            }
        }

        /// `plan`, `pillar 5`, `project 5-1`, `indicator 1-4.gci-rank`, `task 5-1.iot-testbeds`.
        public var descriptor: String {
            switch self {
            case .plan: return "plan"
            case .pillar(let id): return "pillar \(id)"
            case .project(let id): return "project \(id)"
            case .indicator(let id): return "indicator \(id)"
            case .task(let id): return "task \(id)"
            }
        }
    }

    public var kind: Kind
    public var item: Item
    /// The item's own name (a project's title, an indicator's name), in both languages.
    public var name: LocalizedText
    /// What it is about: `project 1-1`, `indicator 1-4.gci-rank`, `budget 1-1 by 2025`, `budget plan by 2025`.
    public var subject: String
    /// The part that changed (`title`, `unit`, `due` …), when the subject is not itself the part.
    public var field: String?
    public var old: LocalizedText?
    public var new: LocalizedText?

    public init(kind: Kind, item: Item, name: LocalizedText, subject: String, field: String? = nil, old: LocalizedText? = nil, new: LocalizedText? = nil) {
        self.kind = kind
        self.item = item
        self.name = name
        self.subject = subject
        self.field = field
        self.old = old
        self.new = new
    }

    /// One line, as `planwatch plan diff` prints it: `+ …` added, `- …` removed, `~ …` changed (old → new).
    public var description: String {
        switch kind {
        case .added: return "+ \(subject)" + (new.map { ": \($0.ko)" } ?? "")
        case .removed: return "- \(subject)" + (old.map { ": \($0.ko)" } ?? "")
        case .raised, .lowered, .reworded, .changed:
            return "~ \(subject)\(field.map { " \($0)" } ?? ""): \(old?.ko ?? "–") → \(new?.ko ?? "–")"
        }
    }
}
