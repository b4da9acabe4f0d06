import GRDB
import Synchronization

/// Commits concurrent writes together. SQLite has one writer and every commit waits for the
/// disk (`synchronous = FULL`), so at quarter end, when hundreds of reporters submit at once,
/// each waiting for the others' commits one by one made the last wait over a second. Here the
/// writes that arrive while a transaction commits run next, together, in one transaction, each
/// in its own savepoint: one write that fails (a conflict, a refused value) is rolled back alone
/// and the others commit. Every caller returns only after the commit that holds its write, so an
/// acknowledged write is as durable as before.
final class GroupCommit: Sendable {
    private let pool: DatabasePool
    private let queue = Mutex<(jobs: [Job], running: Bool)>(([], false))

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Runs `work` in a transaction shared with the writes waiting at the same time, and returns
    /// its result once that transaction has committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(work: work, continuation: continuation)
            let start = queue.withLock { q in
                q.jobs.append(job)
                if q.running { return false }
                q.running = true
                return true
            }
            if start { Task { await self.drain() } }
        }
    }

    /// Runs batches until no write is waiting.
    private func drain() async {
        while true {
            let jobs = queue.withLock { q in
                let jobs = q.jobs
                q.jobs = []
                if jobs.isEmpty { q.running = false }
                return jobs
            }
            guard !jobs.isEmpty else { return }
            do {
                try await pool.write { db in
                    for job in jobs { job.run(db) }
                }
                for job in jobs { job.finish(committed: nil) }
            } catch {
                for job in jobs { job.finish(committed: error) }
            }
        }
    }

    /// One caller's write: run inside the batch's transaction, answered after its commit.
    private final class Job: @unchecked Sendable {
        // Touched only by the one draining task: run in the transaction, then finish.
        private let body: (Database) -> Void
        private let answer: ((any Error)?) -> Void

        init<T: Sendable>(work: @escaping @Sendable (Database) throws -> T, continuation: CheckedContinuation<T, any Error>) {
            var outcome: Result<T, any Error> = .failure(CancellationError())
            body = { db in
                do {
                    var value: T?
                    try db.inSavepoint {
                        value = try work(db)
                        return .commit
                    }
                    outcome = .success(value!)
                } catch {
                    outcome = .failure(error)
                }
            }
            answer = { commitError in
                if let commitError { continuation.resume(throwing: commitError) } else { continuation.resume(with: outcome) }
            }
        }

        func run(_ db: Database) { body(db) }
        func finish(committed error: (any Error)?) { answer(error) }
    }
}
