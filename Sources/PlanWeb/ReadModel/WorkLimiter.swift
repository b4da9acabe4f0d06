import Foundation
import Synchronization

/// Lets at most `limit` pieces of heavy work (an assessment as of a new date, the validation of
/// an uploaded file) run at once; the rest wait their turn without holding a thread. Without it,
/// twenty such requests take every thread of Swift's shared pool, and every other request of the
/// site waits behind them. The default leaves one core for everything else.
final class WorkLimiter: Sendable {
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
        var peak = 0
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) {
        self.limit = max(1, limit)
    }

    /// The most pieces of work that ever ran at once (for the tests).
    var peak: Int { state.withLock { $0.peak } }

    /// Runs `work` when a place is free.
    func run<T: Sendable>(_ work: @Sendable () throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try work()
    }

    private func acquire() async {
        let admitted = state.withLock { s in
            guard s.running < limit else { return false }
            s.running += 1
            s.peak = max(s.peak, s.running)
            return true
        }
        if admitted { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s in
                // A place may have come free between the two locks.
                guard s.running < limit else {
                    s.waiting.append(continuation)
                    return false
                }
                s.running += 1
                s.peak = max(s.peak, s.running)
                return true
            }
            if now { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard !s.waiting.isEmpty else {
                s.running -= 1
                return nil
            }
            // The place passes straight to the first waiter.
            return s.waiting.removeFirst()
        }
        next?.resume()
    }
}
