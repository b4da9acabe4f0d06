import Synchronization
import Testing
@testable import PlanWeb

/// Rebuilds are shared: approvals that arrive together cost one rebuild, and a change a
/// rebuild has already covered (the follower's racing a local approval) costs none.
@Suite struct PublishQueueTests {
    /// A read model stand-in: remembers the newest audit event it reflects and counts rebuilds.
    final class Model: Sendable {
        let state = Mutex((seen: Int64(0), rebuilds: 0))
        let head = Mutex(Int64(0))

        func rebuild(_ needed: Int64) async throws {
            guard state.withLock({ $0.seen }) < needed else { return }
            let head = self.head.withLock { $0 }
            try await Task.sleep(for: .milliseconds(20))
            state.withLock { $0.seen = max($0.seen, head); $0.rebuilds += 1 }
        }
    }

    @Test func aCoveredChangeCostsNoRebuild() async throws {
        let queue = PublishQueue()
        let model = Model()
        model.head.withLock { $0 = 5 }
        try await queue.publish(through: 5, model.rebuild)
        // The follower arrives with the same head: the model already reflects it.
        try await queue.publish(through: 5, model.rebuild)
        #expect(model.state.withLock { $0 } == (seen: 5, rebuilds: 1))
        model.head.withLock { $0 = 6 }
        try await queue.publish(through: 6, model.rebuild)
        #expect(model.state.withLock { $0 } == (seen: 6, rebuilds: 2))
    }

    @Test func approvalsThatArriveTogetherShareRebuilds() async throws {
        let queue = PublishQueue()
        let model = Model()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for seq in Int64(1)...40 {
                group.addTask {
                    model.head.withLock { $0 = max($0, seq) }
                    try await queue.publish(through: seq, model.rebuild)
                    // Every caller returns only once its own change is reflected.
                    #expect(model.state.withLock { $0.seen } >= seq)
                }
            }
            try await group.waitForAll()
        }
        let rebuilds = model.state.withLock { $0.rebuilds }
        #expect(rebuilds >= 1 && rebuilds < 40)
    }
}
