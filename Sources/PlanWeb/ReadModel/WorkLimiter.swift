import Foundation
import Synchronization

/// Lets at most `limit` pieces of heavy work (an assessment as of a new date, the validation of
/// an uploaded file) run at once; the rest wait their turn without holding a thread. Without it,
/// twenty such requests take every thread of Swift's shared pool, and every other request of the
/// site waits behind them. The default leaves one core for everything else.
///
/// The work runs on threads of its own, at a lower scheduling priority (nice 10), not on
/// Swift's shared pool: two limiters (public pages and uploads) each busy on a two-core
/// machine would otherwise take both of the pool's threads, and a page that needs none of that
/// work would wait; at a lower priority the kernel gives the CPU to a page first.
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

    /// Runs `work` on a low-priority thread of its own when a place is free.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await acquire()
        defer { release() }
        return await withCheckedContinuation { continuation in
            LowPriorityThread.start { continuation.resume(returning: work()) }
        }
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

/// Runs a job on a thread of its own at nice 10. A thread per job costs tens of microseconds,
/// nothing beside the work a limiter admits, and leaves no idle threads behind.
private enum LowPriorityThread {
    static func start(_ job: @escaping @Sendable () -> Void) {
        let thread = Thread {
            // On Linux a thread's nice value is its own: this lowers only this thread.
            _ = nice(10)
            job()
        }
        thread.name = "planwatch-work"
        thread.stackSize = 4 << 20
        thread.start()
    }
}
