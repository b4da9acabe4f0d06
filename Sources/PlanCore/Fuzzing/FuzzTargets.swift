import Foundation

/// What each fuzz target does with one input: the libFuzzer executable under `Fuzz/` calls
/// these, and the regression test runs every file of the kept corpus (`Fuzz/Corpus/`) through
/// them, so a crash found once stays fixed. Each must return for any bytes: errors are fine,
/// traps are not.
public enum FuzzTargets {
    public static func period(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let p = try? PeriodParser.period(text) {
            _ = p.iso
            _ = try? PeriodParser.period(p.iso)
        }
    }

    public static func koreanNumber(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let q = try? KoreanNumberParser.parse(text) {
            _ = QuantityFormatter.format(q.value, unit: q.unit, language: .ko)
            _ = QuantityFormatter.format(q.value, unit: q.unit, language: .en)
        }
        _ = KoreanNumberParser.plainNumber(text)
    }

    public static func plan(_ bytes: [UInt8]) {
        _ = PlanLoader.load(data: Data(bytes), file: "fuzz.yaml")
    }

    /// The targets by name, as the fuzzer executable and the corpus folders call them.
    public static let all: [(name: String, run: @Sendable ([UInt8]) -> Void)] = [
        ("period", period), ("koreanNumber", koreanNumber), ("plan", plan), ("factsCSV", factsCSV),
    ]
    public static var names: [String] { all.map(\.name) }
    public static func named(_ name: String) -> (@Sendable ([UInt8]) -> Void)? { all.first { $0.name == name }?.run }

    /// The Digital New Deal's index, built once.
    static let index: PlanIndex? = BundledPlan.loadDefault().plan.map(PlanIndex.init)

    public static func factsCSV(_ bytes: [UInt8]) {
        guard let index else { return }
        _ = try? FactsCSV.read(bytes, file: "fuzz.csv", index: index)
    }
}
