import Foundation
import Yams

/// The outcome of reading a plan file: the plan when there were no errors, and every
/// diagnostic (errors and warnings) either way.
public struct PlanLoadResult: Sendable {
    public var plan: Plan?
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The plan, or the diagnostics as an error.
    public func get() throws -> Plan {
        guard let plan else { throw DiagnosticsError(diagnostics) }
        return plan
    }
}

/// Reads plan files (`docs/plan-format.md`) into `Plan` values, checking everything the
/// format promises and reporting each problem as `FILE:LINE:COLUMN`.
public enum PlanLoader {
    /// The format tag every plan file starts with.
    public static let formatTag = "planwatch-plan/1"

    public static func load(path: String, displayName: String? = nil) -> PlanLoadResult {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            return PlanLoadResult(plan: nil, diagnostics: [Diagnostic(file: name, line: 1, column: 1, message: reason)])
        }
        return load(data: data, file: name)
    }

    public static func load(data: Data, file: String) -> PlanLoadResult {
        switch TextDecoding.utf8(data) {
        case .success(let text):
            return load(yaml: text, file: file)
        case .failure(let bad):
            return PlanLoadResult(plan: nil, diagnostics: [Diagnostic(file: file, line: bad.line, column: bad.column,
                message: "the file is not valid UTF-8 (byte 0x\(String(bad.byte, radix: 16, uppercase: true)) at offset \(bad.offset)); save it as UTF-8")])
        }
    }

    public static func load(yaml: String, file: String) -> PlanLoadResult {
        let reader = YAMLReader(file: file, sourceBytes: yaml.utf8.count)
        let root: Node?
        do {
            // Every leaf is read as text and judged by the loader itself (a number as Koreans
            // write it, a period as the plan writes it), so no scalar needs YAML's own types; without
            // them Yams resolves no tag by regular expression, which was a third of the reading.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            reader.report(YAMLErrors.mark(of: error), .error, YAMLErrors.message(of: error))
            return PlanLoadResult(plan: nil, diagnostics: reader.diagnostics)
        } catch {
            reader.report(nil, .error, "cannot read YAML: \(error)")
            return PlanLoadResult(plan: nil, diagnostics: reader.diagnostics)
        }
        guard let root else {
            reader.report(nil, .error, "the file is empty; a plan file starts with 'format: \(formatTag)'")
            return PlanLoadResult(plan: nil, diagnostics: reader.diagnostics)
        }
        let parser = PlanFileParser(reader: reader)
        let plan = parser.plan(root)
        parser.resolveReferences()
        let diagnostics = reader.diagnostics.sorted()
        let ok = !diagnostics.contains { $0.severity == .error }
        return PlanLoadResult(plan: ok ? plan : nil, diagnostics: diagnostics)
    }
}

/// Turns Yams errors into a place and a sentence.
enum YAMLErrors {
    static func mark(of error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark
        case .duplicatedKeysInMapping(_, let context): return context.mark
        default: return nil
        }
    }

    static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            let ctx = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return "YAML syntax error: \(problem)\(ctx)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in the same mapping; each key may appear once"
        case .reader(let problem, let offset, _, _):
            return "cannot read the file: \(problem)\(offset.map { " at byte \($0)" } ?? "")"
        default:
            return "YAML error: \(error)"
        }
    }
}
