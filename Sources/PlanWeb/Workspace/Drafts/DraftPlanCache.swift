import PlanCore
import Synchronization

/// The parsed plan of the drafts last read, by the SHA-256 of what the store keeps of them, so
/// that opening an edit page or saving a field does not read the draft again (its changes read
/// back against the version it revises, or for a draft kept whole, the whole file: 11.6 s for a
/// plan of 100,000 indicators). A draft saved by another server has another digest and is read anew.
final class DraftPlanCache: Sendable {
    private let entries = Mutex<[(sha: String, plan: Plan)]>([])
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    func plan(sha256: String) -> Plan? {
        entries.withLock { list in list.first { $0.sha == sha256 }?.plan }
    }

    func keep(_ plan: Plan, sha256: String) {
        entries.withLock { list in
            list.removeAll { $0.sha == sha256 }
            list.append((sha256, plan))
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
    }
}
