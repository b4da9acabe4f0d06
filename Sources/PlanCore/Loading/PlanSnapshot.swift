/// A parsed plan kept beside its file, so that starting a server or running a command reads
/// the plan in a fraction of a second instead of parsing its YAML again (21 s for a plan of
/// 100,000 indicators, most of it in the YAML library's tag resolution). It is written in
/// `CompactBinaryEncoder`'s form: as JSON the same plan was 59 MB and took seconds to read.
///
/// A snapshot is a cache of what the file says, never a source: it is made from the file when
/// a version is loaded (or the first time it is read without one), and one of another
/// `format` is ignored and made again. Bump `format` whenever `Plan` or any part of it
/// changes shape; `PlanSnapshotTests` fails until you do.
public enum PlanSnapshot {
    public static let format = "planwatch-plan-compact/2"

    public static func encode(_ plan: Plan) throws -> [UInt8] {
        try CompactBinaryEncoder.encode(plan)
    }

    /// The plan, or nil when the bytes are not a snapshot of this format.
    public static func decode(_ bytes: [UInt8]) -> Plan? {
        try? CompactBinaryDecoder.decode(Plan.self, from: bytes)
    }
}
