import Yams

/// Builds a `Plan` from a composed YAML tree, checking each field where it is read so that
/// every problem is reported at its own line and column.
final class PlanFileParser {
    let reader: YAMLReader
    /// First definitions of ids, per kind, to report duplicates with both places.
    private var seenIds: [String: [String: Node]] = [:]
    /// Organization references to check once every organization is known.
    private var organizationRefs: [(id: String, node: Node)] = []
    private var organizationIds: Set<String> = []
    /// Indicators a task says it is measured by, checked once every indicator is known.
    var indicatorRefs: [(id: String, node: Node)] = []
    /// Indicators an ending says the successor plan took up.
    var continuedRefs: [(id: String, node: Node)] = []
    private(set) var planStart: Period?
    private(set) var planEnd: Period?
    /// The plan's publication day and this version's effective day, once read: a revision must
    /// come after the publication, and an ending after both.
    var publishedDay: CalendarDay?
    var revisionDay: CalendarDay?

    init(reader: YAMLReader) {
        self.reader = reader
    }

    static let idPattern = "letters, digits, '.', '-' and '_', starting with a letter or digit"

    /// Records an id and reports it when malformed or already used by another thing of the same kind.
    func register(_ id: String, kind: String, node: Node?) {
        let valid = id.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
            && id.count <= 80
        if !valid {
            reader.error(node, "\(kind) id '\(id)' is not valid: use \(Self.idPattern), at most 80 characters")
        }
        if let first = seenIds[kind]?[id] {
            let place = first.mark.map { " (first defined at line \($0.line), column \($0.column))" } ?? ""
            reader.error(node, "duplicate \(kind) id '\(id)'\(place)")
        } else if let node {
            seenIds[kind, default: [:]][id] = node
        }
    }

    func referOrganizations(_ f: Fields, key: String) -> [String] {
        f.strings(key).map { id, node in
            organizationRefs.append((id, node))
            return id
        }
    }

