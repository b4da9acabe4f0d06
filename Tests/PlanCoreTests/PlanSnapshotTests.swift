import Foundation
import Testing
@testable import PlanCore

/// A stored snapshot must give back exactly the plan its file gives, and must not outlive a
/// change in the plan's shape.
@Suite struct PlanSnapshotTests {
    static let plans = ["Plans/digital-new-deal.yaml", "Plans/example-city.yaml"].map { try! PlanLoader.load(path: Repo.path($0)).get() }

    @Test func aSnapshotGivesBackThePlanItsFileGives() throws {
        for plan in Self.plans {
            let bytes = try PlanSnapshot.encode(plan)
            #expect(PlanSnapshot.decode(bytes) == plan)
            // The same plan gives the same bytes.
            #expect(try PlanSnapshot.encode(plan) == bytes)
        }
    }

    @Test func somethingElseIsNotASnapshot() throws {
        #expect(PlanSnapshot.decode(Array("plan: {}".utf8)) == nil)
        #expect(PlanSnapshot.decode([]) == nil)
        // A cut-off snapshot is refused at every length, never trapped on.
        let bytes = try! PlanSnapshot.encode(Self.plans[1])
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            #expect(PlanSnapshot.decode(Array(bytes.prefix(length))) == nil)
        }
        // A period key no period has is refused.
        #expect(throws: (any Error).self) { try CompactBinaryDecoder.decode(Period.self, from: CompactBinaryEncoder.encode(Int64(99))) }
        #expect(try CompactBinaryDecoder.decode(Period.self, from: CompactBinaryEncoder.encode(Self.plans[0].start)) == Self.plans[0].start)
    }

    /// The shape of `Plan` (every stored property of every type in it, with its type) as it
    /// was when `PlanSnapshot.format` was last set. A new, removed or retyped property changes
    /// it: bump the format (old snapshots are then remade from their files) and update this.
    @Test func theSnapshotFormatNamesThePlansShape() {
        var shape = Set<String>()
        for plan in Self.plans { Self.collectShape(plan, into: &shape) }
        let fingerprint = shape.sorted().joined(separator: "\n").utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        #expect(PlanSnapshot.format == "planwatch-plan-compact/2")
        #expect(fingerprint == 15_325_671_204_696_938_372, "Plan's shape changed: bump PlanSnapshot.format and set this fingerprint to \(fingerprint). Shape:\n\(shape.sorted().joined(separator: "\n"))")
    }

    static func collectShape(_ value: Any, into shape: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        let owner = String(describing: mirror.subjectType)
        for child in mirror.children {
            if let label = child.label, mirror.displayStyle == .struct || mirror.displayStyle == .class {
                shape.insert("\(owner).\(label): \(type(of: child.value))")
            }
            collectShape(child.value, into: &shape)
        }
    }
}