    func resolveReferences() {
        let indicatorIds = Set((seenIds["indicator"] ?? [:]).keys)
        for ref in indicatorRefs where !indicatorIds.contains(ref.id) {
            let hint = YAMLReader.closest(ref.id, in: indicatorIds.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            reader.error(ref.node, "unknown indicator '\(ref.id)'\(hint) in 'tracks'")
        }
        for ref in continuedRefs where !indicatorIds.contains(ref.id) {
            let hint = YAMLReader.closest(ref.id, in: indicatorIds.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            reader.error(ref.node, "unknown indicator '\(ref.id)'\(hint) in 'ended.continued'")
        }
        for ref in organizationRefs where !organizationIds.contains(ref.id) {
            let known = organizationIds.sorted()
            let hint = YAMLReader.closest(ref.id, in: known).map { "; did you mean '\($0)'?" } ?? ""
            reader.error(ref.node, "unknown organization '\(ref.id)'\(hint) (define it under 'organizations')")
        }
    }

    // MARK: Plan

    func plan(_ root: Node) -> Plan? {
        guard let f = reader.fields(root, "the plan file", allowed: [
            "format", "id", "title", "summary", "period", "currency", "source", "sourceURL", "note", "published",
            "budget", "jobs", "revision", "ended", "organizations", "pillars",
        ]) else { return nil }
        if let (format, node) = f.string("format", required: true).map({ ($0, f["format"]!) }), format != PlanLoader.formatTag {
            reader.error(node, "unsupported format '\(format)'; this version of Planwatch reads '\(PlanLoader.formatTag)'")
        }
        let id = f.string("id", required: true)
        if let id { register(id, kind: "plan", node: f["id"]) }
        let title = f.text("title", required: true, needsEnglish: true)
        var start: Period?, end: Period?
        if let periodNode = f.required("period"), let p = reader.fields(periodNode, "'period'", allowed: ["start", "end"]) {
            start = p.period("start", required: true)
            end = p.period("end", required: true)
            if let s = start, let e = end, e < s {
                reader.error(periodNode, "the plan ends (\(e.iso)) before it starts (\(s.iso))")
            }
        }
        planStart = start
        planEnd = end
        let currency = f.string("currency") ?? "KRW"
        if currency != "KRW", let node = f["currency"] {
            reader.error(node, "currency '\(currency)' is not supported; amounts are in KRW (원)")
        }
        publishedDay = f.day("published")
        if let day = publishedDay, let s = start, let e = end, day > e.end || day.year < s.start.year - 1, let n = f["published"] {
            reader.error(n, "the plan cannot be published on \(day.iso), long before or after its period (\(s.iso)–\(e.iso))")
        }
        let revision = f["revision"].flatMap(self.revision)
        let ended = f["ended"].flatMap(self.ending)
        let budget = budgetCommitments(f.list("budget"), context: "the plan")
        let jobs = jobsCommitments(f.list("jobs"), context: "the plan")
        let organizations = f.list("organizations").compactMap(organization)
        let pillars = f.list("pillars").compactMap(pillar)
        if pillars.isEmpty && f["pillars"] == nil {
            reader.error(root, "missing required field 'pillars' in the plan file")
        }
        guard let id, let title, let start, let end else { return nil }
        return Plan(id: id, title: title, summary: f.text("summary"), start: start, end: end, currency: currency,
                    source: f.text("source"), sourceURL: f.string("sourceURL"), organizations: organizations,
                    pillars: pillars, note: f.text("note"), published: publishedDay, budget: budget, jobs: jobs,
                    revision: revision, ended: ended)
    }

    func organization(_ node: Node) -> Organization? {
        guard let f = reader.fields(node, "organization", allowed: ["id", "name", "abbreviation"]) else { return nil }
        let id = f.string("id", required: true)
        if let id {
            register(id, kind: "organization", node: f["id"])
            organizationIds.insert(id)
        }
        let name = f.text("name", required: true, needsEnglish: true)
        guard let id, let name else { return nil }
        return Organization(id: id, name: name, abbreviation: f.text("abbreviation"))
    }

    func pillar(_ node: Node) -> Pillar? {
        guard let f = reader.fields(node, "pillar", allowed: ["id", "title", "summary", "budget", "jobs", "projects"]) else { return nil }
        let id = f.string("id", required: true)
        if let id { register(id, kind: "pillar", node: f["id"]) }
        let context = id.map { "pillar '\($0)'" } ?? "pillar"
        let title = f.text("title", required: true, needsEnglish: true)
        let budget = budgetCommitments(f.list("budget"), context: context)
        let jobs = jobsCommitments(f.list("jobs"), context: context)
        let projects = f.list("projects").compactMap { project($0) }
        if f["projects"] == nil { reader.error(node, "missing required field 'projects' in \(context)") }
        guard let id, let title else { return nil }
        return Pillar(id: id, title: title, summary: f.text("summary"), projects: projects, budget: budget, jobs: jobs)
    }

    // MARK: Project

    func project(_ node: Node) -> Project? {
        guard let f = reader.fields(node, "project", allowed: [
            "id", "title", "summary", "situation", "vision", "lead", "budget", "jobs", "indicators", "tasks", "note",
        ]) else { return nil }
        let id = f.string("id", required: true)
        if let id { register(id, kind: "project", node: f["id"]) }
        let context = id.map { "project '\($0)'" } ?? "project"
        let title = f.text("title", required: true, needsEnglish: true)
        let lead = referOrganizations(f, key: "lead")
        let budget = budgetCommitments(f.list("budget"), context: context)
        let jobs = jobsCommitments(f.list("jobs"), context: context)
        let indicators = f.list("indicators").compactMap { indicator($0, source: .table) }
        let tasks = self.tasks(f.list("tasks"), context: context)
        guard let id, let title else { return nil }
        return Project(id: id, title: title, summary: f.text("summary"), situation: f.text("situation"),
                       vision: f.text("vision"), leadOrganizations: lead, budget: budget, jobs: jobs,
                       indicators: indicators, tasks: tasks, note: f.text("note"))
    }

    func budgetCommitments(_ nodes: [Node], context: String) -> [BudgetCommitment] {
        var result: [BudgetCommitment] = []
        for node in nodes {
            guard let f = reader.fields(node, "budget of \(context)", allowed: ["by", "totalCost", "treasury", "amount", "asWritten", "note"]) else { continue }
            let by = f.period("by", required: true)
            let total = money(f, "totalCost", required: false)
            let treasury = money(f, "treasury", required: false)
            let amount = money(f, "amount", required: false)
            if f["totalCost"] == nil, f["treasury"] == nil, f["amount"] == nil {
                reader.error(node, "missing required field 'totalCost' in the budget of \(context): give 'totalCost' (총사업비), 'treasury' (국고) or both, or 'amount' when the source does not say which")
            }
            if amount != nil, f["totalCost"] != nil || f["treasury"] != nil, let n = f["amount"] {
                reader.error(n, "'amount' is for money whose kind the source does not state; with 'totalCost' or 'treasury' in the same commitment, drop it")
            }
            if let total, let treasury, treasury > total, let n = f["treasury"] {
                reader.error(n, "treasury (\(QuantityFormatter.korean(Double(treasury), unit: .won))) exceeds the total cost (\(QuantityFormatter.korean(Double(total), unit: .won))) in the budget of \(context)")
            }
            if let by { checkWithinPlan(by, node: f["by"], what: "budget commitment") }
            if let by, let previous = result.last {
                if by <= previous.by, let n = f["by"] {
                    reader.error(n, "budget commitments of \(context) must be listed by increasing 'by' period")
                } else if let total, let before = previous.totalCost, total < before, let n = f["totalCost"] {
                    reader.error(n, "the total cost by \(by.iso) is smaller than by \(previous.by.iso); budget commitments are cumulative from the plan's start")
                } else if let treasury, let before = previous.treasury, treasury < before, let n = f["treasury"] {
                    reader.error(n, "the treasury share by \(by.iso) is smaller than by \(previous.by.iso); budget commitments are cumulative from the plan's start")
                }
            }
            guard let by, total != nil || treasury != nil || amount != nil else { continue }
            result.append(BudgetCommitment(by: by, totalCost: total, treasury: treasury, amount: amount,
                                           asWritten: f.string("asWritten"), note: f.text("note")))
        }
        return result
    }

    func jobsCommitments(_ nodes: [Node], context: String) -> [JobsCommitment] {
        var result: [JobsCommitment] = []
        for node in nodes {
            guard let f = reader.fields(node, "jobs of \(context)", allowed: ["by", "count", "asWritten", "note"]) else { continue }
            let by = f.period("by", required: true)
            var count: Int64?
            if let (q, n) = f.quantity("count", required: true) {
                if let u = q.unit, u.kind != .count {
                    reader.error(n, "jobs are counted, but '\(u.symbol)' is not a counting unit")
                } else if q.value < 0 || q.value != q.value.rounded() {
                    reader.error(n, "a number of jobs must be a whole number of zero or more, not \(q.value)")
                } else {
                    count = Int64(q.value)
                }
            }
            if let by { checkWithinPlan(by, node: f["by"], what: "jobs commitment") }
            if let by, let previous = result.last, by <= previous.by, let n = f["by"] {
                reader.error(n, "jobs commitments of \(context) must be listed by increasing 'by' period")
            }
            guard let by, let count else { continue }
            result.append(JobsCommitment(by: by, count: count, asWritten: f.string("asWritten"), note: f.text("note")))
        }
        return result
    }

    /// An amount of money in integer won: "3.2조원", "1,500억원", or a plain number of won.
    func money(_ f: Fields, _ key: String, required: Bool) -> Int64? {
        guard let (q, n) = f.quantity(key, required: required) else { return nil }
        if let u = q.unit, u.kind != .money {
            reader.error(n, "'\(key)' in \(f.context) is money, but '\(u.symbol)' is not 원")
            return nil
        }
        guard q.value >= 0, q.upper == nil, q.from == nil else {
            reader.error(n, "'\(key)' in \(f.context) must be a single amount of zero or more")
            return nil
        }
        guard q.value == q.value.rounded() else {
            reader.error(n, "'\(key)' in \(f.context) is not a whole number of won")
            return nil
        }
        return Int64(q.value)
    }

    func checkWithinPlan(_ p: Period, node: Node?, what: String) {
        guard let s = planStart, let e = planEnd else { return }
        if p.end < s.start || p.start > e.end {
            reader.error(node, "\(what) period \(p.iso) is outside the plan's period (\(s.iso)–\(e.iso))")
        }
    }
}
